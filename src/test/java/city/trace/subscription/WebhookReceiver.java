package city.trace.subscription;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;

/**
 * A subscriber's endpoint on localhost: records every POST (path, body, signature) and answers each path with the
 * statuses it was told to, then 200.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One notification as received. */
    record Received(String path, String body, String signature, String contentType) {
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final Map<String, Deque<Integer>> answers = new ConcurrentHashMap<>();
    private final Map<String, Integer> always = new ConcurrentHashMap<>();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (received) {
                received.add(new Received(path, body, exchange.getRequestHeaders().getFirst("GS1-Signature"),
                        exchange.getRequestHeaders().getFirst("Content-Type")));
            }
            Deque<Integer> queued = answers.get(path);
            Integer status = queued != null && !queued.isEmpty() ? queued.poll() : always.getOrDefault(path, 200);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next answers to POSTs on this path, before it answers 200 (or what {@link #answerAlways} says). */
    void answerNext(String path, Integer... statuses) {
        answers.put(path, new ArrayDeque<>(List.of(statuses)));
    }

    void answerAlways(String path, int status) {
        always.put(path, status);
    }

    /** What was POSTed to this path, in order. */
    List<Received> at(String path) {
        synchronized (received) {
            return received.stream().filter(r -> r.path().equals(path)).toList();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
