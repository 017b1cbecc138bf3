package city.trace.custody;

/**
 * The written rules of who may record what (README, "Who may record what"). A refusal names its rule by
 * {@link #code}, in problem+json answers and on pages.
 */
public enum Rule {
    /** Events that create or change a lot or item come from the owner of its GS1 company prefix or a delegate. */
    LOT_OWNER("lot-owner", "only the organisation that owns an identifier's GS1 company prefix (or one it "
            + "delegated to) may commission, transform into, change, destroy or recall it; a regulator may recall it too"),
    /** Shipping, receiving, transport and observation events come from the parties to the movement. */
    MOVEMENT_PARTY("movement-party", "only the parties to a movement (the owner, the holder, the carrier, the "
            + "receiver) may record shipping, receiving, transport and observations of goods"),
    /** A transformation uses only what the recorder holds. */
    INPUT_HOLDER("input-holder", "a transformation may only use lots the recording organisation holds"),
    /** A member's sites are the member's: others record there only as parties to a movement. */
    LOCATION_OWNER("location-owner", "events at a member's site come from that member, or from the parties to "
            + "a movement of goods there"),
    /** Nothing leaves a place that is not there. */
    STOCK("stock", "a place cannot give away more of a lot than it holds"),
    /** A lot is counted in one kind of unit. */
    UNIT("unit", "quantities of one lot must be in units of one kind (mass, volume or count)");

    public final String code;
    public final String description;

    Rule(String code, String description) {
        this.code = code;
        this.description = description;
    }
}
