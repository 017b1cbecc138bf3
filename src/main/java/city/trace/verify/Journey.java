package city.trace.verify;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import city.trace.batch.Batch;
import city.trace.device.TemperatureRecord;
import city.trace.device.coldchain.Excursion;
import city.trace.device.coldchain.ReadingChart;
import city.trace.gs1.DigitalLink;
import city.trace.product.Product;
import city.trace.proof.BundleEvent;
import city.trace.proof.Outcome;
import io.quarkus.qute.RawString;

/**
 * Where a lot came from: its own steps and, through transformations, those of its inputs (the bread's
 * flour's wheat), each with what happened, when, where, who recorded it, and what the chain says of it.
 *
 * @param subject  the lot (or serialised item) the journey is of
 * @param lot      its lot, null for an item
 * @param batch    the registered batch, or null when only events name the lot
 * @param origin   where the lot was made (null when unknown)
 * @param steps    its history (the events their recorders were entitled to record), oldest first
 * @param claims   third-party claims about it: events whose recorders were not entitled to record them, which
 *                 the page shows apart and does not vouch for
 * @param verdict  the worst outcome among the steps (VERIFIED only when all are)
 * @param proofs   the steps as the proof bundle states them: exactly what was verified
 * @param recalled whether the lot is recalled: its batch is marked so, or its own history holds a recall
 * @param temperatures what registered devices measured of the lot, or null
 * @param read     what the journey was built from, to tell later whether it still holds ({@link PageSnapshots})
 * @param settled  whether nothing on the page can change any more but by new records: every shown event VERIFIED
 *                 against a FINAL root, and no device readings (whose signatures pages check at each visit)
 */
public record Journey(DigitalLink subject, String gtin, String lot, Product product, Batch batch, Place origin,
        List<Step> steps, List<Step> claims, Outcome verdict, LocatorMap map, List<BundleEvent> proofs,
        boolean recalled, Temperatures temperatures, Read read, boolean settled) {

    /**
     * The identifiers whose events were read (the subject and all upstream of it), the events naming them
     * (ascending ids), and the ones the page shows: its history and the claims by others.
     */
    public record Read(List<String> identifiers, List<Long> eventIds, List<Long> shownIds) {
    }

    /**
     * What registered devices measured of the lot on its way (null when nothing was), and which devices' readings
     * the verifier found VERIFIED: every event recording them, signature included.
     */
    public record Temperatures(TemperatureRecord record, Set<Long> verifiedDevices, ZoneId zone) {

        public int devices() {
            return record.series().size();
        }

        public boolean allVerified() {
            return verifiedDevices.size() == record.series().size();
        }

        /** The worst excursion that broke the lot's requirement, if one did. */
        public Excursion breach() {
            return record.evaluation() == null ? null
                    : record.evaluation().excursions().stream().filter(Excursion::breach)
                            .max(Comparator.comparing(Excursion::duration)).orElse(null);
        }

        /** The longest excursion from the allowed range, tolerated or not, if there was one. */
        public Excursion longest() {
            return record.evaluation() == null ? null
                    : record.evaluation().excursions().stream().max(Comparator.comparing(Excursion::duration))
                            .orElse(null);
        }

        public boolean mktBreached() {
            return record.evaluation() != null && record.evaluation().mktBreached();
        }

        /** The mean kinetic temperature to one decimal, when the lot has a requirement. */
        public String mkt() {
            Double mkt = record.evaluation() == null ? null : record.evaluation().meanKineticCelsius();
            return mkt == null ? "" : String.format(Locale.ROOT, "%.1f", mkt);
        }

        /** The chart in the reader's words, as SVG to put into the page. */
        public RawString chart(String title, String description, String verified, String unverified,
                String excursion, String band) {
            return new RawString(record.svg(new ReadingChart.Labels(title, description, "°C", verified, unverified,
                    excursion, band), zone, series -> verifiedDevices.contains(series.device().id)));
        }
    }

    /** A place of the journey: a member's site. */
    public record Place(String name, String city, String organization, BigDecimal latitude, BigDecimal longitude) {
    }

    /**
     * One event of the journey.
     *
     * @param lotLabel  the lot it concerns ("Winter wheat, bulk · lot W2026-07")
     * @param upstream  whether it concerns an input rather than the lot itself
     * @param made      for a transformation: what it made ("Stoneground wheat flour · lot F…"), else null
     * @param brandOwnerMember whether the lot's GS1 company prefix belongs to a consortium member (if not, the
     *                  claim is only its recorder's)
     * @param brokenRule for a third-party claim, the recording rule it breaks (null for the lot's history)
     */
    public record Step(long id, String eventId, String hash, String prehash, String eventType, String bizStep,
            String lotLabel, boolean upstream, String made, Instant when, String offset, Place where, String whereUri,
            String who, boolean brandOwnerMember, String brokenRule, Verification verification) {
    }

    /** The subject's Digital Link path, the same on every resolver: /01/{gtin}/10/{lot}. */
    public String path() {
        return subject.path();
    }
}
