package city.trace.bench;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.LongSummaryStatistics;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

import city.trace.chain.contract.GasSettings;
import city.trace.chain.contract.Member;
import city.trace.chain.contract.ProvenanceRegistry;
import city.trace.chain.contract.TransactionSigner;
import city.trace.merkle.Bytes32;
import city.trace.merkle.InclusionProof;
import city.trace.merkle.MerkleTree;
import city.trace.merkle.RandomTrees;
import city.trace.support.AnvilNode;

/**
 * Gas per anchored event on a real anvil node (london, free gas, automine): one {@code anchor} transaction per
 * RFC 6962 round of 1, 100, 1,000 and 10,000 events, side by side with one transaction per event; then the time
 * to build a 10,000-leaf tree with all its inclusion proofs beside just hashing its leaves. Run by
 * scripts/benchmark-anchor-gas.sh; results go to a Markdown file.
 *
 * <p>Arguments: resultFile [rounds per size (5)] [one-event transactions (200)]. Run from the project root
 * (anvil comes from tools/node_modules).
 */
public final class AnchorGasBenchmark {

    private static final int[] BATCH_SIZES = {1, 100, 1_000, 10_000};
    private static final int TARGET_BATCH = 10_000;
    private static final double TARGET_GAS_PER_EVENT = 5;
    /** Free gas as on Besu QBFT: the limit costs nothing, and gasUsed does not depend on price or limit. */
    private static final GasSettings GAS = GasSettings.free(5_000_000);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long INTRINSIC_GAS = 21_000;

    private final Web3j web3j;
    private final TransactionSigner member;
    private final ProvenanceRegistry registry;
    private BigInteger nonce;
    /** The app's round ids come from a database sequence: small numbers, mostly zero bytes in calldata. */
    private long nextRoundId = 1;
    /** Random 32-byte digests, as event hashes are; every call draws fresh ones, so no root repeats. */
    private final RandomTrees digests = new RandomTrees();
    private final List<String> report = new ArrayList<>();
    /** Where timed work leaves its result, so the JIT cannot drop the work as unused. */
    private static volatile Object sink;

    /** Gas of one anchoring transaction, split as the protocol charges it. */
    private record AnchorGas(long gasUsed, long calldataGas) {
        long executionGas() {
            return gasUsed - INTRINSIC_GAS - calldataGas;
        }
    }

    /** The transactions of one way of anchoring, and how many events each of them anchored. */
    private record Measured(String label, int eventsPerTransaction, List<AnchorGas> transactions) {
        double mean(ToLongFunction<AnchorGas> part) {
            return transactions.stream().mapToLong(part).average().orElseThrow();
        }

        double gasPerEvent() {
            return mean(AnchorGas::gasUsed) / eventsPerTransaction;
        }

        LongSummaryStatistics gasUsed() {
            return transactions.stream().mapToLong(AnchorGas::gasUsed).summaryStatistics();
        }
    }

    private AnchorGasBenchmark(Web3j web3j) throws IOException {
        this.web3j = web3j;
        // the dev account as the one member: who anchors does not change the gas of anchor
        this.member = new TransactionSigner(Credentials.create(AnvilNode.DEV_KEY), AnvilNode.CHAIN_ID);
        this.nonce = web3j.ethGetTransactionCount(member.address(), DefaultBlockParameterName.PENDING).send()
                .getTransactionCount();
        this.registry = ProvenanceRegistry.deploy(web3j, member, List.of(Member.consortiumNode(member.address())), 1,
                takeNonce(), GAS, TIMEOUT).registry();
    }

    public static void main(String[] args) throws Exception {
        Path result = Path.of(args[0]);
        int roundsPerSize = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int singleEventTransactions = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        try (AnvilNode node = AnvilNode.start()) {
            Web3j web3j = Web3j.build(new HttpService(node.rpcUrl()));
            try {
                AnchorGasBenchmark bench = new AnchorGasBenchmark(web3j);
                bench.gas(roundsPerSize, singleEventTransactions);
                bench.treeBuildTime();
                Files.writeString(result, String.join("\n", bench.report) + "\n");
                System.out.println(String.join("\n", bench.report));
            } finally {
                web3j.shutdown();
            }
        }
    }

    // --- gas on chain

    private void gas(int roundsPerSize, int singleEventTransactions) throws IOException {
        List<AnchorGas> singles = new ArrayList<>();
        for (int i = 0; i < singleEventTransactions; i++) {
            // anchoring an event on its own is anchoring a tree of one leaf: its root is the leaf hash
            singles.add(anchorRound(digests.leaves(1)));
        }
        Measured perEvent = new Measured("one transaction per event", 1, singles);
        List<Measured> inRounds = new ArrayList<>();
        for (int size : BATCH_SIZES) {
            List<AnchorGas> rounds = new ArrayList<>();
            for (int i = 0; i < roundsPerSize; i++) {
                rounds.add(anchorRound(digests.leaves(size)));
            }
            inRounds.add(new Measured("round of " + String.format(Locale.ROOT, "%,d", size), size, rounds));
        }
        gasTable(perEvent, inRounds);
    }

    private void gasTable(Measured perEvent, List<Measured> inRounds) {
        line("## Gas per anchored event");
        line("");
        line("| anchoring | transactions | gas per transaction (mean) | = 21,000 intrinsic + calldata + execution "
                + "| **gas per event** | one tx per event ÷ inRounds |");
        line("|---|---|---|---|---|---|");
        for (Measured m : concat(perEvent, inRounds)) {
            line("| %s | %d | %,.0f (%,d–%,d) | 21,000 + %,.0f + %,.0f | **%s** | %s× |", m.label(),
                    m.transactions().size(), m.mean(AnchorGas::gasUsed), m.gasUsed().getMin(), m.gasUsed().getMax(),
                    m.mean(AnchorGas::calldataGas), m.mean(AnchorGas::executionGas), figure(m.gasPerEvent()),
                    figure(perEvent.gasPerEvent() / m.gasPerEvent()));
        }
        line("");
        Measured target = inRounds.getLast();
        double singlesTotal = perEvent.gasPerEvent() * TARGET_BATCH;
        double roundTotal = target.mean(AnchorGas::gasUsed);
        line("%,d events anchored one transaction each: %,.0f gas (the measured mean of %d single-event transactions "
                + "× %,d); in one round: %,.0f gas, %,.0f times less.", TARGET_BATCH, singlesTotal,
                perEvent.transactions().size(), TARGET_BATCH, roundTotal, singlesTotal / roundTotal);
        line("");
        boolean met = target.gasPerEvent() <= TARGET_GAS_PER_EVENT;
        line("**Target ≤ %.0f gas per event at %,d-event rounds: %s** (%.2f gas per event). A round meets it from "
                + "%,.0f events on (mean gas per anchor transaction ÷ %.0f), as that gas hardly depends on the round's "
                + "size.", TARGET_GAS_PER_EVENT, TARGET_BATCH, met ? "met" : "not met", target.gasPerEvent(),
                Math.ceil(roundTotal / TARGET_GAS_PER_EVENT), TARGET_GAS_PER_EVENT);
        line("");
    }

    /** Anchors the tree of these leaves in one transaction, as the worker does, and returns its gas. */
    private AnchorGas anchorRound(List<byte[]> leafData) throws IOException {
        Bytes32 root = MerkleTree.of(leafData).root();
        String hash = registry.anchor(member, takeNonce(), GAS, root, leafData.size(), roundRef(nextRoundId++));
        long gasUsed = mined(hash);
        String input = web3j.ethGetTransactionByHash(hash).send().getTransaction().orElseThrow().getInput();
        return new AnchorGas(gasUsed, calldataGas(Numeric.hexStringToByteArray(input)));
    }

    /** The app's roundRef: the round's database id as a uint64, left-padded to bytes32. */
    private static Bytes32 roundRef(long roundId) {
        return Bytes32.of(ByteBuffer.allocate(Bytes32.LENGTH).putLong(Bytes32.LENGTH - Long.BYTES, roundId).array());
    }

    /** EIP-2028 (london): 4 gas per zero byte of calldata, 16 per other byte. */
    private static long calldataGas(byte[] calldata) {
        long gas = 0;
        for (byte b : calldata) {
            gas += b == 0 ? 4 : 16;
        }
        return gas;
    }

    private long mined(String transactionHash) {
        return registry.requireSuccess(registry.awaitReceipt(transactionHash, TIMEOUT)).getGasUsed().longValueExact();
    }

    private BigInteger takeNonce() {
        BigInteger taken = nonce;
        nonce = nonce.add(BigInteger.ONE);
        return taken;
    }

    // --- building the tree off chain

    /**
     * Per round the worker builds the tree and every inclusion proof; timed beside the least any tree needs
     * (hashing the leaves) and the tree without proofs. The three alternate round by round, after a warm-up.
     */
    private void treeBuildTime() throws Exception {
        List<byte[]> leaves = digests.leaves(TARGET_BATCH);
        MerkleTree check = MerkleTree.of(leaves);
        for (int i = 0; i < TARGET_BATCH; i++) {
            if (!check.inclusionProof(i).verifies(check.leafHash(i), check.root())) {
                throw new IllegalStateException("proof " + i + " does not verify");
            }
        }
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        List<Supplier<Object>> work = List.of(() -> hashLeaves(sha256, leaves), () -> MerkleTree.of(leaves).root(),
                () -> treeWithAllProofs(leaves));
        List<String> labels = List.of("hash the leaves only: SHA-256(0x00 ‖ digest) each",
                "build the tree (root only)", "build the tree and all %,d inclusion proofs".formatted(TARGET_BATCH));
        int warmUp = 200;
        int rounds = 101;
        long[][] nanos = new long[work.size()][rounds];
        for (int round = -warmUp; round < rounds; round++) {
            for (int w = 0; w < work.size(); w++) {
                long start = System.nanoTime();
                sink = work.get(w).get();
                if (round >= 0) {
                    nanos[w][round] = System.nanoTime() - start;
                }
            }
        }
        line("## Building a %,d-leaf tree (per round, off chain)", TARGET_BATCH);
        line("");
        line("One thread, %d rounds after %d warm-up rounds, the three alternating.", rounds, warmUp);
        line("");
        line("| work for one round of %,d events | median ms | p90 ms | ÷ hashing the leaves |", TARGET_BATCH);
        line("|---|---|---|---|");
        double hashing = percentile(nanos[0], 0.5);
        for (int w = 0; w < work.size(); w++) {
            line("| %s | %.2f | %.2f | %.1f× |", labels.get(w), percentile(nanos[w], 0.5) / 1e6,
                    percentile(nanos[w], 0.9) / 1e6, percentile(nanos[w], 0.5) / hashing);
        }
        line("");
    }

    private static byte[] hashLeaves(MessageDigest sha256, List<byte[]> leaves) {
        byte[] digest = null;
        for (byte[] leaf : leaves) {
            sha256.update((byte) 0x00);
            digest = sha256.digest(leaf);
        }
        return digest;
    }

    private static List<InclusionProof> treeWithAllProofs(List<byte[]> leaves) {
        MerkleTree tree = MerkleTree.of(leaves);
        List<InclusionProof> proofs = new ArrayList<>(tree.size());
        for (int i = 0; i < tree.size(); i++) {
            proofs.add(tree.inclusionProof(i));
        }
        return proofs;
    }

    // --- helpers

    private static List<Measured> concat(Measured first, List<Measured> rest) {
        List<Measured> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    /** Two decimals where they matter (gas per event of big rounds, ratios near 1), none on large numbers. */
    private static String figure(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%.2f", value);
    }

    private static double percentile(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
    }

    private void line(String format, Object... args) {
        report.add(String.format(Locale.ROOT, format, args));
    }
}
