package city.trace.support;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;

/**
 * A load balancer in front of several instances of the app: one address for the browser, each request forwarded
 * with its Host header (as proxies are configured to do) to the instance {@link #sendTo chosen} at that moment, so a
 * test decides which instance serves which step.
 */
public final class Balancer implements AutoCloseable {

    /** Headers about one connection, not the request: a proxy does not forward them. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "te", "trailer",
            "transfer-encoding", "upgrade", "http2-settings", "host");

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient client = vertx.createHttpClient();
    private final int port;
    private volatile URI instance;

    private Balancer(int port) {
        this.port = port;
    }

    /** Listens on {@code port} of localhost. */
    public static Balancer start(int port) {
        Balancer balancer = new Balancer(port);
        // HTTP/1.1 only, as a balancer speaks to browsers without TLS (clients that offer h2c get HTTP/1.1)
        HttpServer server = balancer.vertx.createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(false))
                .requestHandler(balancer::forward);
        try {
            server.listen(port, "localhost").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            balancer.close();
            throw new IllegalStateException("The balancer could not listen on port " + port, e);
        }
        return balancer;
    }

    /** The address browsers use. */
    public URI url() {
        return URI.create("http://localhost:" + port);
    }

    /** Sends the requests from now on to {@code instanceUrl}. */
    public void sendTo(URI instanceUrl) {
        instance = instanceUrl;
    }

    private void forward(HttpServerRequest in) {
        URI to = instance;
        HostAndPort site = in.authority();
        in.body()
                .compose(body -> client.request(new RequestOptions().setMethod(in.method()).setURI(in.uri())
                        .setServer(SocketAddress.inetSocketAddress(to.getPort(), to.getHost()))
                        .setHost(site.host()).setPort(site.port()).setHeaders(endToEnd(in.headers())))
                        .compose(out -> out.send(body)))
                .compose(answer -> answer.body().map(body -> {
                    in.response().setStatusCode(answer.statusCode()).headers().addAll(endToEnd(answer.headers()));
                    return body;
                }))
                .onSuccess(body -> in.response().end(body))
                .onFailure(e -> in.response().setStatusCode(502).end("balancer: " + e.getMessage()));
    }

    private static MultiMap endToEnd(MultiMap headers) {
        MultiMap kept = MultiMap.caseInsensitiveMultiMap();
        headers.forEach((name, value) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                kept.add(name, value);
            }
        });
        return kept;
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }
}
