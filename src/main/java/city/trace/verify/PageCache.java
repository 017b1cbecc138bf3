package city.trace.verify;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import city.trace.verify.VerifyConfig;

/**
 * Rendered public pages, kept for {@code citytrace.verify.page-cache-ttl}: a product's QR is scanned by many
 * phones at once, and each page checks the chain. After the time-to-live a page is built (and verified) anew,
 * once: visitors arriving meanwhile wait for that build rather than start their own.
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

    @Inject
    VerifyConfig config;

    /** The page for {@code key}, rendered by {@code render} when none is fresh; null (not kept) when it gives null. */
    public RenderedPage get(String key, Supplier<RenderedPage> render) {
        Duration ttl = config.pageCacheTtl();
        if (ttl.isZero()) {
            return render.get();
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

    private void build(String key, Entry entry, Supplier<RenderedPage> render) {
        try {
            RenderedPage page = render.get();
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
