package city.trace.chain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import city.trace.merkle.Bytes32;
import city.trace.merkle.MerkleTree;

/**
 * The registry's membership by vote on a real anvil node: every rule of src/main/solidity/ProvenanceRegistry.sol's
 * governance. Each test deploys its own registry with its own genesis members.
 */
class RegistryGovernanceTest {

    private static final GasSettings GAS = GasSettings.free(1_000_000);
    private static final Duration VOTING_PERIOD = Duration.ofDays(7);

    private static Path state;
    private static TestChain chain;
    private static ChainNode blocks;

    @BeforeAll
    static void startChain() throws IOException {
        // --state: anvil writes the chain to this file when stopped and reads it back when started
        state = Files.createTempFile("registry-governance", ".json");
        Files.delete(state);
        chain = TestChain.freeGas("--state", state.toString());
        blocks = new ChainNode(chain.web3j);
    }

    @AfterAll
    static void stopChain() throws IOException {
        chain.close();
        Files.deleteIfExists(state);
    }

    /** A registry and the accounts of its genesis members, one signer each. */
    private record Consortium(ProvenanceRegistry registry, List<TransactionSigner> members) {

        TransactionSigner member(int index) {
            return members.get(index);
        }

        TransactionReceipt mined(String transactionHash) {
            return registry.requireSuccess(registry.awaitReceipt(transactionHash, TestChain.TIMEOUT));
        }

        long propose(TransactionSigner proposer, Member candidate) {
            return registry.proposalId(mined(registry.proposeAdmission(proposer, chain.nonce(proposer), GAS, candidate)));
        }

        TransactionReceipt vote(TransactionSigner voter, long proposalId) {
            return mined(registry.vote(voter, chain.nonce(voter), GAS, proposalId));
        }
    }

    private static Consortium consortium(int members, int threshold) {
        List<TransactionSigner> accounts = IntStream.range(0, members).mapToObj(i -> chain.newAccount()).toList();
        List<Member> genesis = IntStream.range(0, members).mapToObj(i -> new Member(accounts.get(i).address(),
                "Founder " + i, Member.companyPrefixHash("871234" + i))).toList();
        return new Consortium(chain.deploy(TestChain.DEPLOY_GAS, genesis, threshold).registry(), accounts);
    }

    private static Member candidate(TransactionSigner account, String name) {
        return new Member(account.address(), name, Member.companyPrefixHash("8790001"));
    }

    @Test
    void aCandidateIsAdmittedWhenMOfNMembersApproveAndNotBefore() {
        Consortium c = consortium(4, 3);
        TransactionSigner mill = chain.newAccount();
        Member candidate = candidate(mill, "Noorderlicht Mill & Bakery");

        TransactionReceipt proposed = c.mined(c.registry().proposeAdmission(c.member(0), chain.nonce(c.member(0)), GAS,
                candidate));
        long id = c.registry().proposalId(proposed);
        assertEquals(List.of("Proposed", "Voted"), eventNames(proposed), "proposing is approving");
        assertEquals(id, c.registry().proposalCount(), "ids are counted from 1");
        Proposal open = c.registry().proposal(id);
        assertEquals(new Proposal(id, Proposal.Kind.ADMIT, Proposal.Status.OPEN, mill.address(), candidate.name(),
                candidate.companyPrefixHash(), 0, c.member(0).address(), open.deadline(), 1, 0), open);
        assertEquals(blocks.block(proposed.getBlockNumber().longValueExact()).orElseThrow().time().plus(VOTING_PERIOD),
                open.deadline());

        TransactionReceipt second = c.vote(c.member(1), id);
        assertEquals(List.of("Voted"), eventNames(second));
        assertFalse(c.registry().isMember(mill.address()), "2 of 4 approvals, 3 needed: no effect yet");
        assertEquals(2, c.registry().proposal(id).approvals());
        assertEquals(Optional.of("NotMember"), refused(() -> c.mined(c.registry().anchor(mill, chain.nonce(mill), GAS,
                Bytes32.fromHex("11".repeat(32)), 1, Bytes32.fromHex("22".repeat(32))))).errorName());

        TransactionReceipt third = c.vote(c.member(2), id);
        assertEquals(List.of("Voted", "MemberAdmitted", "Executed"), eventNames(third));
        assertTrue(c.registry().isMember(mill.address()));
        assertTrue(c.registry().members().contains(candidate));
        Proposal executed = c.registry().proposal(id);
        assertEquals(Proposal.Status.EXECUTED, executed.status());
        assertEquals(3, executed.approvals());
        assertEquals(4, executed.electorate());
        long admittedAt = third.getBlockNumber().longValueExact();
        assertEquals(Optional.of(new MembershipTerm(admittedAt, 0, id, 3, 4)),
                c.registry().membershipAt(mill.address(), admittedAt), "admitted by 3 of 4 members");
        assertFalse(c.registry().wasMemberAt(mill.address(), admittedAt - 1));
        MembershipTerm founder = c.registry().membershipAt(c.member(3).address(), admittedAt).orElseThrow();
        assertTrue(founder.genesis());

        ContractRevertException late = refused(() -> c.vote(c.member(3), id));
        assertEquals(Optional.of("ProposalNotOpen"), late.errorName(), "executed proposals take no more votes");
        c.mined(c.registry().anchor(mill, chain.nonce(mill), GAS, Bytes32.fromHex("33".repeat(32)), 1,
                Bytes32.fromHex("44".repeat(32))));
    }

    @Test
    void aMemberCannotVoteTwice() {
        Consortium c = consortium(3, 3);
        long id = c.propose(c.member(0), candidate(chain.newAccount(), "Twice Ltd"));

        ContractRevertException proposerAgain = refused(() -> c.vote(c.member(0), id));
        assertEquals(Optional.of("AlreadyVoted"), proposerAgain.errorName(), "the proposal was the proposer's vote");
        c.vote(c.member(1), id);
        ContractRevertException again = refused(() -> c.vote(c.member(1), id));
        assertEquals(List.of(BigInteger.valueOf(id), c.member(1).address()), again.arguments());
        assertTrue(c.registry().hasVoted(id, c.member(1).address()));
        assertFalse(c.registry().hasVoted(id, c.member(2).address()));
        assertEquals(2, c.registry().proposal(id).approvals(), "still two votes");
    }

    @Test
    void nonMembersCannotProposeVoteOrExecute() {
        Consortium c = consortium(2, 2);
        TransactionSigner stranger = chain.newAccount();
        long id = c.propose(c.member(0), candidate(stranger, "Stranger BV"));

        ProvenanceRegistry registry = c.registry();
        for (Executable attempt : List.<Executable>of(
                () -> c.mined(registry.proposeAdmission(stranger, chain.nonce(stranger), GAS, candidate(stranger, "Me"))),
                () -> c.mined(registry.proposeRemoval(stranger, chain.nonce(stranger), GAS, c.member(0).address())),
                () -> c.mined(registry.proposeThreshold(stranger, chain.nonce(stranger), GAS, 1)),
                () -> c.vote(stranger, id),
                () -> c.mined(registry.execute(stranger, chain.nonce(stranger), GAS, id)))) {
            ContractRevertException refused = refused(attempt);
            assertEquals(Optional.of("NotMember"), refused.errorName());
            assertEquals(List.of(stranger.address()), refused.arguments());
        }
        assertEquals(1, registry.proposal(id).approvals());
        assertFalse(registry.isMember(stranger.address()));
    }

    @Test
    void aProposalNotApprovedWithinTheVotingPeriodExpires() {
        Consortium c = consortium(3, 2);
        TransactionSigner latecomer = chain.newAccount();
        long id = c.propose(c.member(0), candidate(latecomer, "Latecomer"));
        assertEquals(Optional.of("VotingUnderway"),
                refused(() -> c.mined(c.registry().expire(latecomer, chain.nonce(latecomer), GAS, id))).errorName());

        chain.node.rpc("evm_increaseTime", "[" + (VOTING_PERIOD.toSeconds() + 1) + "]");
        chain.node.rpc("evm_mine", "[]");

        Proposal expiredProposal = c.registry().proposal(id);
        assertEquals(Proposal.Status.EXPIRED, expiredProposal.status(), "expired without a transaction");
        assertEquals(1, expiredProposal.approvals(), "the approvals it got");
        ContractRevertException late = refused(() -> c.vote(c.member(1), id));
        assertEquals(List.of(BigInteger.valueOf(id), BigInteger.valueOf(Proposal.Status.EXPIRED.ordinal())),
                late.arguments());
        assertFalse(c.registry().isMember(latecomer.address()));

        // anyone may record the expiry, which emits the event
        TransactionReceipt expired = c.mined(c.registry().expire(latecomer, chain.nonce(latecomer), GAS, id));
        assertEquals(List.of("Expired"), eventNames(expired));
        assertEquals(Optional.of("ProposalNotOpen"),
                refused(() -> c.mined(c.registry().expire(latecomer, chain.nonce(latecomer), GAS, id))).errorName());
        assertEquals(Optional.of("UnknownProposal"), refused(() -> c.vote(c.member(1), id + 1)).errorName());
    }

    @Test
    void aRemovedMembersRootsStayAnchoredAndItsMembershipStaysOnRecord() {
        Consortium c = consortium(3, 2);
        TransactionSigner leaving = c.member(0);
        MerkleTree tree = MerkleTree.of(List.of("a".getBytes(StandardCharsets.UTF_8), "b".getBytes(StandardCharsets.UTF_8),
                "c".getBytes(StandardCharsets.UTF_8)));
        long anchoredAt = c.mined(c.registry().anchor(leaving, chain.nonce(leaving), GAS, tree.root(), tree.size(),
                Bytes32.fromHex("55".repeat(32)))).getBlockNumber().longValueExact();

        TransactionReceipt proposed = c.mined(c.registry().proposeRemoval(c.member(1), chain.nonce(c.member(1)), GAS,
                leaving.address()));
        long id = c.registry().proposalId(proposed);
        assertTrue(c.registry().isMember(leaving.address()), "one approval of two needed");
        TransactionReceipt removal = c.vote(c.member(2), id);
        assertEquals(List.of("Voted", "MemberRemoved", "Executed"), eventNames(removal));
        long removedAt = removal.getBlockNumber().longValueExact();

        assertFalse(c.registry().isMember(leaving.address()));
        assertEquals(2, c.registry().members().size());
        AnchorRecord anchor = c.registry().anchorOf(tree.root()).orElseThrow();
        assertEquals(leaving.address(), anchor.member(), "the anchor still names its member");
        assertEquals(anchoredAt, anchor.blockNumber());
        assertTrue(c.registry().verifyInclusion(tree.leafHash(1), tree.inclusionProof(1), tree.root()));
        assertTrue(c.registry().wasMemberAt(leaving.address(), anchoredAt), "a member when it anchored");
        assertTrue(c.registry().wasMemberAt(leaving.address(), removedAt), "a member until its removal, in that block");
        assertFalse(c.registry().wasMemberAt(leaving.address(), removedAt + 1));
        MembershipTerm term = c.registry().membershipAt(leaving.address(), anchoredAt).orElseThrow();
        assertEquals(removedAt, term.removedAt());
        assertTrue(term.genesis());

        for (Executable attempt : List.<Executable>of(
                () -> c.mined(c.registry().anchor(leaving, chain.nonce(leaving), GAS, Bytes32.fromHex("66".repeat(32)), 1,
                        Bytes32.fromHex("77".repeat(32)))),
                () -> c.mined(c.registry().proposeThreshold(leaving, chain.nonce(leaving), GAS, 1)))) {
            assertEquals(Optional.of("NotMember"), refused(attempt).errorName());
        }

        // admitted again: a second term, with the gap between them on record
        long readmission = c.propose(c.member(1), candidate(leaving, "Founder 0"));
        long readmittedAt = c.vote(c.member(2), readmission).getBlockNumber().longValueExact();
        assertTrue(c.registry().wasMemberAt(leaving.address(), anchoredAt));
        assertFalse(c.registry().wasMemberAt(leaving.address(), readmittedAt - 1));
        assertEquals(Optional.of(new MembershipTerm(readmittedAt, 0, readmission, 2, 2)),
                c.registry().membershipAt(leaving.address(), readmittedAt));
        assertEquals(leaving.address(), c.registry().anchorOf(tree.root()).orElseThrow().member());
    }

    @Test
    void votesOfMembersRemovedSinceNoLongerCount() {
        Consortium c = consortium(4, 3);
        long admission = c.propose(c.member(0), candidate(chain.newAccount(), "Pending Foods"));
        c.vote(c.member(1), admission);

        long removal = c.registry().proposalId(c.mined(c.registry().proposeRemoval(c.member(2), chain.nonce(c.member(2)),
                GAS, c.member(0).address())));
        c.vote(c.member(3), removal);
        c.vote(c.member(1), removal);
        assertFalse(c.registry().isMember(c.member(0).address()));

        assertEquals(1, c.registry().proposal(admission).approvals(), "the removed proposer's approval is gone");
        assertTrue(c.registry().hasVoted(admission, c.member(0).address()));
    }

    @Test
    void theThresholdChangesOnlyByVoteBetweenOneAndTheNumberOfMembers() {
        Consortium c = consortium(3, 2);
        ProvenanceRegistry registry = c.registry();
        TransactionSigner proposer = c.member(0);
        for (int invalid : new int[] {0, 4}) {
            ContractRevertException refused = refused(() -> c.mined(registry.proposeThreshold(proposer,
                    chain.nonce(proposer), GAS, invalid)));
            assertEquals(Optional.of("InvalidThreshold"), refused.errorName());
            assertEquals(List.of(BigInteger.valueOf(invalid), BigInteger.valueOf(3)), refused.arguments());
        }

        long raise = registry.proposalId(c.mined(registry.proposeThreshold(proposer, chain.nonce(proposer), GAS, 3)));
        assertEquals(2, registry.threshold(), "a proposal alone changes nothing");
        assertEquals(List.of("Voted", "ThresholdChanged", "Executed"), eventNames(c.vote(c.member(1), raise)));
        assertEquals(3, registry.threshold());

        // with 3 of 3 needed, no member can be removed: the members left could never reach the threshold
        ContractRevertException removal = refused(() -> c.mined(registry.proposeRemoval(proposer,
                chain.nonce(proposer), GAS, c.member(2).address())));
        assertEquals(List.of(BigInteger.valueOf(3), BigInteger.valueOf(2)), removal.arguments());

        // two approvals were enough before: once the threshold is lowered again, execute() carries the admission out
        TransactionSigner waiting = chain.newAccount();
        long admission = c.propose(c.member(0), candidate(waiting, "Waiting Farm"));
        c.vote(c.member(1), admission);
        ContractRevertException notYet = refused(() -> c.mined(registry.execute(proposer, chain.nonce(proposer), GAS,
                admission)));
        assertEquals(List.of(BigInteger.valueOf(admission), BigInteger.valueOf(2), BigInteger.valueOf(3)),
                notYet.arguments());
        long lower = registry.proposalId(c.mined(registry.proposeThreshold(c.member(2), chain.nonce(c.member(2)), GAS, 2)));
        c.vote(c.member(0), lower);
        c.vote(c.member(1), lower);
        assertEquals(2, registry.threshold());
        assertFalse(registry.isMember(waiting.address()));
        long admittedAt = c.mined(registry.execute(proposer, chain.nonce(proposer), GAS, admission)).getBlockNumber()
                .longValueExact();
        assertEquals(Optional.of(new MembershipTerm(admittedAt, 0, admission, 2, 3)),
                registry.membershipAt(waiting.address(), admittedAt), "2 of the 3 members then");
    }

    /** The node stops between two votes and starts again from its state file: the vote goes on where it was. */
    @Test
    void aVoteSurvivesANodeRestart() {
        Consortium c = consortium(3, 2);
        TransactionSigner joining = chain.newAccount();
        long id = c.propose(c.member(0), candidate(joining, "Restart Dairy"));
        long blockBefore = blocks.latestBlockNumber();

        chain.node.restart();

        assertEquals(blockBefore, blocks.latestBlockNumber(), "the chain came back from the state file");
        Proposal afterRestart = c.registry().proposal(id);
        assertEquals(Proposal.Status.OPEN, afterRestart.status());
        assertEquals(1, afterRestart.approvals());
        assertTrue(c.registry().hasVoted(id, c.member(0).address()));
        c.vote(c.member(1), id);
        assertTrue(c.registry().isMember(joining.address()));
    }

    /** The names of the registry events a transaction emitted, in order. */
    private static List<String> eventNames(TransactionReceipt receipt) {
        List<String> names = List.of("Proposed(uint64,uint8,address,string,bytes32,uint32,address,uint64)",
                "Voted(uint64,address,uint32)", "Executed(uint64,uint32,uint32)", "Expired(uint64)",
                "MemberAdmitted(address,string,bytes32,uint64)", "MemberRemoved(address,uint64)",
                "ThresholdChanged(uint32,uint64)");
        return receipt.getLogs().stream().map(Log::getTopics).map(topics -> names.stream()
                .filter(name -> Hash.sha3String(name).equals(topics.get(0))).findFirst()
                .map(name -> name.substring(0, name.indexOf('('))).orElse(topics.get(0))).toList();
    }

    /** The contract's error when the transaction (sent, then mined or estimated) reverts. */
    private static ContractRevertException refused(Executable transaction) {
        return assertThrows(ContractRevertException.class, transaction);
    }
}
