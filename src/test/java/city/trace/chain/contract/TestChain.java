package city.trace.chain.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;

import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.http.HttpService;

import city.trace.support.AnvilNode;

/** One anvil node for a test class, a Web3j on it, and its funded dev account to deploy registries. */
final class TestChain implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Enough to deploy the registry; free gas makes the limit cost nothing. */
    static final GasSettings DEPLOY_GAS = GasSettings.free(5_000_000);

    final AnvilNode node;
    final Web3j web3j;
    /** Funded, so it can also pay fees on a fee-charging chain. */
    final TransactionSigner devAccount;

    private TestChain(AnvilNode node) {
        this.node = node;
        this.web3j = Web3j.build(new HttpService(node.rpcUrl()));
        this.devAccount = new TransactionSigner(Credentials.create(AnvilNode.DEV_KEY), AnvilNode.CHAIN_ID);
    }

    /** {@code anvilArgs} go to anvil's command line, e.g. {@code --state FILE} to keep the chain across restarts. */
    static TestChain freeGas(String... anvilArgs) {
        return new TestChain(AnvilNode.start(anvilArgs));
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

    /** A registry whose one member, with threshold 1, is the dev account, as the app deploys it for itself. */
    ProvenanceRegistry.Deployment deploy(GasSettings gas) {
        return deploy(gas, List.of(Member.consortiumNode(devAccount.address())), 1);
    }

    ProvenanceRegistry.Deployment deploy(GasSettings gas, List<Member> genesis, int threshold) {
        return ProvenanceRegistry.deploy(web3j, devAccount, genesis, threshold, nonce(devAccount), gas, TIMEOUT);
    }

    @Override
    public void close() {
        web3j.shutdown();
        node.close();
    }
}
