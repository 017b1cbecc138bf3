package city.trace.device;

import org.jboss.resteasy.reactive.RestForm;

/** A cold-chain requirement to set: for one product (its GTIN) or a category, a band and tolerances in °C. */
public class ColdChainForm {

    /** The GTIN of one of the organisation's products; blank for a category. */
    @RestForm
    public String product;

    /** A category of the organisation's products (as the products name it); used when no product is chosen. */
    @RestForm
    public String category;

    @RestForm
    public String minCelsius;

    @RestForm
    public String maxCelsius;

    @RestForm
    public String toleratedMinutes;

    @RestForm
    public String maxMktCelsius;
}
