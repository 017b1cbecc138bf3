package city.trace.anchor;

import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import city.trace.proof.AnchoringStatus;
import city.trace.chain.contract.AnchorRecord;
import city.trace.chain.contract.ChainNode;
import city.trace.chain.contract.ChainRequestException;
import city.trace.chain.contract.ContractRevertException;
import city.trace.chain.contract.RootAlreadyAnchoredException;
import city.trace.chain.contract.SignedTransaction;
import city.trace.chain.contract.TransactionSigner;
import city.trace.merkle.Bytes32;
import city.trace.platform.DatabaseLock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/**
 * The one anchoring worker (of all instances on the database, one at a time): cuts rounds from the outbox and
 * moves every open round on, each from its organisation's account with that account's own nonces, one step per
 * round —
 * sign and store the transaction, send it, find its receipt, watch its confirmations — so that a crash at any
 * point resumes from the database. The chain is not trusted to be up: while it fails, the worker backs off
 * and the events wait in the outbox; nothing is lost and nothing is anchored twice (the same stored bytes
 * are sent again, and the contract refuses a root it has).
 */
@ApplicationScoped
public class AnchorWorker {

    private static final Logger LOG = Logger.getLogger(AnchorWorker.class);
    /** Key of the advisory lock held by the worker in its round, for every instance on the database. */
    private static final long ROUND_LOCK = 0x63697479616e6368L;

    @Inject
    AnchorConfig config;

    @Inject
    AnchorChain chain;

    @Inject
    RoundCutter cutter;

    @Inject
    RoundLedger ledger;

    @Inject
    AnchorMetrics metrics;

    @Inject
    AgroalDataSource db;

    private Instant retryAt = Instant.MIN;
    private Duration backoff;
    private volatile String lastError;

    /** Skips rounds when anchoring is switched off. */
    @Singleton
    public static class Disabled implements Scheduled.SkipPredicate {
        @Inject
        AnchorConfig config;

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.enabled();
        }
    }

    @Scheduled(every = "${citytrace.anchor.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Disabled.class)
    void tick() {
        work();
    }

    /**
     * One round of work; does nothing while backing off after a failure of the chain node, nor while the worker of
     * another instance on this database is in its round.
     */
    public synchronized void work() {
        if (Instant.now().isBefore(retryAt)) {
            return;
        }
        // Two workers sending from the one account at once would sign a round twice with two nonces (the one never
        // sent leaves a gap every later transaction waits behind) and, on a new chain, each deploy a registry.
        try {
            DatabaseLock.runAlone(db, ROUND_LOCK, this::round);
        } catch (SQLException e) {
            backOff(new IllegalStateException("Could not take the anchoring lock: " + e.getMessage(), e));
        }
    }

    private void round() {
        try {
            chain.ensureReady();
            long chainId = chain.signer().chainId();
            String contract = chain.registry().address();
            long t0 = System.nanoTime();
            while (cutter.cutIfDue(chainId, contract).isPresent()) {
                // a backlog larger than one round is cut in full rounds at once
            }
            long t1 = System.nanoTime();
            List<AnchorRound> open = ledger.open();
            Map<String, Boolean> members = new HashMap<>();
            for (AnchorRound round : open) {
                try {
                    advance(round, members);
                } catch (ContractRevertException e) {
                    // one organisation's refused transaction (e.g. its membership lapsed) holds up no other's
                    LOG.warnf("Round %d: %s", round.id, e.getMessage());
                }
            }
            LOG.debugf("Round: cut %d ms; %d open rounds moved on in %d ms", (t1 - t0) / 1_000_000, open.size(),
                    (System.nanoTime() - t1) / 1_000_000);
            backoff = null;
            lastError = null;
        } catch (ChainRequestException | ContractRevertException | IllegalStateException e) {
            backOff(e);
        }
    }

    /** Why the last round failed, or null. */
    public String lastError() {
        return lastError;
    }

    /** @param members whether each account is a member of the registry, asked once per account and turn */
    private void advance(AnchorRound round, Map<String, Boolean> members) {
        switch (round.status) {
            case PENDING -> {
                if (!round.isSigned() && !sign(round, members)) {
                    return;
                }
                send(ledger.load(round.id));
            }
            case SUBMITTED -> track(round);
            case ANCHORED -> confirm(round);
            case FINAL -> {
                // nothing left to do
            }
        }
    }

    /**
     * Signs and stores the round's transaction with its organisation's account; false when there is nothing to send:
     * the root is on chain, or the round waits (for a key, or for its account's membership).
     */
    private boolean sign(AnchorRound round, Map<String, Boolean> members) {
        TransactionSigner account;
        try {
            account = chain.signerOf(round.organizationId);
        } catch (AnchorKeys.Unavailable e) {
            return hold(round, AnchorRound.Waiting.KEY, null, e.getMessage());
        }
        if (!members.computeIfAbsent(account.address(), chain.registry()::isMember)) {
            return hold(round, AnchorRound.Waiting.MEMBERSHIP, account.address(), "the account " + account.address()
                    + " is not a member of the registry " + chain.registry().address());
        }
        Bytes32 root = Bytes32.of(round.root);
        Bytes32 ref = roundRef(round.id);
        BigInteger gas;
        try {
            gas = chain.registry().estimateAnchorGas(account.address(), root, round.leafCount, ref);
        } catch (RootAlreadyAnchoredException e) {
            adopt(round);
            return false;
        }
        // the estimate is for exactly this call data; a margin covers state that changes before mining
        BigInteger limit = gas.multiply(BigInteger.valueOf(5)).divide(BigInteger.valueOf(4)).add(BigInteger.valueOf(10_000));
        ledger.sign(round.id, account, nonce -> chain.registry().signAnchor(account, BigInteger.valueOf(nonce),
                chain.gas(limit), root, round.leafCount, ref));
        return true;
    }

    /** Marks the round as waiting for {@code reason}, once; false: nothing to send. */
    private boolean hold(AnchorRound round, AnchorRound.Waiting reason, String account, String why) {
        if (round.waitingFor != reason) {
            ledger.waiting(round.id, reason, account, why);
            LOG.warnf("Round %d waits: %s", round.id, why);
        }
        return false;
    }

    /** Sends the stored transaction (again); the node's answer decides the round's next state. */
    private void send(AnchorRound round) {
        try {
            chain.registry().send(new SignedTransaction(round.txHash, round.rawTx));
            if (round.status == AnchoringStatus.PENDING) {
                ledger.submitted(round.id);
            }
        } catch (ChainRequestException e) {
            if (e.isUnreachable()) {
                throw e;
            }
            if (chain.node().knows(round.txHash)) {
                // already in the pool or mined: sent before, e.g. just before a crash
                if (round.status == AnchoringStatus.PENDING) {
                    ledger.submitted(round.id);
                }
            } else if (e.getMessage().toLowerCase().contains("nonce")) {
                nonceTaken(round, e.getMessage());
            } else {
                throw e;
            }
        }
    }

    /** Waits for the receipt; sends the transaction again if the node lost it (dropped, or reorganised out). */
    private void track(AnchorRound round) {
        Optional<TransactionReceipt> receipt = chain.registry().receipt(round.txHash);
        if (receipt.isEmpty()) {
            if (!chain.node().knows(round.txHash)) {
                LOG.infof("Anchoring transaction %s of round %d is gone from the node; sending it again",
                        round.txHash, round.id);
                metrics.rebroadcast();
                send(round);
            }
            return;
        }
        try {
            chain.registry().requireSuccess(receipt.get());
            long number = receipt.get().getBlockNumber().longValueExact();
            ChainNode.Block block = chain.node().block(number)
                    .orElseThrow(() -> new IllegalStateException("the node has no block " + number + " of its receipt"));
            ledger.anchored(round.id, block, round.txHash);
            metrics.anchored(round.id);
        } catch (RootAlreadyAnchoredException e) {
            adopt(round);
        } catch (ContractRevertException e) {
            ledger.unsign(round.id, "anchor() reverted: " + e.getMessage());
            metrics.failure("revert");
            throw e;
        }
    }

    /** Watches the block: gone (reorganised) means back to SUBMITTED; deep enough means FINAL. */
    private void confirm(AnchorRound round) {
        Optional<ChainNode.Block> block = chain.node().block(round.blockNumber);
        if (block.isEmpty() || !block.get().hash().equals(round.blockHash)) {
            LOG.warnf("Block %d of round %d left the chain (reorganisation); waiting for the anchor again",
                    round.blockNumber, round.id);
            ledger.reorganised(round.id);
            metrics.failure("reorg");
            return;
        }
        if (chain.node().latestBlockNumber() - round.blockNumber + 1 >= config.confirmations()) {
            ledger.finalised(round.id);
        }
    }

    /**
     * The stored transaction's nonce went to another transaction. If that one anchored our root (it was ours,
     * signed before a crash or a reset), adopt it; otherwise sign the round anew with a fresh nonce.
     */
    private void nonceTaken(AnchorRound round, String reason) {
        if (chain.registry().anchorOf(Bytes32.of(round.root)).isPresent()) {
            adopt(round);
            return;
        }
        LOG.warnf("Nonce %d of round %d was taken by another transaction (%s); signing the round anew",
                round.nonce, round.id, reason);
        ledger.unsign(round.id, reason);
        chain.reconcileNonce(chain.signerOf(round.organizationId));
    }

    /** The root is anchored already (a resubmission, or the same root earlier): that anchor is this round's. */
    private void adopt(AnchorRound round) {
        AnchorRecord record = chain.registry().anchorOf(Bytes32.of(round.root))
                .orElseThrow(() -> new IllegalStateException("root of round " + round.id + " is not anchored"));
        ChainNode.Block block = chain.node().block(record.blockNumber())
                .orElseThrow(() -> new IllegalStateException("block " + record.blockNumber() + " not found"));
        ledger.anchored(round.id, block, record.transactionHash());
        metrics.anchored(round.id);
    }

    private void backOff(RuntimeException e) {
        backoff = backoff == null ? config.retryBackoff()
                : backoff.multipliedBy(2).compareTo(config.maxRetryBackoff()) > 0 ? config.maxRetryBackoff()
                        : backoff.multipliedBy(2);
        retryAt = Instant.now().plus(backoff);
        lastError = e.getMessage();
        metrics.failure(e instanceof ChainRequestException c && c.isUnreachable() ? "unreachable" : "error");
        LOG.warnf("Anchoring paused for %s: %s", backoff, e.getMessage());
    }

    /** The round's id as the anchor's roundRef: a uint64, left-padded (its leading zeros make it cheap). */
    static Bytes32 roundRef(long roundId) {
        byte[] ref = new byte[Bytes32.LENGTH];
        for (int i = 0; i < Long.BYTES; i++) {
            ref[Bytes32.LENGTH - 1 - i] = (byte) (roundId >>> (8 * i));
        }
        return Bytes32.of(ref);
    }
}
