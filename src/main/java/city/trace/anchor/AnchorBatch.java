package city.trace.anchor;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** A Merkle tree of event fingerprints and the transaction that anchors its root. */
@Entity
public class AnchorBatch extends PanacheEntityBase {

    public enum Status {
        /** Tree built; the transaction may be signed and stored but the node has not accepted it yet. */
        PENDING,
        /** The node accepted the transaction. */
        SUBMITTED,
        /** Mined in a block. */
        ANCHORED,
        /** Enough blocks on top: it will not be undone. */
        FINAL
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public byte[] root;

    public int leafCount;

    @Enumerated(EnumType.STRING)
    public Status status = Status.PENDING;

    public long chainId;

    public String contract;

    public String sender;

    public Long nonce;

    public String txHash;

    public String rawTx;

    public Long blockNumber;

    public String blockHash;

    public Instant blockTime;

    public Instant createdAt = Instant.now();

    public Instant submittedAt;

    public Instant anchoredAt;

    public Instant finalAt;

    public int attempts;

    public String lastError;

    /** Batches still on their way to FINAL, oldest first (the order their nonces were taken). */
    public static List<AnchorBatch> listOpen() {
        return list("status <> ?1", Sort.by("id"), Status.FINAL);
    }

    public boolean isSigned() {
        return rawTx != null;
    }

    /** Forgets the signed transaction, so the batch is signed anew (with a fresh nonce). */
    void unsign() {
        rawTx = null;
        txHash = null;
        nonce = null;
        sender = null;
        status = Status.PENDING;
    }
}
