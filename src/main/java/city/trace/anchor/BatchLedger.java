package city.trace.anchor;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.LongFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import city.trace.anchor.contract.ChainNode;
import city.trace.anchor.contract.SignedTransaction;
import io.agroal.api.AgroalDataSource;

/** Records each step of a batch on its way to FINAL, each in its own short transaction. */
@ApplicationScoped
public class BatchLedger {

    @Inject
    AgroalDataSource db;

    @Inject
    AnchorChain chain;

    /** The batches still on their way, as the database has them now. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<AnchorBatch> open() {
        return AnchorBatch.listOpen();
    }

    /** One batch as the database has it now. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public AnchorBatch load(long batchId) {
        return AnchorBatch.findById(batchId);
    }

    /**
     * Signs the batch's transaction with the account's next nonce and stores it, both in one transaction:
     * the bytes are on disk before they are ever sent.
     */
    @Transactional
    public void sign(long batchId, LongFunction<SignedTransaction> signing) {
        AnchorBatch batch = AnchorBatch.findById(batchId);
        try (Connection c = db.getConnection()) {
            long nonce = chain.takeNonce(c);
            SignedTransaction signed = signing.apply(nonce);
            batch.nonce = nonce;
            batch.sender = chain.signer().address();
            batch.txHash = signed.hash();
            batch.rawTx = signed.rawTransaction();
            batch.attempts++;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take a nonce", e);
        }
    }

    @Transactional
    public void submitted(long batchId) {
        AnchorBatch batch = AnchorBatch.findById(batchId);
        batch.status = AnchorBatch.Status.SUBMITTED;
        batch.submittedAt = Instant.now();
        batch.lastError = null;
    }

    /** Mined: in {@code block}, by {@code transactionHash} (ours, or the one that anchored the root first). */
    @Transactional
    public void anchored(long batchId, ChainNode.Block block, String transactionHash) {
        AnchorBatch batch = AnchorBatch.findById(batchId);
        batch.status = AnchorBatch.Status.ANCHORED;
        batch.txHash = transactionHash;
        batch.blockNumber = block.number();
        batch.blockHash = block.hash();
        batch.blockTime = block.time();
        batch.anchoredAt = Instant.now();
        batch.lastError = null;
    }

    /** Its block left the chain (a reorganisation): back to waiting for the transaction to be mined again. */
    @Transactional
    public void reorganised(long batchId) {
        AnchorBatch batch = AnchorBatch.findById(batchId);
        batch.status = AnchorBatch.Status.SUBMITTED;
        batch.blockNumber = null;
        batch.blockHash = null;
        batch.blockTime = null;
        batch.anchoredAt = null;
    }

    @Transactional
    public void finalised(long batchId) {
        AnchorBatch batch = AnchorBatch.findById(batchId);
        batch.status = AnchorBatch.Status.FINAL;
        batch.finalAt = Instant.now();
    }

    /** The stored transaction can never be mined (its nonce went to another one): sign the batch anew. */
    @Transactional
    public void unsign(long batchId, String reason) {
        AnchorBatch batch = AnchorBatch.findById(batchId);
        batch.unsign();
        batch.lastError = reason;
    }

    @Transactional
    public void failed(long batchId, String reason) {
        AnchorBatch.<AnchorBatch>findById(batchId).lastError = reason;
    }
}
