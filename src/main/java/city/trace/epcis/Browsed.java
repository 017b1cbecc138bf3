package city.trace.epcis;

/**
 * What the REST binding's browse resources list (/bizSteps, /dispositions, /readPoints, /bizLocations, /epcs):
 * where the values are stored and the query parameter that finds a value's events.
 */
public enum Browsed {
    BIZ_STEPS("bizSteps", "e.biz_step", "epcis_event e", "EQ_bizStep"),
    DISPOSITIONS("dispositions", "e.disposition", "epcis_event e", "EQ_disposition"),
    READ_POINTS("readPoints", "e.read_point", "epcis_event e", "EQ_readPoint"),
    BIZ_LOCATIONS("bizLocations", "e.biz_location", "epcis_event e", "EQ_bizLocation"),
    EPCS("epcs", "x.epc", "epcis_event_epc x join epcis_event e on e.id = x.event_id", "MATCH_anyEPC");

    /** The resource's name under /epcis. */
    final String resource;
    final String column;
    final String from;
    final String parameter;

    Browsed(String resource, String column, String from, String parameter) {
        this.resource = resource;
        this.column = column;
        this.from = from;
        this.parameter = parameter;
    }
}
