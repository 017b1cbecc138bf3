package city.trace.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;

import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

import city.trace.chain.contract.AnchorRecord;
import city.trace.chain.contract.ChainNode;
import city.trace.chain.contract.GasSettings;
import city.trace.chain.contract.Member;
import city.trace.chain.contract.ProvenanceRegistry;
import city.trace.chain.contract.TransactionSigner;
import city.trace.merkle.Bytes32;
import city.trace.merkle.MerkleTree;
import city.trace.support.AnvilNode;

/** A real anvil node with a ProvenanceRegistry whose one member is anvil's dev account, as the app deploys it. */
final class RegistryOnAnvil implements AutoCloseable {

    private static final GasSettings GAS = GasSettings.free(5_000_000);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final AnvilNode node;
    private final Web3j web3j;
    private final ChainNode chain;
    private final TransactionSigner member;
    private final ProvenanceRegistry registry;

    RegistryOnAnvil() {
        node = AnvilNode.start();
        web3j = Web3j.build(new HttpService(node.rpcUrl()));
        chain = new ChainNode(web3j);
        member = new TransactionSigner(Credentials.create(AnvilNode.DEV_KEY), AnvilNode.CHAIN_ID);
        registry = ProvenanceRegistry.deploy(web3j, member, List.of(Member.consortiumNode(member.address())), 1,
                nonce(), GAS, TIMEOUT).registry();
    }

    String rpcUrl() {
        return node.rpcUrl();
    }

    /** The registry's one member, which anchors every batch. */
    String member() {
        return member.address();
    }

    String contract() {
        return registry.address();
    }

    /** Anchors the tree's root as a batch (the app's worker does this); returns where it is. */
    TestBundles.Anchor anchor(MerkleTree tree) {
        byte[] batchRef = new byte[Bytes32.LENGTH];
        new SecureRandom().nextBytes(batchRef);
        mined(registry.anchor(member, nonce(), GAS, tree.root(), tree.size(), Bytes32.of(batchRef)));
        AnchorRecord anchor = registry.anchorOf(tree.root()).orElseThrow();
        return new TestBundles.Anchor(AnvilNode.CHAIN_ID, contract(), anchor.transactionHash(), anchor.blockNumber(),
                anchor.timestamp());
    }

    /**
     * Rewrites the registry's storage on anvil so that it keeps no membership term of its member: anchorOf still
     * names the member, membershipAt says it was none (the contract itself never lets a non-member anchor).
     * Returns what puts the terms back.
     */
    Runnable forgetMembershipTerms() {
        // _terms is the fifth slot (threshold and proposalCount share the first; then _members, _memberAccounts,
        // _current); an account's array of terms keeps its length at keccak256(account ‖ slot)
        byte[] key = Numeric.hexStringToByteArray(Numeric.toHexStringNoPrefixZeroPadded(
                Numeric.toBigInt(member.address()), 64) + Numeric.toHexStringNoPrefixZeroPadded(BigInteger.valueOf(4), 64));
        String slot = Numeric.toHexString(Hash.sha3(key));
        String before;
        try {
            before = web3j.ethGetStorageAt(contract(), Numeric.toBigInt(slot), DefaultBlockParameterName.LATEST).send()
                    .getData();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        setStorage(slot, Numeric.toHexStringWithPrefixZeroPadded(BigInteger.ZERO, 64));
        return () -> setStorage(slot, Numeric.toHexStringWithPrefixZeroPadded(Numeric.toBigInt(before), 64));
    }

    private void setStorage(String slot, String value) {
        node.rpc("anvil_setStorageAt", "[\"" + contract() + "\",\"" + slot + "\",\"" + value + "\"]");
    }

    private BigInteger nonce() {
        return chain.pendingNonce(member.address());
    }

    private void mined(String transactionHash) {
        registry.requireSuccess(registry.awaitReceipt(transactionHash, TIMEOUT));
    }

    @Override
    public void close() {
        web3j.shutdown();
        node.close();
    }
}
