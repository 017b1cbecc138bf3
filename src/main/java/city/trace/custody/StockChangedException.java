package city.trace.custody;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;

/** Another recording took the stock an event counted on, between judging it and storing it: try again. */
public class StockChangedException extends ClientErrorException {

    public StockChangedException() {
        super("The stock changed while this was being recorded (someone else recorded a movement of the same lot); "
                + "nothing was stored. Try again.", Response.Status.CONFLICT);
    }
}
