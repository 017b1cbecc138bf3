package city.trace.chain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

import city.trace.chain.ChainConfig;
import okhttp3.OkHttpClient;

/** The JSON-RPC connection to the consortium chain's node. */
@ApplicationScoped
public class Web3jProducer {

    @Produces
    @ApplicationScoped
    Web3j web3j(ChainConfig chain) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(chain.timeout())
                .readTimeout(chain.timeout())
                .callTimeout(chain.timeout())
                .build();
        return Web3j.build(new HttpService(chain.rpcUrl(), http));
    }

    void close(@Disposes Web3j web3j) {
        web3j.shutdown();
    }
}
