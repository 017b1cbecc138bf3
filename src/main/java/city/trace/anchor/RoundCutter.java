package city.trace.anchor;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import city.trace.merkle.Bytes32;
import city.trace.merkle.MerkleTree;
import city.trace.anchor.AnchorConfig;
import io.agroal.api.AgroalDataSource;

/**
 * Cuts rounds from the outbox, one organisation's events at a time (each anchors its own from its own account):
 * when {@code roundSize} of its events wait, or its oldest has waited {@code roundInterval}, their fingerprints
 * become the leaves of an RFC 6962 tree, and the tree's root and every leaf's audit path are stored, all in one
 * transaction. Waiting records that are not events (the access log) make rounds of their own, which this node's
 * account anchors.
 */
@ApplicationScoped
public class RoundCutter {

    /** Key of the advisory lock held while cutting. */
    private static final long CUT_LOCK = 0x6369747974726163L;
    private static final Logger LOG = Logger.getLogger(RoundCutter.class);

    @Inject
    AgroalDataSource db;

    @Inject
    AnchorConfig config;

    /** A waiting record that is not an event. */
    private record Record(String kind, long id) {
    }

    /** The events (of one organisation) or else the other records of the next round, oldest first. */
    private record Waiting(Long organizationId, List<Long> eventIds, List<Record> records, List<byte[]> digests) {
    }

    /**
     * Whose round is due first: an organisation with a full round or whose oldest event has waited long enough
     * (null: the records that are not events), the longest waiting first.
     */
    private static final String DUE = """
            select organization_id, false, min(enqueued_at) from anchor_outbox group by organization_id
            having count(*) >= ? or min(enqueued_at) <= ?
            union all
            select null, true, min(enqueued_at) from anchor_record where round_id is null
            having count(*) >= ? or min(enqueued_at) <= ?
            order by 3 limit 1""";

    /** Cuts one round if one is due; returns its id. */
    @Transactional
    public Optional<Long> cutIfDue(long chainId, String contract) {
        try (Connection c = db.getConnection()) {
            Optional<Waiting> due = due(c);
            if (due.isEmpty()) {
                return Optional.empty();
            }
            Waiting waiting = due.get();
            long t0 = System.nanoTime();
            MerkleTree tree = MerkleTree.of(waiting.digests());
            long roundId = roundFor(c, tree, waiting.organizationId(), chainId, contract);
            long t1 = System.nanoTime();
            storeLeaves(c, roundId, tree, waiting.eventIds());
            storeRecordLeaves(c, roundId, tree, waiting.eventIds().size(), waiting.records());
            long t2 = System.nanoTime();
            try (PreparedStatement done = c.prepareStatement("delete from anchor_outbox where event_id = any(?)")) {
                done.setArray(1, c.createArrayOf("bigint", waiting.eventIds().toArray()));
                done.executeUpdate();
            }
            LOG.debugf("Round %d: %d leaves; tree %d ms, proofs stored %d ms, outbox %d ms", roundId, tree.size(),
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
            return Optional.of(roundId);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not cut an anchoring round: " + e.getMessage(), e);
        }
    }

    private Optional<Waiting> due(Connection c) throws SQLException {
        // one lock for the whole cut (not one per row): never two rounds of one event, even with two workers
        try (var lock = c.createStatement()) {
            lock.execute("select pg_advisory_xact_lock(" + CUT_LOCK + ")");
        }
        Long organizationId;
        boolean records;
        try (PreparedStatement due = c.prepareStatement(DUE)) {
            Timestamp waitedEnough = Timestamp.from(Instant.now().minus(config.roundInterval()));
            due.setInt(1, config.roundSize());
            due.setTimestamp(2, waitedEnough);
            due.setInt(3, config.roundSize());
            due.setTimestamp(4, waitedEnough);
            try (ResultSet rs = due.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                organizationId = (Long) rs.getObject(1);
                records = rs.getBoolean(2);
            }
        }
        List<Long> ids = new ArrayList<>();
        List<Record> waitingRecords = new ArrayList<>();
        List<byte[]> digests = new ArrayList<>();
        if (records) {
            try (PreparedStatement next = c.prepareStatement("select kind, record_id, digest from anchor_record "
                    + "where round_id is null order by enqueued_at, kind, record_id limit ?")) {
                next.setInt(1, config.roundSize());
                try (ResultSet rs = next.executeQuery()) {
                    while (rs.next()) {
                        waitingRecords.add(new Record(rs.getString(1), rs.getLong(2)));
                        digests.add(rs.getBytes(3));
                    }
                }
            }
            return Optional.of(new Waiting(null, ids, waitingRecords, digests));
        }
        try (PreparedStatement next = c.prepareStatement(
                "select event_id, digest from anchor_outbox where organization_id = ? order by event_id limit ?")) {
            next.setLong(1, organizationId);
            next.setInt(2, config.roundSize());
            try (ResultSet rs = next.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    digests.add(rs.getBytes(2));
                }
            }
        }
        return Optional.of(new Waiting(organizationId, ids, waitingRecords, digests));
    }

    /**
     * A new round for the tree; or, when the same root was cut before (the same fingerprints in the same
     * order, e.g. an event captured again under another eventID), that round: its proofs hold for these too.
     */
    private static long roundFor(Connection c, MerkleTree tree, Long organizationId, long chainId, String contract)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into anchor_round (root, leaf_count, status, "
                + "organization_id, chain_id, contract) values (?, ?, 'PENDING', ?, ?, ?) "
                + "on conflict (root) do nothing returning id")) {
            insert.setBytes(1, tree.root().toByteArray());
            insert.setInt(2, tree.size());
            insert.setObject(3, organizationId, Types.BIGINT);
            insert.setLong(4, chainId);
            insert.setString(5, contract);
            try (ResultSet rs = insert.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        try (PreparedStatement existing = c.prepareStatement("select id from anchor_round where root = ?")) {
            existing.setBytes(1, tree.root().toByteArray());
            try (ResultSet rs = existing.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Stores every leaf's audit path. The paths travel as one binary parameter with their offsets and lengths,
     * and the database cuts them apart: sent as an array they would be hex text, parsed back element by element.
     */
    private static void storeLeaves(Connection c, long roundId, MerkleTree tree, List<Long> eventIds)
            throws SQLException {
        int n = eventIds.size();
        Integer[] indexes = new Integer[n];
        Integer[] offsets = new Integer[n];
        Integer[] lengths = new Integer[n];
        ByteArrayOutputStream paths = new ByteArrayOutputStream(n * 16 * Bytes32.LENGTH);
        for (int i = 0; i < n; i++) {
            byte[] path = tree.inclusionProof(i).packedPath();
            indexes[i] = i;
            offsets[i] = paths.size();
            lengths[i] = path.length;
            paths.writeBytes(path);
        }
        try (PreparedStatement insert = c.prepareStatement("insert into anchor_leaf (event_id, round_id, leaf_index, "
                + "audit_path) select e, ?, i, substring(?::bytea from o + 1 for l) "
                + "from unnest(?::bigint[], ?::int[], ?::int[], ?::int[]) as u(e, i, o, l)")) {
            insert.setLong(1, roundId);
            insert.setBytes(2, paths.toByteArray());
            insert.setArray(3, c.createArrayOf("bigint", eventIds.toArray()));
            insert.setArray(4, c.createArrayOf("int4", indexes));
            insert.setArray(5, c.createArrayOf("int4", offsets));
            insert.setArray(6, c.createArrayOf("int4", lengths));
            insert.executeUpdate();
        }
    }

    /** The leaves after the first {@code from}: the records', each given its round, place and audit path. */
    private static void storeRecordLeaves(Connection c, long roundId, MerkleTree tree, int from, List<Record> records)
            throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement("update anchor_record set round_id = ?, leaf_index = ?, "
                + "audit_path = ? where kind = ? and record_id = ?")) {
            for (int i = 0; i < records.size(); i++) {
                update.setLong(1, roundId);
                update.setInt(2, from + i);
                update.setBytes(3, tree.inclusionProof(from + i).packedPath());
                update.setString(4, records.get(i).kind());
                update.setLong(5, records.get(i).id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
