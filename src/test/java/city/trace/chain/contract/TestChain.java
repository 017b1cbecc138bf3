package city.trace.chain.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.time.Duration;

import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.http.HttpService;

import city.trace.support.AnvilNode;

/** One anvil node for a test class, a Web3j on it, and its funded dev account as the registry's admin. */
final class TestChain implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    final AnvilNode node;
    final Web3j web3j;
    final TransactionSigner admin;

    private TestChain(AnvilNode node) {
        this.node = node;
        this.web3j = Web3j.build(new HttpService(node.rpcUrl()));
        this.admin = new TransactionSigner(Credentials.create(AnvilNode.DEV_KEY), AnvilNode.CHAIN_ID);
    }

    static TestChain freeGas() {
        return new TestChain(AnvilNode.start());
    }

    static TestChain chargingFees() {
        return new TestChain(AnvilNode.startChargingFees());
    }

    /** A new account with no funds: enough to send transactions on a free-gas chain. */
    TransactionSigner newAccount() {
        try {
            return new TransactionSigner(Credentials.create(Keys.createEcKeyPair()), AnvilNode.CHAIN_ID);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The account's next nonce as the node sees it (the anchoring worker keeps its own instead). */
    BigInteger nonce(TransactionSigner account) {
        try {
            return web3j.ethGetTransactionCount(account.address(), DefaultBlockParameterName.PENDING).send()
                    .getTransactionCount();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ProvenanceRegistry.Deployment deploy(GasSettings gas) {
        return ProvenanceRegistry.deploy(web3j, admin, nonce(admin), gas, TIMEOUT);
    }

    @Override
    public void close() {
        web3j.shutdown();
        node.close();
    }
}
