package city.trace.device.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import city.trace.signedreadings.BadSignatureException;
import city.trace.signedreadings.DeviceKey;
import city.trace.signedreadings.ReadingBatch;
import city.trace.signedreadings.ReadingSigner;
import city.trace.signedreadings.SignedReadings;
import city.trace.device.sim.TemperatureSeries.Excursion;

class BatchStreamTest {

    private static final String DEVICE = "https://id.gs1.org/8004/0614141000012TRUCK7";

    @TempDir
    Path directory;

    private final KeyPair pair = ReadingSigner.generate("EdDSA");
    private final DeviceKey registered = DeviceKey.parse(ReadingSigner.publicKeyPem(pair.getPublic()));
    private final StringWriter printed = new StringWriter();
    private Server server;
    private CounterFile counters;

    @BeforeEach
    void setUp() {
        server = new Server(registered);
        counters = new CounterFile(directory.resolve("counter"));
    }

    @Test
    void countersGrowBatchAfterBatchAndTheNextOneIsKept() throws Exception {
        assertTrue(stream(5, Optional.empty()).run(3, Duration.ZERO, false, false));
        assertEquals(List.of(1L, 2L, 3L), server.accepted.stream().map(ReadingBatch::counter).toList());
        assertEquals(4, counters.next());
        assertTrue(stream(5, Optional.empty()).run(1, Duration.ZERO, false, false), "a later run goes on");
        assertEquals(4, server.accepted.getLast().counter());
        assertEquals(4, printed.toString().lines().count());
        assertTrue(printed.toString().startsWith("batch 1/3 counter 1: 201 accepted 5, event urn:uuid:1"),
                printed.toString());
    }

    @Test
    void batchesCarryConsecutiveReadingsAndTheExcursionWhereAsked() throws Exception {
        assertTrue(stream(4, Optional.of(new Excursion(6, Duration.ofMinutes(3), 15))).run(3, Duration.ZERO, false, false));
        List<ReadingBatch.Reading> readings = server.accepted.stream().flatMap(batch -> batch.readings().stream()).toList();
        assertEquals(12, readings.size());
        for (int i = 0; i < readings.size(); i++) {
            assertEquals(Instant.parse("2026-12-06T10:00:00Z").plusSeconds(60L * i), readings.get(i).time());
            boolean warm = i >= 6 && i < 9;
            assertEquals(warm ? "15.0" : "4.0", readings.get(i).value().toPlainString(), "reading " + i);
        }
    }

    @Test
    void aForgedBatchIsRefusedAndAReplayedOneTooAsExpected() throws Exception {
        assertTrue(stream(2, Optional.empty()).run(2, Duration.ZERO, true, true));
        assertEquals(2, server.accepted.size());
        assertEquals(List.of(201, 201, 401, 409), server.statuses);
        assertEquals(server.received.get(1), server.received.get(3), "the replay is the last accepted batch as it was");
        assertEquals(3, counters.next(), "refused batches do not use up a counter");
        assertTrue(printed.toString().contains("forged batch counter 3: 401 Bad signature"), printed.toString());
    }

    @Test
    void anUnexpectedRefusalStopsTheRunAndKeepsTheCounter() throws Exception {
        counters.store(1);
        server.refuseAll = true;
        assertFalse(stream(2, Optional.empty()).run(3, Duration.ZERO, false, false));
        assertEquals(1, server.received.size());
        assertEquals(1, counters.next());
        assertTrue(printed.toString().contains("409 Replayed counter  [unexpected: wanted 201]"), printed.toString());
    }

    private BatchStream stream(int batchSize, Optional<Excursion> excursion) {
        TemperatureSeries series = new TemperatureSeries(Instant.parse("2026-12-06T10:00:00Z"), Duration.ofMinutes(1),
                4.0, 0, excursion, new Random(3));
        return new BatchStream(new BatchStream.Signer(DEVICE, pair.getPrivate(), registered.thumbprint()), series,
                batchSize, counters, server, new PrintWriter(printed));
    }

    /** What CityTrace does with a batch, as far as a device can tell: signature, then counter. */
    private static final class Server implements BatchStream.Endpoint {

        private final DeviceKey key;
        private final List<String> received = new ArrayList<>();
        private final List<Integer> statuses = new ArrayList<>();
        private final List<ReadingBatch> accepted = new ArrayList<>();
        private final Set<Long> counters = new HashSet<>();
        private boolean refuseAll;

        Server(DeviceKey key) {
            this.key = key;
        }

        @Override
        public Reply send(String compactJws) throws IOException {
            received.add(compactJws);
            Reply reply = answer(compactJws);
            statuses.add(reply.status());
            return reply;
        }

        private Reply answer(String compactJws) {
            ReadingBatch batch;
            try {
                batch = SignedReadings.parse(compactJws).verify(key);
            } catch (BadSignatureException e) {
                return new Reply(401, "{\"title\":\"Bad signature\",\"detail\":\"" + e.getMessage() + "\"}");
            }
            if (refuseAll || !counters.add(batch.counter())) {
                return new Reply(409, "{\"title\":\"Replayed counter\"}");
            }
            accepted.add(batch);
            return new Reply(201, "{\"accepted\":" + batch.readings().size() + ",\"counter\":" + batch.counter()
                    + ",\"eventId\":\"urn:uuid:" + accepted.size() + "\",\"lots\":[]}");
        }
    }
}
