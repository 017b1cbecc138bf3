package city.trace.epcis;

import java.util.EnumSet;
import java.util.Set;

/** The list of an event an identifier appears in, as the MATCH_ query parameters distinguish them. */
public enum IdentifierRole {
    EPC("epc", "epcList", false),
    PARENT("parent", "parentID", false),
    CHILD("child", "childEPCs", false),
    INPUT("input", "inputEPCList", false),
    OUTPUT("output", "outputEPCList", false),
    CLASS("class", "quantityList", true),
    CHILD_CLASS("child_class", "childQuantityList", true),
    INPUT_CLASS("input_class", "inputQuantityList", true),
    OUTPUT_CLASS("output_class", "outputQuantityList", true);

    /** The value of epcis_event_epc.role. */
    public final String code;
    /** The event field the identifier comes from. */
    public final String field;
    /** Whether the field is a quantity list (its elements' epcClass) rather than a list of EPCs. */
    public final boolean quantity;

    IdentifierRole(String code, String field, boolean quantity) {
        this.code = code;
        this.field = field;
        this.quantity = quantity;
    }

    /** Every role that names instances (EPCs), for MATCH_anyEPC and /epcs/{epc}/events. */
    public static final Set<IdentifierRole> ANY_EPC = EnumSet.of(EPC, PARENT, CHILD, INPUT, OUTPUT);
    /** What a transformation used: its input EPCs and classes. */
    public static final Set<IdentifierRole> INPUTS = EnumSet.of(INPUT, INPUT_CLASS);
    /** What a transformation made: its output EPCs and classes. */
    public static final Set<IdentifierRole> OUTPUTS = EnumSet.of(OUTPUT, OUTPUT_CLASS);
    /** Every role that names classes, for MATCH_anyEPCClass. */
    public static final Set<IdentifierRole> ANY_CLASS = EnumSet.of(CLASS, CHILD_CLASS, INPUT_CLASS, OUTPUT_CLASS);
}
