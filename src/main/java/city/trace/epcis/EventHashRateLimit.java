package city.trace.epcis;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import city.trace.epcis.EpcisConfig;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.net.SocketAddress;

/**
 * A token bucket per client for the public event hash, which spends CPU for anyone: a client may send
 * {@link EpcisConfig#eventHashBurst()} requests at once, refilled at
 * {@link EpcisConfig#eventHashRequestsPerMinute()}. The client is the address the request came from; behind a
 * reverse proxy that is the proxy's, unless Quarkus is told to trust the proxy's forwarding headers
 * ({@code quarkus.http.proxy.*}), which then make it the client's. IPv6 clients count per /64 network, the
 * block one subscriber usually has.
 */
@ApplicationScoped
class EventHashRateLimit {

    /** Clients remembered at most; a flood of new addresses beyond that starts everyone afresh instead. */
    private static final int MAX_CLIENTS = 100_000;
    private static final double NANOS_PER_MINUTE = 60e9;

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final EpcisConfig config;
    private final double tokensPerNano;

    EventHashRateLimit(EpcisConfig config) {
        this.config = config;
        this.tokensPerNano = config.eventHashRequestsPerMinute() / NANOS_PER_MINUTE;
    }

    /** @throws RateLimitedException when this client has no request left for now */
    void acquire(SocketAddress client) {
        long now = System.nanoTime();
        if (buckets.size() >= MAX_CLIENTS) {
            buckets.clear();
        }
        long wait = buckets.computeIfAbsent(key(client), k -> new Bucket(config.eventHashBurst(), now)).take(now);
        if (wait > 0) {
            long seconds = Math.max(1, (long) Math.ceil(wait / 1e9));
            throw new RateLimitedException(seconds, "Too many requests from your address: the event hash takes "
                    + config.eventHashRequestsPerMinute() + " requests per minute (" + config.eventHashBurst()
                    + " at once) from each client; try again in " + seconds + " s");
        }
    }

    /** A bucket that has filled up again is no different from a new one: forget it. */
    @Scheduled(every = "1m")
    void forgetIdleClients() {
        long now = System.nanoTime();
        buckets.values().removeIf(bucket -> bucket.isFull(now));
    }

    private static String key(SocketAddress client) {
        String host = client == null ? null : client.hostAddress();
        if (host == null) {
            return "";
        }
        try {
            byte[] address = InetAddress.getByName(host).getAddress(); // a literal: no name lookup
            return address.length == 16 ? Arrays.toString(Arrays.copyOf(address, 8)) : host;
        } catch (UnknownHostException e) {
            return host;
        }
    }

    private final class Bucket {
        private final double capacity;
        private double tokens;
        private long updated;

        Bucket(double capacity, long now) {
            this.capacity = capacity;
            this.tokens = capacity;
            this.updated = now;
        }

        /** Takes a token: 0 when there was one, else the nanoseconds until there is. */
        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / tokensPerNano);
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - updated) * tokensPerNano);
            updated = now;
        }
    }
}
