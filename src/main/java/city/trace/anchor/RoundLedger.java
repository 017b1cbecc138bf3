package city.trace.anchor;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.LongFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import city.trace.proof.AnchoringStatus;
import city.trace.chain.contract.ChainNode;
import city.trace.chain.contract.SignedTransaction;
import city.trace.chain.contract.TransactionSigner;
import io.agroal.api.AgroalDataSource;

/** Records each step of a round on its way to FINAL, each in its own short transaction. */
@ApplicationScoped
public class RoundLedger {

    @Inject
    AgroalDataSource db;

    @Inject
    AnchorChain chain;

    /** The rounds still on their way, as the database has them now. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<AnchorRound> open() {
        return AnchorRound.listOpen();
    }

    /** One round as the database has it now. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public AnchorRound load(long roundId) {
        return AnchorRound.findById(roundId);
    }

    /**
     * Signs the round's transaction with its account's next nonce and stores it, both in one transaction:
     * the bytes are on disk before they are ever sent.
     */
    @Transactional
    public void sign(long roundId, TransactionSigner account, LongFunction<SignedTransaction> signing) {
        AnchorRound round = AnchorRound.findById(roundId);
        try (Connection c = db.getConnection()) {
            long nonce = chain.takeNonce(c, account.address());
            SignedTransaction signed = signing.apply(nonce);
            round.nonce = nonce;
            round.sender = account.address();
            round.waitingFor = null;
            round.txHash = signed.hash();
            round.rawTx = signed.rawTransaction();
            round.attempts++;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take a nonce", e);
        }
    }

    /** The round cannot be signed: it waits for {@code reason} ({@code account} not a member, or no key: null). */
    @Transactional
    public void waiting(long roundId, AnchorRound.Waiting reason, String account, String why) {
        AnchorRound round = AnchorRound.findById(roundId);
        round.waitingFor = reason;
        round.sender = account;
        round.lastError = why;
    }

    @Transactional
    public void submitted(long roundId) {
        AnchorRound round = AnchorRound.findById(roundId);
        round.status = AnchoringStatus.SUBMITTED;
        round.submittedAt = Instant.now();
        round.lastError = null;
    }

    /** Mined: in {@code block}, by {@code transactionHash} (ours, or the one that anchored the root first). */
    @Transactional
    public void anchored(long roundId, ChainNode.Block block, String transactionHash) {
        AnchorRound round = AnchorRound.findById(roundId);
        round.status = AnchoringStatus.ANCHORED;
        round.txHash = transactionHash;
        round.blockNumber = block.number();
        round.blockHash = block.hash();
        round.blockTime = block.time();
        round.anchoredAt = Instant.now();
        round.lastError = null;
    }

    /** Its block left the chain (a reorganisation): back to waiting for the transaction to be mined again. */
    @Transactional
    public void reorganised(long roundId) {
        AnchorRound round = AnchorRound.findById(roundId);
        round.status = AnchoringStatus.SUBMITTED;
        round.blockNumber = null;
        round.blockHash = null;
        round.blockTime = null;
        round.anchoredAt = null;
    }

    @Transactional
    public void finalised(long roundId) {
        AnchorRound round = AnchorRound.findById(roundId);
        round.status = AnchoringStatus.FINAL;
        round.finalAt = Instant.now();
    }

    /** The stored transaction can never be mined (its nonce went to another one): sign the round anew. */
    @Transactional
    public void unsign(long roundId, String reason) {
        AnchorRound round = AnchorRound.findById(roundId);
        round.unsign();
        round.lastError = reason;
    }
}
