package city.trace.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A real anvil EVM node for tests, from the pinned npm package in tools/ (installed by the build).
 * Free-gas and london by default, like a Besu QBFT consortium chain.
 */
public final class AnvilNode implements AutoCloseable {

    public static final long CHAIN_ID = 31337;
    /** anvil's funded dev account 0 (public knowledge; local chains only). */
    public static final String DEV_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    /** The mnemonic of anvil's dev accounts (DEV_KEY is its account 0): organisation i anchors from account i. */
    public static final String DEV_MNEMONIC = "test test test test test test test test test test test junk";

    private static final List<String> FREE_GAS = List.of("--base-fee", "0", "--gas-price", "0");
    private static final Path BINARY = Path.of("tools/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil");

    private final int port;
    private final List<String> args;
    private Process process;

    private AnvilNode(int port, List<String> args) {
        this.port = port;
        this.args = args;
    }

    /** Starts a free-gas node on a free port; {@code extraArgs} go to anvil's command line (e.g. --block-time 1). */
    public static AnvilNode start(String... extraArgs) {
        return startWith(FREE_GAS, extraArgs);
    }

    /** Starts a node that charges EIP-1559 fees (anvil's default base fee), like a public chain. */
    public static AnvilNode startChargingFees(String... extraArgs) {
        return startWith(List.of(), extraArgs);
    }

    private static AnvilNode startWith(List<String> feeArgs, String... extraArgs) {
        List<String> args = new ArrayList<>(feeArgs);
        args.addAll(List.of(extraArgs));
        AnvilNode node = new AnvilNode(freePort(), args);
        node.restart();
        return node;
    }

    public String rpcUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** (Re)starts the process on the same port, e.g. after {@link #stop()} to simulate an outage. */
    public synchronized void restart() {
        stop();
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: run `npm install --prefix tools` (the build does it)");
        }
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--port", String.valueOf(port),
                "--chain-id", String.valueOf(CHAIN_ID), "--hardfork", "london", "--silent"));
        command.addAll(args);
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start anvil", e);
        }
        awaitReady();
    }

    /** Starts the node again if a test left it stopped. */
    public synchronized void ensureRunning() {
        if (process == null || !process.isAlive()) {
            restart();
        }
    }

    /** Stops the process (the chain's state is lost unless anvil was started with --state). */
    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Sends one JSON-RPC call and returns the raw JSON response (for anvil_* fault injection). */
    public String rpc(String method, String paramsJson) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + paramsJson + "}";
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(rpcUrl()))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException("JSON-RPC " + method + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try {
                if (rpc("eth_chainId", "[]").contains("result")) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("anvil exited with " + process.exitValue());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("anvil did not answer on port " + port);
    }

    /** Ports this JVM handed out: each is bound later (by a service starting, a test listening), not at once. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /**
     * A port nothing listens on now, for something that binds it later. Below Linux's ephemeral range
     * (32768–60999): the connections the app and its services open meanwhile take their local ports from that range,
     * and one of them could take a port chosen there before it is bound ("Address already in use").
     */
    public static int freePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 30_000);
            if (!HANDED_OUT.contains(port) && bindable(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between 20000 and 29999");
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
