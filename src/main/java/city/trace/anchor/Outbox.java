package city.trace.anchor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import city.trace.merkle.Bytes32;
import city.trace.epcis.EventsStored;
import city.trace.epcis.hash.EventHash;
import io.agroal.api.AgroalDataSource;

/**
 * Every stored event gets its anchoring entry, with its recorder (whose account anchors it), in the same
 * transaction: none is ever left out. Other records
 * (the access log's entries) are enqueued by their owners, in their own transaction, to share the same rounds.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    AgroalDataSource db;

    void enqueue(@Observes EventsStored stored) {
        if (stored.eventIds().length == 0) {
            return;
        }
        // the digests travel as one binary parameter, cut into 32-byte leaves by the database
        byte[] digests = new byte[stored.hashes().length * Bytes32.LENGTH];
        for (int i = 0; i < stored.hashes().length; i++) {
            System.arraycopy(EventHash.digestOf(stored.hashes()[i]), 0, digests, i * Bytes32.LENGTH, Bytes32.LENGTH);
        }
        try (Connection c = db.getConnection();
                PreparedStatement insert = c.prepareStatement("insert into anchor_outbox (event_id, organization_id, "
                        + "digest) select e, ?, substring(?::bytea from ((o - 1) * 32 + 1)::int for 32) "
                        + "from unnest(?::bigint[]) with ordinality as u(e, o)")) {
            insert.setLong(1, stored.organizationId());
            insert.setBytes(2, digests);
            insert.setArray(3, c.createArrayOf("bigint", Arrays.stream(stored.eventIds()).boxed().toArray()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not enqueue events for anchoring: " + e.getMessage(), e);
        }
    }

    /**
     * Enqueues a record that is not an event for the next round, in the caller's transaction.
     *
     * @param kind   what sort of record, which with {@code id} names it (e.g. "access-log")
     * @param digest the record's 32-byte SHA-256 fingerprint: its leaf data
     */
    public void enqueueRecord(String kind, long id, byte[] digest) {
        try (Connection c = db.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "insert into anchor_record (kind, record_id, digest) values (?, ?, ?)")) {
            insert.setString(1, kind);
            insert.setLong(2, id);
            insert.setBytes(3, digest);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not enqueue a " + kind + " record for anchoring: " + e.getMessage(), e);
        }
    }
}
