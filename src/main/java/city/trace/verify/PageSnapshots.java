package city.trace.verify;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import city.trace.anchor.Anchoring;
import city.trace.anchor.Anchorings;
import city.trace.epcis.EpcisEvent;
import city.trace.epcis.hash.EventHash;
import city.trace.epcis.hash.EventHasher;
import city.trace.epcis.hash.HashVersion;
import city.trace.gs1.DigitalLink;
import city.trace.web.WebConfig;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Public pages kept in the database once their journey is settled, so that a visit re-checks a page instead of
 * building it: a city's lots are many and each is scanned now and then, so the page cache in memory rarely helps.
 * A kept page is served only while everything it was built from still holds, checked at each visit with three
 * statements: the same app build and settings (renderer), no change to names, places, members or delegations
 * (the page epoch, moved by triggers), the same batch row, the same events naming the identifiers read in a role
 * a journey reads (a new event about the lot or its inputs builds the page again; one made from them does not),
 * each event's row and each shown event's anchoring as they were (digests), and every shown event's hash
 * recomputed from its stored row. The MAC, under a key derived from {@code citytrace.web.csrf-secret}, keeps a
 * page written into the database by anyone else from being served. When anything fails, the page is built and
 * verified anew — which also raises the tamper alerts.
 */
@ApplicationScoped
public class PageSnapshots {

    private static final Logger LOG = Logger.getLogger(PageSnapshots.class);

    private static final String LOOKUP = """
            select s.renderer, s.epoch, s.batch_version, s.identifiers, s.event_ids, s.shown_ids, s.event_digests,
                   s.page, s.mac, (select value from page_epoch),
                   (select cast(b.xmin as text) from batch b join product p on p.id = b.product_id
                    where p.gtin = ? and b.lot = ?),
                   array(select distinct x.event_id from epcis_event_epc x where x.epc = any(s.identifiers)
                         and x.%s order by 1)
            from (values (1)) as one left join page_snapshot s on s.subject = ? and s.language = ?"""
            .formatted(EpcisEvent.JOURNEY_ROLES);

    private static final String EVENTS = """
            select id, organization_id, event_time, cast(event as text), cast(namespaces as text), hash_version, hash,
                   prehash, concat_ws(' ', event_type, action, event_time_zone_offset, biz_step, disposition,
                   read_point, biz_location)
            from epcis_event where id = any(?)""";

    private static final String KEEP = """
            insert into page_snapshot (subject, language, renderer, epoch, batch_version, identifiers, event_ids,
                                       shown_ids, event_digests, page, mac)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (subject, language) do update set renderer = excluded.renderer, epoch = excluded.epoch,
                batch_version = excluded.batch_version, identifiers = excluded.identifiers,
                event_ids = excluded.event_ids, shown_ids = excluded.shown_ids, event_digests = excluded.event_digests,
                page = excluded.page, mac = excluded.mac, built_at = now()""";

    /**
     * What a visit found: the kept page when it still holds (else null), and the state a page built now is kept
     * against — read before the build, so that a change during it builds the page again at the next visit.
     */
    public record Lookup(String subject, String language, long epoch, String batchVersion, RenderedPage page) {

        public Optional<RenderedPage> kept() {
            return Optional.ofNullable(page);
        }
    }

    /**
     * An event's row as the checks read it; {@code shownColumns}: the other columns pages show (type, action, offset,
     * business step, disposition, read point, business location), which the verifier checks against the event.
     */
    private record Row(long id, long recorder, OffsetDateTime eventTime, String event, String namespaces,
            String hashVersion, String hash, String prehash, String shownColumns) {
    }

    @Inject
    AgroalDataSource db;

    @Inject
    Anchorings anchorings;

    @Inject
    VerifyConfig config;

    @Inject
    WebConfig web;

    @Inject
    MeterRegistry metrics;

    private final EventHasher hasher = new EventHasher();
    private String renderer;
    private SecretKeySpec key;
    private Counter served;
    private Counter built;

    @PostConstruct
    void start() {
        renderer = build() + " depth " + config.maxUpstreamDepth();
        LOG.infof("Public pages kept in the database serve while rendered by: %s", renderer);
        key = new SecretKeySpec(Fields.mac(new SecretKeySpec(web.csrfSecret().orElseThrow()
                .getBytes(StandardCharsets.UTF_8), "HmacSHA256")).add("CityTrace page snapshots v1").result(), "HmacSHA256");
        served = metrics.counter("citytrace.public.pages", "source", "kept");
        built = metrics.counter("citytrace.public.pages", "source", "built");
    }

    /**
     * The app build that renders pages: the SHA-256 of its jar (the same on every instance running it); when the
     * classes are not in a jar (tests, dev mode), one of its own per start.
     */
    private static String build() {
        URL classes = PageSnapshots.class.getProtectionDomain().getCodeSource() == null ? null
                : PageSnapshots.class.getProtectionDomain().getCodeSource().getLocation();
        if (classes != null && classes.getPath().endsWith(".jar")) {
            try (InputStream jar = classes.openStream()) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                byte[] buffer = new byte[1 << 16];
                for (int n = jar.read(buffer); n >= 0; n = jar.read(buffer)) {
                    sha.update(buffer, 0, n);
                }
                return "jar " + HexFormat.of().formatHex(sha.digest());
            } catch (IOException | GeneralSecurityException e) {
                LOG.warnf("Cannot read the app's jar %s (%s): kept public pages are built again after each start",
                        classes, e.getMessage());
            }
        }
        return "start " + UUID.randomUUID();
    }

    /** The kept page of a lot ({@code lot}) or item in a language, if it still holds. */
    public Lookup lookup(DigitalLink subject, String lot, Locale locale) {
        String language = locale.getLanguage();
        Kept kept;
        Map<Long, Row> rows = null;
        Map<Long, Anchoring> anchoring = null;
        try (Connection c = db.getConnection()) {
            kept = kept(c, subject, lot, language);
            if (kept.current(renderer)) {
                rows = rows(c, List.of(kept.eventIds()));
                anchoring = anchorings.of(c, List.of(kept.shownIds()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the kept page of " + subject.path() + ": " + e.getMessage(), e);
        }
        // the connection is back in the pool before the hashes are recomputed
        Lookup miss = new Lookup(subject.path(), language, kept.epochNow(), kept.batchNow(), null);
        if (rows == null || !MessageDigest.isEqual(kept.mac(), mac(miss, kept.identifiers(), kept.eventIds(),
                kept.shownIds(), kept.digests(), kept.page())) || !stillHolds(kept, rows, anchoring)) {
            return miss;
        }
        served.increment();
        return new Lookup(miss.subject(), language, kept.epoch(), kept.batchVersion(), new RenderedPage(kept.page()));
    }

    /**
     * A kept page as a visit reads it (all empty when there is none), beside the state it must still match: the page
     * epoch, the batch row's version and the events naming its identifiers now.
     */
    private record Kept(String renderer, long epoch, String batchVersion, String[] identifiers, Long[] eventIds,
            Long[] shownIds, byte[][] digests, byte[] page, byte[] mac, long epochNow, String batchNow,
            Long[] eventIdsNow) {

        /** Whether this app build rendered it, from the names, batch row and events there are now. */
        boolean current(String renderedBy) {
            return renderedBy.equals(renderer) && epoch == epochNow && Objects.equals(batchVersion, batchNow)
                    && Arrays.equals(eventIds, eventIdsNow) && digests.length == eventIds.length;
        }
    }

    private static Kept kept(Connection c, DigitalLink subject, String lot, String language) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(LOOKUP)) {
            query.setString(1, subject.keyValue());
            query.setString(2, lot);
            query.setString(3, subject.path());
            query.setString(4, language);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return new Kept(rs.getString(1), rs.getLong(2), rs.getString(3), array(rs, 4, String[].class),
                        array(rs, 5, Long[].class), array(rs, 6, Long[].class), array(rs, 7, byte[][].class),
                        rs.getBytes(8), rs.getBytes(9), rs.getLong(10), rs.getString(11), array(rs, 12, Long[].class));
            }
        }
    }

    /**
     * Keeps a page just built from {@code journey} when its journey is settled; the rows it keeps digests of are
     * read again and must be the ones the journey verified (else the next visit builds it again). A page that
     * cannot be kept is still served.
     */
    public void keep(Journey journey, Lookup lookup, RenderedPage page) {
        built.increment();
        if (!journey.settled()) {
            return;
        }
        Journey.Read read = journey.read();
        Map<Long, String> shownHashes = Stream.concat(journey.steps().stream(), journey.claims().stream())
                .collect(Collectors.toMap(Journey.Step::id, Journey.Step::hash, (a, b) -> a));
        try (Connection c = db.getConnection()) {
            Map<Long, Row> rows = rows(c, read.eventIds());
            Map<Long, Anchoring> anchoring = anchorings.of(c, read.shownIds());
            boolean asVerified = rows.keySet().containsAll(read.eventIds()) && read.shownIds().stream()
                    .allMatch(id -> rows.get(id).hash().equals(shownHashes.get(id)) && anchoring.get(id).isFinal());
            if (asVerified) {
                insert(c, lookup, read, rows, anchoring, page);
            }
        } catch (SQLException e) {
            LOG.warnf("Could not keep the page of %s: %s", lookup.subject(), e.getMessage());
        }
    }

    private void insert(Connection c, Lookup lookup, Journey.Read read, Map<Long, Row> rows,
            Map<Long, Anchoring> anchoring, RenderedPage page) throws SQLException {
        Long[] eventIds = read.eventIds().toArray(Long[]::new);
        Long[] shownIds = read.shownIds().stream().sorted().toArray(Long[]::new);
        byte[][] digests = Arrays.stream(eventIds).map(id -> digest(rows.get(id), anchoring.get(id))).toArray(byte[][]::new);
        String[] identifiers = read.identifiers().toArray(String[]::new);
        byte[] mac = mac(lookup, identifiers, eventIds, shownIds, digests, page.gzipped());
        try (PreparedStatement insert = c.prepareStatement(KEEP)) {
            insert.setString(1, lookup.subject());
            insert.setString(2, lookup.language());
            insert.setString(3, renderer);
            insert.setLong(4, lookup.epoch());
            insert.setString(5, lookup.batchVersion());
            insert.setArray(6, c.createArrayOf("text", identifiers));
            insert.setArray(7, c.createArrayOf("bigint", eventIds));
            insert.setArray(8, c.createArrayOf("bigint", shownIds));
            insert.setArray(9, c.createArrayOf("bytea", digests));
            insert.setBytes(10, page.gzipped());
            insert.setBytes(11, mac);
            insert.executeUpdate();
        }
    }

    /**
     * Whether every event row and shown event's anchoring is as kept, and every shown event's hash recomputes from
     * its stored row: what the verifier checked when the page was built, of roots the chain had confirmed.
     */
    private boolean stillHolds(Kept kept, Map<Long, Row> rows, Map<Long, Anchoring> anchoring) {
        Long[] eventIds = kept.eventIds();
        for (int i = 0; i < eventIds.length; i++) {
            Row row = rows.get(eventIds[i]);
            if (row == null || !MessageDigest.isEqual(kept.digests()[i], digest(row, anchoring.get(row.id())))) {
                return false;
            }
        }
        return Stream.of(kept.shownIds()).allMatch(id -> anchoring.get(id).isFinal() && hashRecomputes(rows.get(id)));
    }

    private boolean hashRecomputes(Row row) {
        try {
            EventHash again = hasher.hash(EpcisEvent.parseEvent(row.event()),
                    EpcisEvent.parseNamespaces(row.namespaces()), HashVersion.parse(row.hashVersion()));
            return again.hash().equals(row.hash()) && again.prehash().equals(row.prehash());
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    private static Map<Long, Row> rows(Connection c, List<Long> ids) throws SQLException {
        Map<Long, Row> rows = new HashMap<>();
        try (PreparedStatement query = c.prepareStatement(EVENTS)) {
            query.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    Row row = new Row(rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9));
                    rows.put(row.id(), row);
                }
            }
        }
        return rows;
    }

    /**
     * A digest of an event's row as the page depends on it: for an event the page shows (with its anchoring), its
     * hash, which each visit recomputes from the stored event; for one it does not show (anchoring null), the stored
     * event itself, which decided that it is none of the lot's ancestry.
     */
    private static byte[] digest(Row row, Anchoring anchoring) {
        Instant eventTime = row.eventTime().toInstant();
        Fields fields = Fields.sha256().add(row.id()).add(row.recorder()).add(eventTime.getEpochSecond())
                .add(eventTime.getNano()).add(row.shownColumns()).add(row.hashVersion()).add(row.hash());
        if (anchoring == null) {
            return fields.add(row.event()).add(row.namespaces()).add(row.prehash()).result();
        }
        Instant blockTime = anchoring.blockTime();
        return fields.add(anchoring.roundId()).add(anchoring.status().ordinal())
                .add(anchoring.leafIndex()).add(anchoring.treeSize()).add(anchoring.auditPath()).add(anchoring.root())
                .add(anchoring.chainId()).add(anchoring.contract()).add(anchoring.sender()).add(anchoring.txHash())
                .add(anchoring.blockNumber()).add(blockTime == null ? null : blockTime.getEpochSecond())
                .add(blockTime == null ? 0 : blockTime.getNano()).result();
    }

    private byte[] mac(Lookup lookup, String[] identifiers, Long[] eventIds, Long[] shownIds, byte[][] digests,
            byte[] page) {
        Fields fields = Fields.mac(key).add(lookup.subject()).add(lookup.language()).add(renderer).add(lookup.epoch())
                .add(lookup.batchVersion()).add(identifiers.length);
        Stream.of(identifiers).forEach(fields::add);
        fields.add(eventIds.length);
        Stream.of(eventIds).forEach(fields::add);
        fields.add(shownIds.length);
        Stream.of(shownIds).forEach(fields::add);
        Stream.of(digests).forEach(fields::add);
        return fields.add(page).result();
    }

    private static <T> T array(ResultSet rs, int column, Class<T> type) throws SQLException {
        Array array = rs.getArray(column);
        return type.cast(array == null ? java.lang.reflect.Array.newInstance(type.componentType(), 0) : array.getArray());
    }

    /**
     * Values fed one after another into a digest or MAC, each with its length, so that no two lists of them give the
     * same bytes. Small values are gathered first: a digest's update costs more than the few bytes of one.
     */
    private static final class Fields {
        private static final MessageDigest SHA256;

        static {
            try {
                SHA256 = MessageDigest.getInstance("SHA-256");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }

        private final MessageDigest sha;
        private final Mac mac;
        private final byte[] gathered = new byte[1024];
        private int used;

        private Fields(MessageDigest sha, Mac mac) {
            this.sha = sha;
            this.mac = mac;
        }

        static Fields sha256() {
            try {
                return new Fields((MessageDigest) SHA256.clone(), null);
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("SHA-256 cannot be copied", e);
            }
        }

        static Fields mac(SecretKeySpec key) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return new Fields(null, mac);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
        }

        Fields add(String value) {
            return add(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        }

        Fields add(byte[] value) {
            add(value == null ? -1L : value.length);
            if (value == null) {
                return this;
            }
            if (value.length > gathered.length - used) {
                flush();
            }
            if (value.length > gathered.length) {
                update(value, value.length);
            } else {
                System.arraycopy(value, 0, gathered, used, value.length);
                used += value.length;
            }
            return this;
        }

        /** A number that may be absent: a mark of its presence, then its value. */
        Fields add(Long value) {
            return value == null ? add(0L) : add(1L).add(value.longValue());
        }

        Fields add(long value) {
            if (gathered.length - used < Long.BYTES) {
                flush();
            }
            for (int i = 0; i < Long.BYTES; i++) {
                gathered[used++] = (byte) (value >>> (56 - 8 * i));
            }
            return this;
        }

        private void flush() {
            update(gathered, used);
            used = 0;
        }

        private void update(byte[] bytes, int length) {
            if (sha != null) {
                sha.update(bytes, 0, length);
            } else {
                mac.update(bytes, 0, length);
            }
        }

        byte[] result() {
            flush();
            return sha != null ? sha.digest() : mac.doFinal();
        }
    }
}
