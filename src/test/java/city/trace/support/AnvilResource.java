package city.trace.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real anvil chain node for the application under test. */
public class AnvilResource implements QuarkusTestResourceLifecycleManager {

    private AnvilNode anvil;

    @Override
    public Map<String, String> start() {
        anvil = AnvilNode.start();
        return Map.of("citytrace.chain.rpc-url", anvil.rpcUrl(),
                "citytrace.chain.chain-id", String.valueOf(AnvilNode.CHAIN_ID));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(anvil, new TestInjector.MatchesType(AnvilNode.class));
    }

    @Override
    public void stop() {
        if (anvil != null) {
            anvil.stop();
        }
    }
}
