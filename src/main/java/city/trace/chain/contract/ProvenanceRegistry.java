package city.trace.chain.contract;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import city.trace.merkle.Bytes32;
import city.trace.merkle.InclusionProof;

/**
 * The Java binding of src/main/solidity/ProvenanceRegistry.sol at one address. Calls are encoded from the
 * ABI the build compiled, checked once at class loading to declare every function used here with these types.
 * Nonces are the caller's: every transaction method takes one.
 */
public final class ProvenanceRegistry {

    private static final String CONSTRUCTOR = "constructor(address[],string[],bytes32[],uint32,address[])";
    private static final AbiFunction IS_MEMBER = AbiFunction.parse("isMember(address) returns (bool)");
    private static final AbiFunction ANCHOR_OF =
            AbiFunction.parse("anchorOf(bytes32) returns (uint64,uint64,address,uint64)");
    private static final AbiFunction VERIFY_INCLUSION =
            AbiFunction.parse("verifyInclusion(bytes32,uint256,uint256,bytes32[],bytes32) returns (bool)");
    private static final AbiFunction ANCHOR = AbiFunction.parse("anchor(bytes32,uint64,bytes32) returns ()");
    private static final AbiFunction MEMBERS = AbiFunction.parse("members() returns (address[])");
    private static final AbiFunction MEMBER_INFO =
            AbiFunction.parse("memberInfo(address) returns (bool,string,bytes32)");
    private static final AbiFunction THRESHOLD = AbiFunction.parse("threshold() returns (uint32)");
    private static final AbiFunction WAS_MEMBER_AT = AbiFunction.parse("wasMemberAt(address,uint64) returns (bool)");
    private static final AbiFunction MEMBERSHIP_AT =
            AbiFunction.parse("membershipAt(address,uint64) returns (bool,uint64,uint64,uint64,uint32,uint32)");
    private static final AbiFunction PROPOSAL = AbiFunction.parse(
            "proposal(uint64) returns (uint8,uint8,address,string,bytes32,uint32,address,uint64,uint32,uint32)");
    private static final AbiFunction PROPOSAL_COUNT = AbiFunction.parse("proposalCount() returns (uint64)");
    private static final AbiFunction HAS_VOTED = AbiFunction.parse("hasVoted(uint64,address) returns (bool)");
    private static final AbiFunction PROPOSE_ADMISSION =
            AbiFunction.parse("proposeAdmission(address,string,bytes32) returns (uint64)");
    private static final AbiFunction PROPOSE_REMOVAL = AbiFunction.parse("proposeRemoval(address) returns (uint64)");
    private static final AbiFunction PROPOSE_THRESHOLD = AbiFunction.parse("proposeThreshold(uint32) returns (uint64)");
    private static final AbiFunction VOTE = AbiFunction.parse("vote(uint64) returns ()");
    private static final AbiFunction EXECUTE = AbiFunction.parse("execute(uint64) returns ()");
    private static final AbiFunction EXPIRE = AbiFunction.parse("expire(uint64) returns ()");
    private static final AbiFunction NOMINATE_VALIDATOR = AbiFunction.parse("nominateValidator(address) returns ()");
    private static final AbiFunction GET_VALIDATORS = AbiFunction.parse("getValidators() returns (address[])");
    private static final AbiFunction VALIDATOR_OF = AbiFunction.parse("validatorOf(address) returns (address)");
    private static final String NO_VALIDATOR = "0x0000000000000000000000000000000000000000";
    private static final String ANCHORED = "Anchored(bytes32 indexed,address indexed,uint64,bytes32)";
    private static final String ANCHORED_TOPIC = topic(ANCHORED);
    private static final String PROPOSED =
            "Proposed(uint64 indexed,uint8,address indexed,string,bytes32,uint32,address indexed,uint64)";
    private static final String PROPOSED_TOPIC = topic(PROPOSED);
    private static final String ROOT_ALREADY_ANCHORED = "RootAlreadyAnchored(bytes32)";

    private static final ContractArtifact ARTIFACT = checkedArtifact();
    private static final RevertDecoder REVERTS = new RevertDecoder(ARTIFACT.errors());

    /** A freshly deployed registry and the receipt of its creation. */
    public record Deployment(ProvenanceRegistry registry, TransactionReceipt receipt) {
    }

    private final ContractRpc rpc;
    private final String address;

    public ProvenanceRegistry(Web3j web3j, String address) {
        this.rpc = new ContractRpc(web3j, REVERTS);
        this.address = address;
    }

    /**
     * Deploys a new registry governed by the {@code genesis} members, of whom {@code threshold} must approve each
     * change, and waits for it to be mined. The deployer has no say unless it is one of them.
     */
    public static Deployment deploy(Web3j web3j, TransactionSigner deployer, List<Member> genesis, int threshold,
            BigInteger nonce, GasSettings gas, Duration timeout) {
        return deploy(web3j, deployer, genesis, threshold, List.of(), nonce, gas, timeout);
    }

    /**
     * Deploys a registry as above whose genesis members nominated the validator nodes {@code genesisValidators}: empty,
     * or one per member in the order of {@code genesis} ({@link Optional#empty()}: that member runs no validator).
     */
    public static Deployment deploy(Web3j web3j, TransactionSigner deployer, List<Member> genesis, int threshold,
            List<Optional<String>> genesisValidators, BigInteger nonce, GasSettings gas, Duration timeout) {
        String arguments = FunctionEncoder.encodeConstructor(List.of(
                new DynamicArray<>(Address.class, genesis.stream().map(m -> new Address(m.account())).toList()),
                new DynamicArray<>(Utf8String.class, genesis.stream().map(m -> new Utf8String(m.name())).toList()),
                new DynamicArray<>(org.web3j.abi.datatypes.generated.Bytes32.class,
                        genesis.stream().map(m -> word(m.companyPrefixHash())).toList()),
                new Uint32(threshold),
                new DynamicArray<>(Address.class,
                        genesisValidators.stream().map(node -> new Address(node.orElse(NO_VALIDATOR))).toList())));
        ContractRpc rpc = new ContractRpc(web3j, REVERTS);
        String hash = rpc.send(deployer.sign(null, ARTIFACT.bytecode() + Numeric.cleanHexPrefix(arguments), nonce, gas));
        TransactionReceipt receipt = rpc.requireSuccess(rpc.awaitReceipt(hash, timeout));
        return new Deployment(new ProvenanceRegistry(web3j, receipt.getContractAddress()), receipt);
    }

    public String address() {
        return address;
    }

    public boolean isMember(String account) {
        return (Boolean) call(IS_MEMBER, new Address(account)).get(0).getValue();
    }

    /** The current members, in no particular order. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List<Member> members() {
        List<Address> accounts = (List<Address>) call(MEMBERS).get(0).getValue();
        return accounts.stream().map(account -> memberInfo(account.getValue()).orElseThrow()).toList();
    }

    /** What the registry knows of an account that is or was a member; empty for one it never admitted. */
    @SuppressWarnings("rawtypes")
    public Optional<Member> memberInfo(String account) {
        List<Type> info = call(MEMBER_INFO, new Address(account));
        String name = (String) info.get(1).getValue();
        return name.isEmpty() ? Optional.empty()
                : Optional.of(new Member(account, name, Bytes32.of((byte[]) info.get(2).getValue())));
    }

    /** How many members must approve a proposal for it to take effect. */
    public int threshold() {
        return intValue(call(THRESHOLD).get(0));
    }

    /** Whether {@code account} was a member at any moment of block {@code blockNumber} (its removal's block included). */
    public boolean wasMemberAt(String account, long blockNumber) {
        return (Boolean) call(WAS_MEMBER_AT, new Address(account), new Uint64(blockNumber)).get(0).getValue();
    }

    /** The membership term of {@code account} covering block {@code blockNumber}, or empty when it was no member then. */
    @SuppressWarnings("rawtypes")
    public Optional<MembershipTerm> membershipAt(String account, long blockNumber) {
        List<Type> term = call(MEMBERSHIP_AT, new Address(account), new Uint64(blockNumber));
        if (!(Boolean) term.get(0).getValue()) {
            return Optional.empty();
        }
        return Optional.of(new MembershipTerm(number(term.get(1)), number(term.get(2)), number(term.get(3)),
                intValue(term.get(4)), intValue(term.get(5))));
    }

    /** A proposal as it stands; reverts with {@code UnknownProposal} for an id never proposed. */
    @SuppressWarnings("rawtypes")
    public Proposal proposal(long id) {
        List<Type> p = call(PROPOSAL, new Uint64(id));
        return new Proposal(id, Proposal.Kind.values()[intValue(p.get(0))], Proposal.Status.values()[intValue(p.get(1))],
                (String) p.get(2).getValue(), (String) p.get(3).getValue(), Bytes32.of((byte[]) p.get(4).getValue()),
                intValue(p.get(5)), (String) p.get(6).getValue(), Instant.ofEpochSecond(number(p.get(7))),
                intValue(p.get(8)), intValue(p.get(9)));
    }

    /**
     * Whether the contract is a registry its members govern by vote. One CityTrace deployed before governance has
     * the same {@code anchor} and {@code anchorOf} but an administrator instead, and no proposals.
     *
     * @throws ChainRequestException when the node cannot tell (unreachable)
     */
    public boolean isGoverned() {
        try {
            proposalCount();
            return true;
        } catch (ChainRequestException unreachable) {
            throw unreachable;
        } catch (RuntimeException noSuchFunction) {
            return false;
        }
    }

    /** How many proposals were ever made: their ids run from 1 to this. */
    public long proposalCount() {
        return number(call(PROPOSAL_COUNT).get(0));
    }

    /**
     * The proposals still open at {@code chainTime} (the latest block's time), newest first. Read from the newest
     * back to the first whose deadline had passed: deadlines grow with the ids, so every older one is closed too.
     */
    public List<Proposal> openProposals(Instant chainTime) {
        List<Proposal> open = new ArrayList<>();
        for (long id = proposalCount(); id > 0; id--) {
            Proposal proposal = proposal(id);
            if (proposal.deadline().isBefore(chainTime)) {
                break;
            }
            if (proposal.status() == Proposal.Status.OPEN) {
                open.add(proposal);
            }
        }
        return open;
    }

    /** The open proposal to admit {@code account}, if any (see {@link #openProposals}). */
    public Optional<Proposal> openAdmissionOf(String account, Instant chainTime) {
        return openProposals(chainTime).stream().filter(proposal -> proposal.kind() == Proposal.Kind.ADMIT
                && proposal.account().equalsIgnoreCase(account)).findFirst();
    }

    /** The validator nodes the current members nominated (Besu's {@code getValidators}), in no particular order. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List<String> validators() {
        List<Address> nodes = (List<Address>) call(GET_VALIDATORS).get(0).getValue();
        return nodes.stream().map(Address::getValue).toList();
    }

    /** The validator node {@code member} nominated; empty when none, or when it is no member. */
    public Optional<String> validatorOf(String member) {
        String node = (String) call(VALIDATOR_OF, new Address(member)).get(0).getValue();
        return Numeric.toBigInt(node).signum() == 0 ? Optional.empty() : Optional.of(node);
    }

    public boolean hasVoted(long proposalId, String account) {
        return (Boolean) call(HAS_VOTED, new Uint64(proposalId), new Address(account)).get(0).getValue();
    }

    /** The anchor of {@code root}, or empty when it was never anchored. */
    @SuppressWarnings("rawtypes")
    public Optional<AnchorRecord> anchorOf(Bytes32 root) {
        List<Type> stored = call(ANCHOR_OF, word(root));
        long blockNumber = number(stored.get(0));
        if (blockNumber == 0) {
            return Optional.empty();
        }
        // batchRef is kept in the Anchored event only (one storage slot per anchor keeps anchoring cheap)
        Log event = anchoredEvent(root, blockNumber);
        List<Type> data = FunctionReturnDecoder.decode(event.getData(),
                List.of(AbiFunction.typeReference("uint64"), AbiFunction.typeReference("bytes32")));
        return Optional.of(new AnchorRecord(root, blockNumber, Instant.ofEpochSecond(number(stored.get(1))),
                (String) stored.get(2).getValue(), number(stored.get(3)), Bytes32.of((byte[]) data.get(1).getValue()),
                event.getTransactionHash()));
    }

    /**
     * The contract's own RFC 9162 check of an audit path (eth_call). {@code leafHash} is SHA-256(0x00 ‖ data).
     * Like the Java verifier, it does not ask whether {@code root} is anchored: {@link #anchorOf} does.
     */
    public boolean verifyInclusion(Bytes32 leafHash, InclusionProof proof, Bytes32 root) {
        DynamicArray<org.web3j.abi.datatypes.generated.Bytes32> path = new DynamicArray<>(
                org.web3j.abi.datatypes.generated.Bytes32.class,
                proof.auditPath().stream().map(ProvenanceRegistry::word).toList());
        return (Boolean) call(VERIFY_INCLUSION, word(leafHash), new Uint256(proof.leafIndex()),
                new Uint256(proof.treeSize()), path, word(root)).get(0).getValue();
    }

    /**
     * Simulates {@code anchor} from {@code from}: the gas it needs, or the revert it would meet, e.g.
     * {@link RootAlreadyAnchoredException} for a root on chain already.
     */
    public BigInteger estimateAnchorGas(String from, Bytes32 root, long leafCount, Bytes32 batchRef) {
        return rpc.estimateGas(from, address, anchorCall(root, leafCount, batchRef));
    }

    /** The signed {@code anchor} transaction, to be stored before it is {@link #send sent}. */
    public SignedTransaction signAnchor(TransactionSigner member, BigInteger nonce, GasSettings gas, Bytes32 root,
            long leafCount, Bytes32 batchRef) {
        return member.sign(address, anchorCall(root, leafCount, batchRef), nonce, gas);
    }

    /** Signs and sends {@code anchor}; returns the transaction hash. */
    public String anchor(TransactionSigner member, BigInteger nonce, GasSettings gas, Bytes32 root, long leafCount,
            Bytes32 batchRef) {
        return send(signAnchor(member, nonce, gas, root, leafCount, batchRef));
    }

    /**
     * Proposes to admit {@code candidate}; the proposer's vote counts at once (with threshold 1 it takes effect in
     * this transaction). Returns the transaction hash; {@link #proposalId} reads the id from its receipt.
     */
    public String proposeAdmission(TransactionSigner member, BigInteger nonce, GasSettings gas, Member candidate) {
        return transact(member, nonce, gas, PROPOSE_ADMISSION, new Address(candidate.account()),
                new Utf8String(candidate.name()), word(candidate.companyPrefixHash()));
    }

    /** Proposes to remove {@code account}; refused when the members left would be fewer than the threshold. */
    public String proposeRemoval(TransactionSigner member, BigInteger nonce, GasSettings gas, String account) {
        return transact(member, nonce, gas, PROPOSE_REMOVAL, new Address(account));
    }

    /** Proposes a new threshold, from 1 to the number of members. */
    public String proposeThreshold(TransactionSigner member, BigInteger nonce, GasSettings gas, int threshold) {
        return transact(member, nonce, gas, PROPOSE_THRESHOLD, new Uint32(threshold));
    }

    /** Approves a proposal; the vote that reaches the threshold carries the change out. */
    public String vote(TransactionSigner member, BigInteger nonce, GasSettings gas, long proposalId) {
        return transact(member, nonce, gas, VOTE, new Uint64(proposalId));
    }

    /** Carries out a proposal that has enough approvals without a further vote (e.g. after the threshold fell). */
    public String execute(TransactionSigner member, BigInteger nonce, GasSettings gas, long proposalId) {
        return transact(member, nonce, gas, EXECUTE, new Uint64(proposalId));
    }

    /**
     * Nominates {@code node} as the member's validator, replacing its previous one, or withdraws it
     * ({@link Optional#empty()}). Refused with {@code ValidatorTaken} for a node another member nominated, and with
     * {@code LastValidator} when the withdrawal would leave no validator.
     */
    public String nominateValidator(TransactionSigner member, BigInteger nonce, GasSettings gas, Optional<String> node) {
        return transact(member, nonce, gas, NOMINATE_VALIDATOR, new Address(node.orElse(NO_VALIDATOR)));
    }

    /** Marks a proposal past its deadline as expired, which emits {@code Expired}; anyone may send it. */
    public String expire(TransactionSigner sender, BigInteger nonce, GasSettings gas, long proposalId) {
        return transact(sender, nonce, gas, EXPIRE, new Uint64(proposalId));
    }

    /** The id of the proposal a successful {@code propose…} transaction created. */
    public long proposalId(TransactionReceipt receipt) {
        return receipt.getLogs().stream()
                .filter(log -> log.getAddress().equalsIgnoreCase(address) && log.getTopics().get(0).equals(PROPOSED_TOPIC))
                .map(log -> Numeric.toBigInt(log.getTopics().get(1)).longValueExact()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(receipt.getTransactionHash() + " proposed nothing"));
    }

    /**
     * eth_sendRawTransaction; returns the transaction hash. The same bytes never execute twice: once mined, the
     * node refuses them (nonce too low) with a {@link ChainRequestException}.
     */
    public String send(SignedTransaction transaction) {
        return rpc.send(transaction);
    }

    /** The receipt once the transaction is mined (one poll). */
    public Optional<TransactionReceipt> receipt(String transactionHash) {
        return rpc.receipt(transactionHash);
    }

    /** Polls for the receipt until {@code timeout}; for tools and tests (a worker polls on its own schedule). */
    public TransactionReceipt awaitReceipt(String transactionHash, Duration timeout) {
        return rpc.awaitReceipt(transactionHash, timeout);
    }

    /**
     * Returns the receipt if the transaction succeeded; otherwise throws the contract's reason, e.g.
     * {@link RootAlreadyAnchoredException}.
     */
    public TransactionReceipt requireSuccess(TransactionReceipt receipt) {
        return rpc.requireSuccess(receipt);
    }

    private static ContractArtifact checkedArtifact() {
        ContractArtifact artifact = ContractArtifact.load("ProvenanceRegistry");
        List.of(IS_MEMBER, ANCHOR_OF, VERIFY_INCLUSION, ANCHOR, MEMBERS, MEMBER_INFO, THRESHOLD, WAS_MEMBER_AT,
                MEMBERSHIP_AT, PROPOSAL, PROPOSAL_COUNT, HAS_VOTED, PROPOSE_ADMISSION, PROPOSE_REMOVAL,
                PROPOSE_THRESHOLD, VOTE, EXECUTE, EXPIRE, NOMINATE_VALIDATOR, GET_VALIDATORS, VALIDATOR_OF).forEach(function -> artifact.require(function.declaration()));
        artifact.require(CONSTRUCTOR);
        artifact.require("event " + ANCHORED);
        artifact.require("event " + PROPOSED);
        artifact.require("error " + ROOT_ALREADY_ANCHORED);
        return artifact;
    }

    private static String anchorCall(Bytes32 root, long leafCount, Bytes32 batchRef) {
        if (leafCount <= 0) {
            throw new IllegalArgumentException("a batch has at least one leaf, not " + leafCount);
        }
        return ANCHOR.encode(word(root), new Uint64(leafCount), word(batchRef));
    }

    @SuppressWarnings("rawtypes")
    private List<Type> call(AbiFunction function, Type... arguments) {
        return function.decode(rpc.call(address, function.encode(arguments)));
    }

    @SuppressWarnings("rawtypes")
    private String transact(TransactionSigner sender, BigInteger nonce, GasSettings gas, AbiFunction function,
            Type... arguments) {
        return send(sender.sign(address, function.encode(arguments), nonce, gas));
    }

    private static String topic(String event) {
        return Hash.sha3String(event.replace(" indexed", ""));
    }

    private Log anchoredEvent(Bytes32 root, long blockNumber) {
        DefaultBlockParameter block = DefaultBlockParameter.valueOf(BigInteger.valueOf(blockNumber));
        EthFilter filter = new EthFilter(block, block, address).addSingleTopic(ANCHORED_TOPIC)
                .addSingleTopic(Numeric.toHexString(root.toByteArray()));
        return rpc.logs(filter).stream().findFirst().orElseThrow(() -> new ChainRequestException(
                "root " + root + " is anchored in block " + blockNumber + " but the node has no Anchored event there"));
    }

    private static org.web3j.abi.datatypes.generated.Bytes32 word(Bytes32 value) {
        return new org.web3j.abi.datatypes.generated.Bytes32(value.toByteArray());
    }

    @SuppressWarnings("rawtypes")
    private static long number(Type value) {
        return ((BigInteger) value.getValue()).longValueExact();
    }

    @SuppressWarnings("rawtypes")
    private static int intValue(Type value) {
        return ((BigInteger) value.getValue()).intValueExact();
    }
}
