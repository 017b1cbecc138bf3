package city.trace.device.sim;

import java.io.IOException;
import java.io.PrintWriter;
import java.security.PrivateKey;
import java.time.Duration;

import city.trace.signedreadings.ReadingBatch;
import city.trace.signedreadings.ReadingSigner;

/**
 * What the {@code stream} command does, apart from HTTP: signs consecutive batches of a series with growing
 * counters, sends them, keeps the next counter once a batch is accepted, and can misbehave on purpose (a forged
 * signature, a replayed batch) to show that CityTrace refuses it.
 */
final class BatchStream {

    /** Where batches go: CityTrace, or a test's stand-in. */
    interface Endpoint {
        Reply send(String compactJws) throws IOException, InterruptedException;
    }

    /**
     * The device as it signs.
     *
     * @param identifier the device identifier URI every batch names
     * @param keyId the JWS "kid": the thumbprint of the registered public key
     */
    record Signer(String identifier, PrivateKey key, String keyId) {

        String sign(ReadingBatch batch) {
            return ReadingSigner.sign(batch, key, keyId);
        }

        /** Same device and kid, another key: what an impostor who knows everything but the private key sends. */
        Signer impostor() {
            return new Signer(identifier, ReadingSigner.generate(ReadingSigner.algorithmOf(key)).getPrivate(), keyId);
        }
    }

    static final int CREATED = 201;
    static final int UNAUTHORIZED = 401;
    static final int CONFLICT = 409;

    private final Signer signer;
    private final TemperatureSeries series;
    private final int batchSize;
    private final CounterFile counters;
    private final Endpoint endpoint;
    private final PrintWriter out;

    BatchStream(Signer signer, TemperatureSeries series, int batchSize, CounterFile counters, Endpoint endpoint,
            PrintWriter out) {
        this.signer = signer;
        this.series = series;
        this.batchSize = batchSize;
        this.counters = counters;
        this.endpoint = endpoint;
        this.out = out;
    }

    /**
     * Sends {@code batches} batches, {@code pause} apart, stopping at the first refusal; then, if asked, a forged
     * batch (expecting 401) and the last accepted batch again (expecting 409). Prints a line per batch.
     *
     * @return whether every answer was the expected one
     */
    boolean run(int batches, Duration pause, boolean forge, boolean replay) throws IOException, InterruptedException {
        String lastAccepted = null;
        for (int index = 0; index < batches; index++) {
            if (index > 0) {
                Thread.sleep(pause);
            }
            long counter = counters.next();
            String compact = signer.sign(batch(index, counter));
            if (!expect("batch " + (index + 1) + "/" + batches + " counter " + counter, compact, CREATED)) {
                return false;
            }
            counters.store(counter + 1);
            lastAccepted = compact;
        }
        boolean asExpected = true;
        if (forge) {
            long counter = counters.next();
            asExpected = expect("forged batch counter " + counter, signer.impostor().sign(batch(batches, counter)),
                    UNAUTHORIZED);
        }
        if (replay) {
            asExpected &= expect("replayed batch " + batches + "/" + batches, lastAccepted, CONFLICT);
        }
        return asExpected;
    }

    private ReadingBatch batch(int index, long counter) {
        return new ReadingBatch(signer.identifier(), counter, series.readings((long) index * batchSize, batchSize));
    }

    private boolean expect(String label, String compact, int expected) throws IOException, InterruptedException {
        Reply reply = endpoint.send(compact);
        boolean asExpected = reply.status() == expected;
        out.println(label + ": " + reply.summary() + (asExpected ? "" : "  [unexpected: wanted " + expected + "]"));
        out.flush();
        return asExpected;
    }
}
