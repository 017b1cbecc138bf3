package city.trace.chain.contract;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
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

    private static final AbiFunction ADMIN = AbiFunction.parse("admin() returns (address)");
    private static final AbiFunction IS_MEMBER = AbiFunction.parse("isMember(address) returns (bool)");
    private static final AbiFunction ANCHOR_OF =
            AbiFunction.parse("anchorOf(bytes32) returns (uint64,uint64,address,uint64)");
    private static final AbiFunction VERIFY_INCLUSION =
            AbiFunction.parse("verifyInclusion(bytes32,uint256,uint256,bytes32[],bytes32) returns (bool)");
    private static final AbiFunction ANCHOR = AbiFunction.parse("anchor(bytes32,uint64,bytes32) returns ()");
    private static final AbiFunction ADD_MEMBER = AbiFunction.parse("addMember(address) returns ()");
    private static final String ANCHORED = "Anchored(bytes32 indexed,address indexed,uint64,bytes32)";
    private static final String ANCHORED_TOPIC = Hash.sha3String(ANCHORED.replace(" indexed", ""));
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

    /** Deploys a new registry whose admin is the signer, and waits for it to be mined. */
    public static Deployment deploy(Web3j web3j, TransactionSigner admin, BigInteger nonce, GasSettings gas,
            Duration timeout) {
        ContractRpc rpc = new ContractRpc(web3j, REVERTS);
        String hash = rpc.send(admin.sign(null, ARTIFACT.bytecode(), nonce, gas));
        TransactionReceipt receipt = rpc.requireSuccess(rpc.awaitReceipt(hash, timeout));
        return new Deployment(new ProvenanceRegistry(web3j, receipt.getContractAddress()), receipt);
    }

    public String address() {
        return address;
    }

    public String admin() {
        return (String) ADMIN.decode(rpc.call(address, ADMIN.encode())).get(0).getValue();
    }

    public boolean isMember(String account) {
        return (Boolean) IS_MEMBER.decode(rpc.call(address, IS_MEMBER.encode(new Address(account)))).get(0).getValue();
    }

    /** The anchor of {@code root}, or empty when it was never anchored. */
    @SuppressWarnings("rawtypes")
    public Optional<AnchorRecord> anchorOf(Bytes32 root) {
        List<Type> stored = ANCHOR_OF.decode(rpc.call(address, ANCHOR_OF.encode(word(root))));
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
        String data = VERIFY_INCLUSION.encode(word(leafHash), new Uint256(proof.leafIndex()),
                new Uint256(proof.treeSize()), path, word(root));
        return (Boolean) VERIFY_INCLUSION.decode(rpc.call(address, data)).get(0).getValue();
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

    public String addMember(TransactionSigner admin, BigInteger nonce, GasSettings gas, String account) {
        return send(admin.sign(address, ADD_MEMBER.encode(new Address(account)), nonce, gas));
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
        List.of(ADMIN, IS_MEMBER, ANCHOR_OF, VERIFY_INCLUSION, ANCHOR, ADD_MEMBER)
                .forEach(function -> artifact.require(function.declaration()));
        artifact.require("event " + ANCHORED);
        artifact.require("error " + ROOT_ALREADY_ANCHORED);
        return artifact;
    }

    private static String anchorCall(Bytes32 root, long leafCount, Bytes32 batchRef) {
        if (leafCount <= 0) {
            throw new IllegalArgumentException("a batch has at least one leaf, not " + leafCount);
        }
        return ANCHOR.encode(word(root), new Uint64(leafCount), word(batchRef));
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
}
