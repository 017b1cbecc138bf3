package city.trace.proof;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;

import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

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
