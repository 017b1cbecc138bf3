package city.trace.chain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.web3j.protocol.Web3j;

import city.trace.chain.ChainConfig;

/** Ready only while the chain node answers and is on the configured chain. */
@Readiness
@ApplicationScoped
public class ChainHealthCheck implements HealthCheck {

    @Inject
    Web3j web3j;

    @Inject
    ChainConfig chain;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Chain node").withData("rpcUrl", chain.rpcUrl())
                .withData("expectedChainId", chain.chainId());
        try {
            long chainId = web3j.ethChainId().send().getChainId().longValueExact();
            long block = web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
            return response.status(chainId == chain.chainId()).withData("chainId", chainId)
                    .withData("blockNumber", block).build();
        } catch (Exception e) {
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
