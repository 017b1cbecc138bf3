package city.trace.anchor;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import city.trace.chain.ChainConfig;
import city.trace.merkle.Bytes32;
import city.trace.proof.AnchoringStatus;
import io.agroal.api.AgroalDataSource;

/**
 * The one read model of where events stand on their way to the chain: for a set of events, each one's leaf,
 * audit path, anchor round, root, transaction, block and status, in one query. Pages, the proof API, bundles
 * and the sweep read anchoring through it; what it returns is the database's claim, which the verifier checks.
 */
@ApplicationScoped
public class Anchorings {

    private static final String QUERY = """
            select l.event_id, r.id, r.status, l.leaf_index, r.leaf_count, l.audit_path, r.root, r.chain_id,
                   r.contract, r.sender, r.tx_hash, r.block_number, r.block_time
            from anchor_leaf l join anchor_round r on r.id = l.round_id
            where l.event_id = any(?)""";

    private static final String RECORDS_QUERY = """
            select a.record_id, r.id, r.status, a.leaf_index, r.leaf_count, a.audit_path, r.root, r.chain_id,
                   r.contract, r.sender, r.tx_hash, r.block_number, r.block_time
            from anchor_record a join anchor_round r on r.id = a.round_id
            where a.record_id = any(?) and a.kind = ?""";

    private static final String BACKLOG = """
            select (select count(*) from anchor_outbox), (select min(enqueued_at) from anchor_outbox),
                   (select count(*) from anchor_round where status = any(?) and waiting_for is null),
                   (select min(created_at) from anchor_round where status = any(?) and waiting_for is null)""";

    private static final String LAST_ANCHORED = """
            select id, root, leaf_count, status, chain_id, contract, tx_hash, block_number, block_time
            from anchor_round where status = any(?) order by block_number desc, id desc limit 1""";

    private static final String WAITING = """
            select r.organization_id, o.name, r.sender, r.waiting_for, count(*), sum(r.leaf_count), min(r.created_at)
            from anchor_round r left join organization o on o.id = r.organization_id
            where r.waiting_for is not null
            group by r.organization_id, o.name, r.sender, r.waiting_for order by o.name nulls first""";

    /**
     * Rounds of one account that cannot be anchored yet, and why: {@code account} is not a member of the registry,
     * or no key is configured for the organisation (account null). Organisation null: this node's own account.
     */
    public record Waiting(Long organizationId, String organization, String account, AnchorRound.Waiting reason,
            long rounds, long events, Instant since) {
    }

    /**
     * What waits for the chain: events in no round yet, rounds not in a block yet, and since when the oldest waits.
     * Rounds held back for a membership or a key are {@link #waiting()}: an organisation's matter, not the node's.
     */
    public record Backlog(long events, long rounds, Instant oldest) {
    }

    /** An anchor round in a block: its root, and the transaction and block that hold it. */
    public record AnchoredRound(long id, String root, int leafCount, AnchoringStatus status, long chainId,
            String contract, String txHash, long blockNumber, Instant blockTime, String txUrl, String blockUrl) {
    }

    @Inject
    AgroalDataSource db;

    @Inject
    ChainConfig chain;

    /** The anchoring of each event (database ids); events in no round yet are {@link Anchoring#pending}. */
    public Map<Long, Anchoring> of(Collection<Long> eventIds) {
        return read(QUERY, null, eventIds);
    }

    /** The same, read on a connection the caller holds (a reader that asks more of the database in one go). */
    public Map<Long, Anchoring> of(Connection c, Collection<Long> eventIds) throws SQLException {
        return read(c, QUERY, null, eventIds);
    }

    /**
     * The anchoring of records that are not events (see {@link Outbox#enqueueRecord}), by record id; its
     * {@code eventId} is the record's id. Records in no round yet are {@link Anchoring#pending}.
     */
    public Map<Long, Anchoring> ofRecords(String kind, Collection<Long> recordIds) {
        return read(RECORDS_QUERY, kind, recordIds);
    }

    private Map<Long, Anchoring> read(String sql, String kind, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return pending(ids);
        }
        try (Connection c = db.getConnection()) {
            return read(c, sql, kind, ids);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the anchoring of records: " + e.getMessage(), e);
        }
    }

    private Map<Long, Anchoring> read(Connection c, String sql, String kind, Collection<Long> ids) throws SQLException {
        Map<Long, Anchoring> anchorings = pending(ids);
        if (ids.isEmpty()) {
            return anchorings;
        }
        try (PreparedStatement query = c.prepareStatement(sql)) {
            query.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            if (kind != null) {
                query.setString(2, kind);
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    Anchoring anchoring = read(rs);
                    anchorings.put(anchoring.eventId(), anchoring);
                }
            }
        }
        return anchorings;
    }

    private static Map<Long, Anchoring> pending(Collection<Long> ids) {
        Map<Long, Anchoring> anchorings = new HashMap<>();
        ids.forEach(id -> anchorings.put(id, Anchoring.pending(id)));
        return anchorings;
    }

    public Backlog backlog() {
        try (Connection c = db.getConnection(); PreparedStatement query = c.prepareStatement(BACKLOG)) {
            Array waiting = statuses(c, false);
            query.setArray(1, waiting);
            query.setArray(2, waiting);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                Instant events = instant(rs.getTimestamp(2));
                Instant rounds = instant(rs.getTimestamp(4));
                Instant oldest = events == null || (rounds != null && rounds.isBefore(events)) ? rounds : events;
                return new Backlog(rs.getLong(1), rs.getLong(3), oldest);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the anchoring backlog: " + e.getMessage(), e);
        }
    }

    /** Every account's rounds that wait for a membership or a key. */
    public List<Waiting> waiting() {
        List<Waiting> waiting = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement query = c.prepareStatement(WAITING);
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                waiting.add(new Waiting((Long) rs.getObject(1), rs.getString(2), rs.getString(3),
                        AnchorRound.Waiting.valueOf(rs.getString(4)), rs.getLong(5), rs.getLong(6),
                        instant(rs.getTimestamp(7))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the waiting anchor rounds: " + e.getMessage(), e);
        }
        return waiting;
    }

    /** The round most recently put in a block. */
    public Optional<AnchoredRound> lastAnchored() {
        try (Connection c = db.getConnection(); PreparedStatement query = c.prepareStatement(LAST_ANCHORED)) {
            query.setArray(1, statuses(c, true));
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String txHash = rs.getString(7);
                long block = rs.getLong(8);
                return Optional.of(new AnchoredRound(rs.getLong(1), Bytes32.of(rs.getBytes(2)).toPrefixedHex(), rs.getInt(3),
                        AnchoringStatus.valueOf(rs.getString(4)), rs.getLong(5), rs.getString(6), txHash, block,
                        instant(rs.getTimestamp(9)), explorer("tx/", txHash), explorer("block/", block)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the last anchor round: " + e.getMessage(), e);
        }
    }

    /** The statuses in a block ({@code inBlock}) or still on their way, as an SQL array. */
    private static Array statuses(Connection c, boolean inBlock) throws SQLException {
        return c.createArrayOf("varchar", Stream.of(AnchoringStatus.values()).filter(s -> s.inBlock() == inBlock)
                .map(Enum::name).toArray());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private Anchoring read(ResultSet rs) throws SQLException {
        AnchoringStatus status = AnchoringStatus.valueOf(rs.getString(3));
        String sender = status.hasProof() ? rs.getString(10) : null;
        String txHash = status.hasProof() ? rs.getString(11) : null;
        Long block = status.inBlock() ? (Long) rs.getObject(12) : null;
        Timestamp blockTime = status.inBlock() ? rs.getTimestamp(13) : null;
        return new Anchoring(rs.getLong(1), rs.getLong(2), status, rs.getInt(4), rs.getInt(5), rs.getBytes(6),
                rs.getBytes(7), rs.getLong(8), rs.getString(9), sender, txHash, block,
                instant(blockTime), explorer("tx/", txHash), explorer("block/", block));
    }

    private String explorer(String path, Object value) {
        return value == null ? null
                : chain.explorerUrl().map(base -> base.replaceAll("/+$", "") + "/" + path + value).orElse(null);
    }
}
