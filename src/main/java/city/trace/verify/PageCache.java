package city.trace.verify;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import city.trace.verify.VerifyConfig;

/**
 * Rendered public pages, kept for {@code citytrace.verify.page-cache-ttl}: a product's QR is scanned by many
 * phones at once, and each page checks the chain. After the time-to-live a page is built (and verified) anew,
 * once: visitors arriving meanwhile wait for that build rather than start their own.
 * <p>
 * Kept rather than quarkus-cache: besides time-to-live and one build per key (which Caffeine gives too), it bounds
 * how many pages are built at once across all keys, and keeps no answer for lots nobody recorded (a product page
 * instead, which must change as soon as the lot's first event arrives) — two wrappers around a library cache
 * that would leave little of it.
 */
@ApplicationScoped
public class PageCache {

    private static final int MAX_ENTRIES = 10_000;

    private record Entry(CompletableFuture<RenderedPage> page, long expires) {
        boolean isFresh(long now) {
            return expires - now > 0;
        }
    }

    private final Map<String, Entry> pages = new ConcurrentHashMap<>();
    private Semaphore builds;

    @Inject
    VerifyConfig config;

    @PostConstruct
    void limitBuilds() {
        builds = new Semaphore(config.concurrentBuilds(), true);
    }

    /** The page for {@code key}, rendered by {@code render} when none is fresh; null (not kept) when it gives null. */
    public RenderedPage get(String key, Supplier<RenderedPage> render) {
        Duration ttl = config.pageCacheTtl();
        if (ttl.isZero()) {
            return build(render);
        }
        long now = System.nanoTime();
        Entry entry = pages.get(key);
        if (entry == null || !entry.isFresh(now)) {
            Entry mine = new Entry(new CompletableFuture<>(), now + ttl.toNanos());
            boolean won = entry == null ? pages.putIfAbsent(key, mine) == null : pages.replace(key, entry, mine);
            if (!won) {
                return get(key, render); // another visitor is building it
            }
            if (pages.size() > MAX_ENTRIES) {
                pages.entrySet().removeIf(e -> !e.getValue().isFresh(now)); // bounded: stale pages go first
            }
            build(key, mine, render);
            entry = mine;
        }
        try {
            return entry.page().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Renders with at most {@code concurrent-builds} pages at once: visitors on virtual threads are many, database
     * connections few; a build waiting for a permit holds no connection and no half-read journey in memory.
     */
    private RenderedPage build(Supplier<RenderedPage> render) {
        builds.acquireUninterruptibly();
        try {
            return render.get();
        } finally {
            builds.release();
        }
    }

    private void build(String key, Entry entry, Supplier<RenderedPage> render) {
        try {
            RenderedPage page = build(render);
            if (page == null) {
                pages.remove(key, entry);
            }
            entry.page().complete(page);
        } catch (RuntimeException e) {
            pages.remove(key, entry); // the next visitor tries again
            entry.page().completeExceptionally(e);
        }
    }
}
