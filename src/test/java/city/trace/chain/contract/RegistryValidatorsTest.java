package city.trace.chain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The validator set the registry gives Besu's QBFT (contract validator selection) on a real anvil node: each current
 * member nominates at most one node, a node validates for one member only, removal by vote takes the member's node
 * out, and once there are validators the set never becomes empty.
 */
class RegistryValidatorsTest {

    private static final GasSettings GAS = GasSettings.free(1_000_000);

    private static TestChain chain;

    @BeforeAll
    static void startChain() {
        chain = TestChain.freeGas();
    }

    @AfterAll
    static void stopChain() {
        chain.close();
    }

    /** A registry, the signers of its genesis members and a validator node address for each (not nominated yet). */
    private record Consortium(ProvenanceRegistry registry, List<TransactionSigner> members, List<String> nodes) {

        TransactionSigner member(int index) {
            return members.get(index);
        }

        TransactionReceipt mined(String transactionHash) {
            return registry.requireSuccess(registry.awaitReceipt(transactionHash, TestChain.TIMEOUT));
        }

        TransactionReceipt nominate(TransactionSigner member, Optional<String> node) {
            return mined(registry.nominateValidator(member, chain.nonce(member), GAS, node));
        }

        /** Proposes the removal of {@code leaving} and has the other members approve it until it takes effect. */
        void remove(TransactionSigner leaving) {
            List<TransactionSigner> others = members.stream().filter(m -> m != leaving).toList();
            long id = registry.proposalId(mined(registry.proposeRemoval(others.get(0), chain.nonce(others.get(0)), GAS,
                    leaving.address())));
            for (TransactionSigner voter : others.subList(1, others.size())) {
                if (!registry.isMember(leaving.address())) {
                    return;
                }
                mined(registry.vote(voter, chain.nonce(voter), GAS, id));
            }
        }

        Set<String> validators() {
            return Set.copyOf(registry.validators());
        }
    }

    /** {@code nominated}: how many of the genesis members nominate their node at deployment (0: none). */
    private static Consortium consortium(int members, int threshold, int nominated) {
        List<TransactionSigner> accounts = IntStream.range(0, members).mapToObj(i -> chain.newAccount()).toList();
        List<String> nodes = IntStream.range(0, members).mapToObj(i -> chain.newAccount().address()).toList();
        List<Member> genesis = IntStream.range(0, members).mapToObj(i -> new Member(accounts.get(i).address(),
                "Founder " + i, Member.companyPrefixHash("871234" + i))).toList();
        List<Optional<String>> genesisValidators = nominated == 0 ? List.of()
                : IntStream.range(0, members).mapToObj(i -> i < nominated ? Optional.of(nodes.get(i)) : Optional.<String>empty())
                        .toList();
        ProvenanceRegistry registry = ProvenanceRegistry.deploy(chain.web3j, chain.devAccount, genesis, threshold,
                genesisValidators, chain.nonce(chain.devAccount), TestChain.DEPLOY_GAS, TestChain.TIMEOUT).registry();
        return new Consortium(registry, accounts, nodes);
    }

    @Test
    void theGenesisMembersValidatorsFormTheSetFromDeployment() {
        Consortium c = consortium(4, 3, 3);
        assertEquals(Set.copyOf(c.nodes().subList(0, 3)), c.validators());
        assertEquals(Optional.of(c.nodes().get(1)), c.registry().validatorOf(c.member(1).address()));
        assertEquals(Optional.empty(), c.registry().validatorOf(c.member(3).address()), "this founder runs no node");

        assertEquals(List.of(), consortium(2, 1, 0).registry().validators(), "no nominations, no validators");
    }

    @Test
    void genesisValidatorsAreOnePerGenesisMember() {
        TransactionSigner founder = chain.newAccount();
        ContractRevertException refused = assertThrows(ContractRevertException.class, () -> ProvenanceRegistry.deploy(
                chain.web3j, chain.devAccount, List.of(new Member(founder.address(), "Founder", Member.companyPrefixHash("8712340"))),
                1, List.of(Optional.of(chain.newAccount().address()), Optional.of(chain.newAccount().address())),
                chain.nonce(chain.devAccount), TestChain.DEPLOY_GAS, TestChain.TIMEOUT));
        assertEquals(Optional.of("GenesisMismatch"), refused.errorName());
    }

    @Test
    void aMemberNominatesReplacesAndWithdrawsItsValidator() {
        Consortium c = consortium(3, 2, 0);
        TransactionSigner city = c.member(0);

        c.nominate(city, Optional.of(c.nodes().get(0)));
        c.nominate(c.member(1), Optional.of(c.nodes().get(1)));
        assertEquals(Set.of(c.nodes().get(0), c.nodes().get(1)), c.validators());

        String newNode = chain.newAccount().address();
        TransactionReceipt replaced = c.nominate(city, Optional.of(newNode));
        assertEquals(1, replaced.getLogs().size(), "one ValidatorNominated event");
        assertEquals(Set.of(newNode, c.nodes().get(1)), c.validators(), "the old node left the set");
        assertEquals(Optional.of(newNode), c.registry().validatorOf(city.address()));

        c.nominate(city, Optional.empty());
        assertEquals(Set.of(c.nodes().get(1)), c.validators());
        assertEquals(Optional.empty(), c.registry().validatorOf(city.address()));

        // the node it gave up is free for another member
        c.nominate(c.member(2), Optional.of(newNode));
        assertEquals(Set.of(newNode, c.nodes().get(1)), c.validators());
    }

    @Test
    void aNonMemberCannotNominate() {
        Consortium c = consortium(2, 1, 2);
        TransactionSigner stranger = chain.newAccount();
        ContractRevertException refused = refused(() -> c.nominate(stranger, Optional.of(chain.newAccount().address())));
        assertEquals(Optional.of("NotMember"), refused.errorName());
        assertEquals(List.of(stranger.address()), refused.arguments());
        assertEquals(Set.copyOf(c.nodes()), c.validators());
    }

    @Test
    void aNodeValidatesForOneMemberOnly() {
        Consortium c = consortium(3, 2, 2);
        String cityNode = c.nodes().get(0);

        ContractRevertException refused = refused(() -> c.nominate(c.member(2), Optional.of(cityNode)));
        assertEquals(Optional.of("ValidatorTaken"), refused.errorName());
        assertEquals(List.of(cityNode, c.member(0).address()), refused.arguments());
        assertEquals(Set.of(cityNode, c.nodes().get(1)), c.validators(), "listed once, for its member");

        c.nominate(c.member(0), Optional.of(cityNode));
        assertEquals(2, c.registry().validators().size(), "nominating its own node again changes nothing");
    }

    @Test
    void aRemovedMembersValidatorLeavesTheSetAtOnce() {
        Consortium c = consortium(4, 3, 4);
        TransactionSigner leaving = c.member(3);

        c.remove(leaving);

        assertEquals(Set.copyOf(c.nodes().subList(0, 3)), c.validators());
        assertEquals(Optional.empty(), c.registry().validatorOf(leaving.address()));
        // its node is free again: the member that takes over its duties may nominate it
        c.nominate(c.member(0), Optional.of(c.nodes().get(3)));
        assertEquals(Set.of(c.nodes().get(3), c.nodes().get(1), c.nodes().get(2)), c.validators());
    }

    @Test
    void theLastValidatorStaysUntilAnotherIsNominated() {
        Consortium c = consortium(2, 1, 1);
        TransactionSigner city = c.member(0);
        String cityNode = c.nodes().get(0);

        ContractRevertException withdrawal = refused(() -> c.nominate(city, Optional.empty()));
        assertEquals(Optional.of("LastValidator"), withdrawal.errorName());
        assertEquals(List.of(cityNode), withdrawal.arguments());
        ContractRevertException removal = refused(() -> c.mined(c.registry().proposeRemoval(c.member(1),
                chain.nonce(c.member(1)), GAS, city.address())));
        assertEquals(Optional.of("LastValidator"), removal.errorName());
        assertEquals(Set.of(cityNode), c.validators());

        // replacing it is fine, and once another member validates, the city may leave
        String newNode = chain.newAccount().address();
        c.nominate(city, Optional.of(newNode));
        c.nominate(c.member(1), Optional.of(c.nodes().get(1)));
        c.remove(city);
        assertEquals(Set.of(c.nodes().get(1)), c.validators());
    }

    /** A removal proposed while another validator ran cannot be carried out once its member's node is the last one. */
    @Test
    void aRemovalThatWouldLeaveNoValidatorIsNotCarriedOut() {
        Consortium c = consortium(3, 2, 2);
        TransactionSigner leaving = c.member(0);
        long removal = c.registry().proposalId(c.mined(c.registry().proposeRemoval(c.member(1),
                chain.nonce(c.member(1)), GAS, leaving.address())));
        c.nominate(c.member(1), Optional.empty());

        ContractRevertException refused = refused(() -> c.mined(c.registry().vote(c.member(2), chain.nonce(c.member(2)),
                GAS, removal)));
        assertEquals(Optional.of("LastValidator"), refused.errorName());
        assertTrue(c.registry().isMember(leaving.address()));
        assertEquals(Set.of(c.nodes().get(0)), c.validators());
    }

    private static ContractRevertException refused(Executable transaction) {
        return assertThrows(ContractRevertException.class, transaction);
    }
}
