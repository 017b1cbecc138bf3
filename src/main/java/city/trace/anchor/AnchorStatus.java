package city.trace.anchor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import city.trace.config.ChainConfig;
import io.agroal.api.AgroalDataSource;

/** Where events stand on their way to the chain, for pages and the proof API. */
@ApplicationScoped
public class AnchorStatus {

    /**
     * An event's anchoring: PENDING until its batch's transaction reached the node, then SUBMITTED (tx
     * hash), ANCHORED (block) and FINAL; with links to the configured block explorer, if any.
     */
    public record EventAnchor(AnchorBatch.Status status, String txHash, Long blockNumber, String txUrl,
            String blockUrl) {

        public boolean isFinal() {
            return status == AnchorBatch.Status.FINAL;
        }
    }

    @Inject
    AgroalDataSource db;

    @Inject
    ChainConfig chain;

    /** The anchoring of each of the events (database ids); events not yet in a batch are PENDING. */
    public Map<Long, EventAnchor> of(Collection<Long> eventIds) {
        Map<Long, EventAnchor> anchors = new HashMap<>();
        eventIds.forEach(id -> anchors.put(id, new EventAnchor(AnchorBatch.Status.PENDING, null, null, null, null)));
        if (eventIds.isEmpty()) {
            return anchors;
        }
        try (Connection c = db.getConnection(); PreparedStatement query = c.prepareStatement(
                "select l.event_id, b.status, b.tx_hash, b.block_number from anchor_leaf l "
                        + "join anchor_batch b on b.id = l.batch_id where l.event_id = any(?)")) {
            query.setArray(1, c.createArrayOf("bigint", eventIds.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    AnchorBatch.Status status = AnchorBatch.Status.valueOf(rs.getString(2));
                    String txHash = status == AnchorBatch.Status.PENDING ? null : rs.getString(3);
                    Long block = (Long) rs.getObject(4);
                    anchors.put(rs.getLong(1), new EventAnchor(status, txHash, block,
                            explorer("tx/", txHash), explorer("block/", block)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the anchoring status: " + e.getMessage(), e);
        }
        return anchors;
    }

    private String explorer(String path, Object value) {
        Optional<String> base = chain.explorerUrl();
        return value == null || base.isEmpty() ? null : base.get().replaceAll("/+$", "") + "/" + path + value;
    }
}
