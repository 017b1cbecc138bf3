package city.trace.anchor;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import city.trace.proof.AnchoringStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** A Merkle tree of event fingerprints and the transaction that anchors its root. */
@Entity
public class AnchorRound extends PanacheEntityBase {

    /** Why a PENDING round is not signed yet. */
    public enum Waiting {
        /** its account is not a member of the registry: never voted in, or its membership lapsed */
        MEMBERSHIP,
        /** this node has no key for its organisation */
        KEY
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public byte[] root;

    public int leafCount;

    /** The organisation whose account anchors the round; null: this node's own account. */
    public Long organizationId;

    @Enumerated(EnumType.STRING)
    public Waiting waitingFor;

    @Enumerated(EnumType.STRING)
    public AnchoringStatus status = AnchoringStatus.PENDING;

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

    /** Rounds still on their way to FINAL, oldest first (the order their nonces were taken). */
    public static List<AnchorRound> listOpen() {
        return list("status <> ?1", Sort.by("id"), AnchoringStatus.FINAL);
    }

    public boolean isSigned() {
        return rawTx != null;
    }

    /** Forgets the signed transaction, so the round is signed anew (with a fresh nonce). */
    void unsign() {
        rawTx = null;
        txHash = null;
        nonce = null;
        sender = null;
        status = AnchoringStatus.PENDING;
    }
}
