package city.trace.anchor;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.web3j.protocol.Web3j;

import city.trace.chain.contract.ChainNode;
import city.trace.chain.contract.ProvenanceRegistry;
import city.trace.merkle.Bytes32;
import io.agroal.api.AgroalDataSource;

/**
 * Moves the rounds of a registry deployed before governance (an administrator admitted its members) to the governed
 * registry that replaces it. Each round whose root the old registry confirms, and each not anchored yet, is signed
 * and anchored anew in the new one (by its organisation's account, as any round), so its events are verified with
 * the member that vouches for them there: the old registry names no membership terms. A round stored as anchored
 * whose root the old registry does not hold stays with it, and its events' verification says so.
 */
@ApplicationScoped
public class RegistryMigration {

    private static final Logger LOG = Logger.getLogger(RegistryMigration.class);

    @Inject
    AgroalDataSource db;

    @Inject
    Web3j web3j;

    /**
     * Moves the rounds of every registry before governance that rounds name to {@code governedContract}; at every
     * start, so that a move a crash interrupted is completed.
     *
     * @return how many rounds were moved
     */
    public int moveLegacyRounds(String governedContract) {
        List<String> others = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement contracts = c.prepareStatement(
                "select distinct contract from anchor_round where lower(contract) <> lower(?)")) {
            contracts.setString(1, governedContract);
            try (ResultSet rs = contracts.executeQuery()) {
                while (rs.next()) {
                    others.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the rounds' registries", e);
        }
        ChainNode node = new ChainNode(web3j);
        int moved = 0;
        for (String other : others) {
            // a registry gone with a reset local chain, or a governed one replaced on purpose, keeps its rounds
            if (node.hasCode(other) && !new ProvenanceRegistry(web3j, other).isGoverned()) {
                int count = moveRounds(other, governedContract);
                LOG.infof("%d rounds of the registry %s, which predates governance, are anchored again in %s", count,
                        other, governedContract);
                moved += count;
            }
        }
        return moved;
    }

    private int moveRounds(String legacyContract, String governedContract) {
        ProvenanceRegistry legacy = new ProvenanceRegistry(web3j, legacyContract);
        try (Connection c = db.getConnection()) {
            List<Long> moving = new ArrayList<>();
            try (PreparedStatement rounds = c.prepareStatement(
                    "select id, root, status from anchor_round where lower(contract) = lower(?)")) {
                rounds.setString(1, legacyContract);
                try (ResultSet rs = rounds.executeQuery()) {
                    while (rs.next()) {
                        boolean sentOnly = !List.of("ANCHORED", "FINAL").contains(rs.getString(3));
                        if (sentOnly || legacy.anchorOf(Bytes32.of(rs.getBytes(2))).isPresent()) {
                            moving.add(rs.getLong(1));
                        }
                    }
                }
            }
            try (PreparedStatement move = c.prepareStatement("""
                    update anchor_round set contract = ?, status = 'PENDING', sender = null, nonce = null,
                        tx_hash = null, raw_tx = null, block_number = null, block_hash = null, block_time = null,
                        submitted_at = null, anchored_at = null, final_at = null, waiting_for = null,
                        last_error = ? where id = any(?)
                    """)) {
                Array ids = c.createArrayOf("bigint", moving.toArray());
                move.setString(1, governedContract);
                move.setString(2, "moved from the registry " + legacyContract + ", which predates governance");
                move.setArray(3, ids);
                return move.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not move the rounds of " + legacyContract, e);
        }
    }
}
