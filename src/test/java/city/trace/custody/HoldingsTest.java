package city.trace.custody;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HoldingsTest {

    private static final String FLOUR = "https://id.gs1.org/01/08712345000017/10/F1";
    private static final String SALT = "https://id.gs1.org/01/08712345000024/10/S1";
    private static final String UNKNOWN = "https://id.gs1.org/01/08712345000031/10/X1";

    /** A ledger as StockLedger reads it: in the order of the events. */
    private static final List<StockLedger.Entry> LEDGER = List.of(
            new StockLedger.Entry(10, new Movement(FLOUR, "mill", 1L, null, new BigDecimal("100"), "KGM")),
            new StockLedger.Entry(11, new Movement(SALT, "saltworks", 2L, null, new BigDecimal("40"), "KGM")),
            new StockLedger.Entry(12, new Movement(FLOUR, "mill", null, null, new BigDecimal("-60"), "KGM")),
            new StockLedger.Entry(12, new Movement(FLOUR, "truck", 3L, "bakery", new BigDecimal("60"), "KGM")),
            new StockLedger.Entry(14, new Movement(SALT, "saltworks", null, null, new BigDecimal("-40"), null)),
            new StockLedger.Entry(15, new Movement(FLOUR, "truck", null, null, new BigDecimal("-25"), "KGM")));

    @Test
    void theStockBeforeEachEventIsTheLedgerUpToItInWhateverOrderEventsAreJudged() {
        CustodyHistory history = new CustodyHistory(null, List.of(), Map.of(), Map.of(), List.of(), LEDGER);
        // oldest first (each movement applied once), then back to earlier events, then on again
        for (long eventId : new long[] { 9, 10, 11, 12, 13, 15, 16, 12, 11, 16, 14 }) {
            Holdings whole = Holdings.empty();
            LEDGER.stream().filter(entry -> entry.eventId() < eventId).forEach(entry -> whole.apply(entry.movement()));
            assertSameAnswers(whole, history.holdingsBefore(eventId), "before event " + eventId);
        }
        assertEquals(new BigDecimal("35"), history.holdingsBefore(16).at(FLOUR, "truck"));
    }

    @Test
    void holdingsMovedOnWhileAnEventIsJudgedLeaveTheHistoryAsItWas() {
        CustodyHistory history = new CustodyHistory(null, List.of(), Map.of(), Map.of(), List.of(), LEDGER);
        Holdings judged = history.holdingsBefore(13);
        judged.apply(new Movement(FLOUR, "truck", null, null, new BigDecimal("-60"), "KGM"));
        judged.apply(new Movement(UNKNOWN, "bakery", 4L, null, new BigDecimal("10"), "EA"));
        assertEquals(BigDecimal.ZERO, judged.at(FLOUR, "truck"));
        assertEquals(new BigDecimal("10"), judged.at(UNKNOWN, "bakery"));
        assertEquals(new BigDecimal("60"), history.holdingsBefore(13).at(FLOUR, "truck"));
        assertFalse(history.holdingsBefore(16).knows(UNKNOWN));
    }

    private static void assertSameAnswers(Holdings expected, Holdings actual, String when) {
        for (String item : List.of(FLOUR, SALT, UNKNOWN)) {
            assertEquals(expected.knows(item), actual.knows(item), item + " " + when);
            assertEquals(expected.unitOf(item), actual.unitOf(item), item + " " + when);
            assertEquals(expected.placesHolding(item), actual.placesHolding(item), item + " " + when);
            for (String place : List.of("mill", "truck", "saltworks", "bakery")) {
                assertEquals(expected.at(item, place), actual.at(item, place), item + " at " + place + " " + when);
            }
        }
    }
}
