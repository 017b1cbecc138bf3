package city.trace.proof;

import static city.trace.proof.TestBundles.bundle;
import static city.trace.proof.TestBundles.edited;
import static city.trace.proof.TestBundles.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import city.trace.proof.cli.VerifyBundleCommand;
import city.trace.merkle.InclusionProof;
import city.trace.merkle.MerkleTree;
import city.trace.epcis.hash.EventHash;
import city.trace.epcis.hash.EventHasher;
import city.trace.proof.CheckResult.Check;

/** The verifier against a real anvil node holding a real registry, on bundles of GS1's example events. */
class BundleVerifierTest {

    /** The bundle the browser tests (src/test/js) re-check: verified here first. */
    static final Path BROWSER_FIXTURE = Path.of("target", "js-fixtures", "proof-bundle.json");

    private static RegistryOnAnvil chain;
    private static List<HashedEvent> events;
    private static MerkleTree tree;
    private static ProofBundle anchored;

    @TempDir
    Path files;

    @BeforeAll
    static void anchorABatch() {
        events = ExampleEvents.anchored();
        chain = new RegistryOnAnvil();
        tree = TestBundles.tree(events);
        anchored = bundle(TestBundles.batch(events, tree, AnchoringStatus.FINAL, chain.anchor(tree)));
    }

    @AfterAll
    static void stopChain() {
        if (chain != null) {
            chain.close();
        }
    }

    @Test
    void aBundleAsProducedIsVerified() {
        Run run = run(anchored, chain.rpcUrl());
        assertEquals(0, run.exitCode(), run.out());
        assertTrue(run.out().contains("Result: " + events.size() + " VERIFIED\n"), run.out());
        // a line per event and per check; no device signed these events, so checks e and f are not run
        assertEquals(events.size(), run.out().lines().filter(line -> line.startsWith("VERIFIED ")).count());
        assertEquals(events.size() * EnumSet.range(Check.PREHASH, Check.MEMBER).size(),
                run.out().lines().filter(line -> line.startsWith("  ok ")).count());
    }

    @Test
    void anEditedEventIsTampered() {
        ProofBundle bundle = edited(anchored, json -> ((ObjectNode) event(json, 0).get("event")).put("bizStep", "receiving"));
        EventReport first = verify(bundle).events().getFirst();
        assertEquals(Outcome.TAMPERED, first.outcome());
        assertFailed(first, Check.PREHASH);
        assertEquals(4, run(bundle, chain.rpcUrl()).exitCode());
    }

    @Test
    void anEditedEventWithItsHashRecomputedDoesNotMatchItsProof() {
        ProofBundle bundle = edited(anchored, json -> {
            ObjectNode entry = event(json, 0);
            ObjectNode forged = ((ObjectNode) entry.get("event")).put("bizStep", "receiving");
            EventHash rehashed = new EventHasher().hash(forged, anchored.events().getFirst().namespaces(), HashedEvent.VERSION);
            entry.put("prehash", rehashed.prehash()).put("hash", rehashed.hash());
        });
        EventReport first = verify(bundle).events().getFirst();
        assertEquals(Outcome.TAMPERED, first.outcome());
        assertPassed(first, Check.PREHASH);
        assertPassed(first, Check.HASH);
        assertFailed(first, Check.PROOF);
    }

    @Test
    void aSwappedAuditPathSiblingIsTampered() {
        ProofBundle bundle = edited(anchored, json -> {
            ArrayNode path = event(json, 0).withObjectProperty("proof").withArrayProperty("auditPath");
            path.insert(0, path.remove(1));
        });
        EventReport first = verify(bundle).events().getFirst();
        assertEquals(Outcome.TAMPERED, first.outcome());
        assertFailed(first, Check.PROOF);
    }

    @Test
    void aProofOfASmallerTreeLeadingToTheSameRootIsNotOnChain() {
        long smaller = tree.size() - 1;
        // the premise: leaf 0's audit path also leads to the root as leaf 0 of a tree one leaf smaller
        assertTrue(new InclusionProof(0, smaller, tree.inclusionProof(0).auditPath()).verifies(tree.leafHash(0),
                tree.root()));

        ProofBundle bundle = edited(anchored, json -> event(json, 0).withObjectProperty("proof").put("treeSize", smaller));
        EventReport first = verify(bundle).events().getFirst();
        assertPassed(first, Check.PROOF);
        assertFailed(first, Check.ANCHOR);
        assertEquals(Outcome.NOT_ON_CHAIN, first.outcome());
    }

    @Test
    void aRootNeverAnchoredIsNotOnChain() {
        List<HashedEvent> others = events.subList(0, 3);
        MerkleTree unanchored = TestBundles.tree(others);
        BundleProof stated = anchored.events().getFirst().proof();
        ProofBundle bundle = bundle(TestBundles.batch(others, unanchored, AnchoringStatus.FINAL, new TestBundles.Anchor(
                stated.chainId(), stated.contract(), stated.txHash(), stated.blockNumber(), stated.blockTime())));
        BundleReport report = verify(bundle);
        report.events().forEach(event -> {
            assertPassed(event, Check.PROOF);
            assertFailed(event, Check.ANCHOR);
        });
        assertEquals(Outcome.NOT_ON_CHAIN, report.outcome());
        assertEquals(4, run(bundle, chain.rpcUrl()).exitCode());
    }

    @Test
    void anotherBlockOrChainIsNotOnChain() {
        ProofBundle otherBlock = edited(anchored, json -> event(json, 0).withObjectProperty("proof").put("blockNumber", 1));
        assertFailed(verify(otherBlock).events().getFirst(), Check.BLOCK);
        assertEquals(Outcome.NOT_ON_CHAIN, verify(otherBlock).outcome());

        ProofBundle otherChain = edited(anchored, json -> event(json, 0).withObjectProperty("proof").put("chainId", 1));
        assertFailed(verify(otherChain).events().getFirst(), Check.CHAIN);
        assertEquals(Outcome.NOT_ON_CHAIN, verify(otherChain).outcome());
    }

    @Test
    void aBundleNamingNoMemberIsVerifiedAndTheRegistrySaysWhoVouches() {
        // bundles made before members anchored their own rounds name none: the chain alone answers
        EventReport first = verify(anchored).events().getFirst();
        assertEquals(Outcome.VERIFIED, first.outcome(), first.toString());
        BundleMember member = first.anchoredBy();
        assertTrue(chain.member().equalsIgnoreCase(member.account()), member.toString());
        assertEquals("CityTrace", member.name());
        assertTrue(member.isFounding(), member.toString());
        assertEquals("anchored by " + member, result(first, Check.MEMBER).detail());
    }

    @Test
    void aBundleNamingItsMemberIsVerifiedAndTheCommandSaysWho() {
        BundleMember member = verify(anchored).events().getFirst().anchoredBy();
        Run run = run(bundle(TestBundles.anchoredBy(anchored.events(), member)), chain.rpcUrl());
        assertEquals(0, run.exitCode(), run.out());
        assertTrue(run.out().contains("  ok    member     anchored by CityTrace (" + member.account()
                + "), a founding member\n"), run.out());
        // the account alone, as the app's database knows it
        ProofBundle accountOnly = bundle(TestBundles.anchoredBy(anchored.events(),
                BundleMember.account(chain.member())));
        assertEquals(Outcome.VERIFIED, verify(accountOnly).outcome());
    }

    @Test
    void aBundleNamingAnotherMemberIsNotOnChain() {
        ProofBundle forged = edited(anchored, json -> event(json, 0).withObjectProperty("proof").putObject("member")
                .put("account", "0x" + "12".repeat(20)));
        EventReport first = verify(forged).events().getFirst();
        assertPassed(first, Check.ANCHOR);
        assertFailed(first, Check.MEMBER);
        assertEquals(Outcome.NOT_ON_CHAIN, first.outcome());
        assertNull(first.anchoredBy());
        Run run = run(forged, chain.rpcUrl());
        assertEquals(4, run.exitCode(), run.out());
        assertTrue(run.out().contains("the bundle says by 0x" + "12".repeat(20)), run.out());
    }

    @Test
    void aBundleClaimingAnotherMembershipIsNotOnChain() {
        BundleMember member = verify(anchored).events().getFirst().anchoredBy();
        // the right account, but "admitted by 3 of 4 members" where it is a founding member
        BundleMember claimed = new BundleMember(member.account(), member.name(), member.memberSince(), 5L, 3, 4);
        EventReport first = verify(bundle(TestBundles.anchoredBy(anchored.events(), claimed))).events().getFirst();
        assertFailed(first, Check.MEMBER);
        assertEquals(Outcome.NOT_ON_CHAIN, first.outcome());
        assertTrue(result(first, Check.MEMBER).detail().contains("the bundle says " + claimed), first.toString());
    }

    @Test
    void aRootAnchoredByAnAccountTheRegistryDoesNotCountAsAMemberIsNotOnChain() {
        Runnable restore = chain.forgetMembershipTerms();
        try {
            EventReport first = verify(anchored).events().getFirst();
            assertPassed(first, Check.ANCHOR);
            assertPassed(first, Check.BLOCK);
            assertFailed(first, Check.MEMBER);
            assertEquals(Outcome.NOT_ON_CHAIN, first.outcome());
            assertTrue(result(first, Check.MEMBER).detail().contains("was not a member of "), first.toString());
            assertEquals(4, run(anchored, chain.rpcUrl()).exitCode());
        } finally {
            restore.run();
        }
        assertEquals(Outcome.VERIFIED, verify(anchored).outcome());
    }

    @Test
    void aDeadNodeIsUnreachable() {
        String dead = "http://127.0.0.1:" + freePort();
        Run run = run(anchored, dead);
        assertEquals(5, run.exitCode(), run.out());
        assertEquals(events.size(), run.out().lines().filter(line -> line.startsWith("UNREACHABLE ")).count(), run.out());
        assertTrue(run.out().contains("the node at " + dead + " could not be asked"), run.out());
    }

    @Test
    void aPendingEventIsPendingAndTheOthersVerified() {
        List<BundleEvent> entries = new ArrayList<>(anchored.events());
        entries.add(ExampleEvents.pending().inBundle(AnchoringStatus.PENDING, null));
        ProofBundle bundle = bundle(entries);
        Run run = run(bundle, chain.rpcUrl());
        assertEquals(3, run.exitCode(), run.out());
        assertTrue(run.out().contains("Result: " + events.size() + " VERIFIED, 1 PENDING\n"), run.out());
        EventReport pending = verify(bundle).events().getLast();
        assertEquals(Outcome.PENDING, pending.outcome());
        assertPassed(pending, Check.PREHASH);
        assertPassed(pending, Check.HASH);

        TestBundles.write(bundle, BROWSER_FIXTURE);
    }

    @Test
    void aSubmittedEventIsVerifiedOnceMinedAndPendingBefore() {
        BundleProof stated = anchored.events().getFirst().proof();
        TestBundles.Anchor submitted = new TestBundles.Anchor(stated.chainId(), stated.contract(), stated.txHash(),
                null, null);
        assertEquals(Outcome.VERIFIED, verify(bundle(TestBundles.batch(events, tree, AnchoringStatus.SUBMITTED,
                submitted))).outcome(), "mined since the bundle was made");

        List<HashedEvent> notYet = events.subList(0, 2);
        assertEquals(Outcome.PENDING, verify(bundle(TestBundles.batch(notYet, TestBundles.tree(notYet),
                AnchoringStatus.SUBMITTED, submitted))).outcome());
    }

    private static BundleReport verify(ProofBundle bundle) {
        try (NodeChain node = NodeChain.at(chain.rpcUrl())) {
            return new BundleVerifier(node).verify(bundle);
        }
    }

    private record Run(int exitCode, String out) {
    }

    /** The command, on the bundle written to a file, as scripts/verify-bundle.sh runs it. */
    private Run run(ProofBundle bundle, String rpcUrl) {
        Path file = TestBundles.write(bundle, files.resolve("bundle.json"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exitCode = VerifyBundleCommand.run(List.of(file.toString(), "--rpc", rpcUrl),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8));
    }

    private static void assertPassed(EventReport event, Check check) {
        assertTrue(result(event, check).isPassed(), event.toString());
    }

    private static void assertFailed(EventReport event, Check check) {
        assertFalse(result(event, check).isPassed(), event.toString());
    }

    private static CheckResult result(EventReport event, Check check) {
        return event.checks().stream().filter(result -> result.check() == check).findFirst()
                .orElseThrow(() -> new AssertionError(check + " was not checked: " + event));
    }

    /** A port nothing listens on (just released by the system). */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
