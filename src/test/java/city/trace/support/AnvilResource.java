package city.trace.support;

import java.io.IOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real anvil chain node for the application under test. */
public class AnvilResource implements QuarkusTestResourceLifecycleManager {

    private AnvilNode anvil;

    @Override
    public Map<String, String> start() {
        try {
            // blocks on a timer, as on a real chain (confirmations come without further transactions), and
            // a chain that survives a restart of the node (fault tests stop it for a while)
            java.nio.file.Path state = java.nio.file.Files.createTempFile("anvil-state", ".json");
            java.nio.file.Files.delete(state);
            anvil = AnvilNode.start("--block-time", "1", "--state", state.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
