package city.trace.bench;

import java.util.Locale;

/**
 * A capture load for benchmarks that measure what capture leaves behind (memory): documents of 1,000 generated
 * events captured over HTTP as the realm's machine client.
 *
 * <p>Arguments: appUrl keycloakUrl label documents [clients (4)]; the label (a few characters) makes the events new (the same label
 * twice captures the same eventIDs, which are not stored again).
 */
public final class CaptureLoad {

    private CaptureLoad() {
    }

    public static void main(String[] args) throws Exception {
        int documents = Integer.parseInt(args[3]);
        int clients = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        long nanos = new CaptureClient(args[0], args[1]).capture(CaptureClient.generate(args[2], documents,
                CaptureClient.EVENTS_PER_DOCUMENT), clients);
        System.out.printf(Locale.ROOT, "Captured %,d events in %.1f s%n", documents * CaptureClient.EVENTS_PER_DOCUMENT,
                nanos / 1e9);
    }
}
