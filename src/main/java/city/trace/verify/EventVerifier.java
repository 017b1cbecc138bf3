package city.trace.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.web3j.protocol.Web3j;

import city.trace.anchor.contract.AnchorRecord;
import city.trace.anchor.contract.ChainNode;
import city.trace.anchor.contract.ChainRequestException;
import city.trace.anchor.contract.ProvenanceRegistry;
import city.trace.anchor.merkle.Bytes32;
import city.trace.anchor.merkle.InclusionProof;
import city.trace.anchor.merkle.Rfc6962;
import city.trace.epcis.EpcisEvent;
import city.trace.epcis.hash.EventHash;
import city.trace.epcis.hash.EventHasher;
import city.trace.epcis.hash.HashVersion;
import city.trace.epcis.hash.InvalidEventException;
import city.trace.verify.Verification.State;
import io.agroal.api.AgroalDataSource;

/**
 * Checks stored events against the chain, trusting nothing in the database: each event's hash is recomputed
 * from the stored event, its stored proof must lead to its batch's root, and that root must be in the
 * contract, read through the chain node (roots of final batches are remembered). Findings of tampering are
 * recorded as alerts for the consortium admin.
 */
@ApplicationScoped
public class EventVerifier {

    private static final Logger LOG = Logger.getLogger(EventVerifier.class);
    private static final String STORED = """
            select e.id, e.event::text, e.namespaces::text, e.hash, e.hash_version, e.prehash,
                   l.leaf_index, l.audit_path, b.root, b.leaf_count, b.status, b.chain_id, b.contract
            from epcis_event e
            left join anchor_leaf l on l.event_id = e.id
            left join anchor_batch b on b.id = l.batch_id
            where e.id = any(?)""";

    /** A root as the chain has it (only final ones are remembered). */
    private record OnChain(long blockNumber, Instant blockTime, long leafCount, String txHash) {
    }

    /** An event and its anchoring as the database has them: the claims to check. */
    private record Stored(long id, String event, String namespaces, String hash, String hashVersion, String prehash,
            Integer leafIndex, byte[] auditPath, byte[] root, Integer leafCount, String batchStatus, Long chainId,
            String contract) {
    }

    private final EventHasher hasher = new EventHasher();
    private final Map<String, OnChain> finalRoots = new ConcurrentHashMap<>();

    @Inject
    AgroalDataSource db;

    @Inject
    Web3j web3j;

    @Inject
    TamperAlerts alerts;

    /** The verification of each stored event (database ids); one chain lookup per distinct root. */
    public Map<Long, Verification> verify(Collection<Long> eventIds) {
        Map<Long, Verification> results = new HashMap<>();
        Map<String, Optional<OnChain>> roots = new HashMap<>();
        for (Stored stored : load(eventIds)) {
            Verification verification = verify(stored, roots);
            if (verification.isTampered()) {
                alerts.raise(stored.id(), verification.reason());
            }
            results.put(stored.id(), verification);
        }
        return results;
    }

    private Verification verify(Stored stored, Map<String, Optional<OnChain>> roots) {
        EventHash recomputed;
        try {
            recomputed = hasher.hash(EpcisEvent.parseEvent(stored.event()), EpcisEvent.parseNamespaces(stored.namespaces()),
                    HashVersion.parse(stored.hashVersion()));
        } catch (InvalidEventException | IllegalArgumentException e) {
            return Verification.of(State.TAMPERED, "the stored event cannot be read as an EPCIS event");
        }
        if (!recomputed.hash().equals(stored.hash()) || !recomputed.prehash().equals(stored.prehash())) {
            return Verification.of(State.TAMPERED, "the stored event no longer matches its fingerprint");
        }
        if (stored.root() == null || "PENDING".equals(stored.batchStatus()) || "SUBMITTED".equals(stored.batchStatus())) {
            return Verification.of(State.PENDING, "not anchored on the chain yet");
        }
        Bytes32 root = Bytes32.of(stored.root());
        Bytes32 leaf = Rfc6962.leafHash(EventHash.digestOf(recomputed.hash()));
        InclusionProof proof = InclusionProof.unpacked(stored.leafIndex(), stored.leafCount(), stored.auditPath());
        if (!proof.verifies(leaf, root)) {
            return Verification.of(State.TAMPERED, "the event's proof does not lead to its anchored root");
        }
        Optional<OnChain> onChain;
        try {
            onChain = roots.computeIfAbsent(stored.contract() + root, key -> onChain(key, stored, root));
        } catch (ChainRequestException e) {
            return Verification.of(State.UNVERIFIABLE, "the chain node could not be reached");
        }
        if (onChain.isEmpty()) {
            return Verification.of(State.TAMPERED, "the root of the event's batch is not on the chain");
        }
        if (onChain.get().leafCount() != stored.leafCount()) {
            return Verification.of(State.TAMPERED, "the event's batch has another size than the one anchored");
        }
        return new Verification(State.VERIFIED, null, stored.chainId(), stored.contract(), onChain.get().blockNumber(),
                onChain.get().blockTime(), onChain.get().txHash());
    }

    /** The anchor of a root, from memory when its batch is final, otherwise from the chain node. */
    private Optional<OnChain> onChain(String key, Stored stored, Bytes32 root) {
        OnChain remembered = finalRoots.get(key);
        if (remembered != null) {
            return Optional.of(remembered);
        }
        ChainNode node = new ChainNode(web3j);
        if (node.chainId() != stored.chainId()) {
            throw new ChainRequestException("the node is on chain " + node.chainId() + ", not " + stored.chainId());
        }
        Optional<AnchorRecord> record = new ProvenanceRegistry(web3j, stored.contract()).anchorOf(root);
        Optional<OnChain> found = record.map(r -> new OnChain(r.blockNumber(), r.timestamp(), r.leafCount(),
                r.transactionHash()));
        if (found.isPresent() && "FINAL".equals(stored.batchStatus())) {
            finalRoots.put(key, found.get());
        }
        return found;
    }

    private List<Stored> load(Collection<Long> eventIds) {
        List<Stored> stored = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement query = c.prepareStatement(STORED)) {
            query.setArray(1, c.createArrayOf("bigint", eventIds.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    stored.add(new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), (Integer) rs.getObject(7), rs.getBytes(8), rs.getBytes(9),
                            (Integer) rs.getObject(10), rs.getString(11), (Long) rs.getObject(12), rs.getString(13)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read events to verify: " + e.getMessage(), e);
        }
        return stored;
    }
}
