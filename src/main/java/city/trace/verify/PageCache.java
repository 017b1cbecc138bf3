package city.trace.verify;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import city.trace.verify.VerifyConfig;

/**
 * Rendered public pages, kept for {@code citytrace.verify.page-cache-ttl}: a product's QR is scanned by many
 * phones at once, and each page checks the chain. After the time-to-live a page is built (and verified) anew,
 * once: visitors arriving meanwhile wait for that build rather than start their own. At most
 * {@code citytrace.verify.page-cache-size} of pages are kept: scans of many different lots would otherwise fill
 * the heap with pages nobody asks for again.
 * <p>
 * Kept rather than quarkus-cache: besides time-to-live and one build per key (which Caffeine gives too), it bounds
 * how many pages are built at once across all keys, and keeps no answer for lots nobody recorded (a product page
 * instead, which must change as soon as the lot's first event arrives) — two wrappers around a library cache
 * that would leave little of it.
 */
@ApplicationScoped
public class PageCache {

    /** A kept page (or one being built), counted in {@link #held} from its build until it leaves the map. */
    private final class Entry {
        final CompletableFuture<RenderedPage> page = new CompletableFuture<>();
        final long expires;
        private long size;
        private boolean gone;

        Entry(long expires) {
            this.expires = expires;
        }

        boolean isFresh(long now) {
            return expires - now > 0;
        }

        synchronized void built(RenderedPage built) {
            if (!gone) {
                size = built.size();
                held.addAndGet(size);
            }
        }

        synchronized void dropped() {
            if (!gone) {
                gone = true;
                held.addAndGet(-size);
            }
        }
    }

    private final Map<String, Entry> pages = new ConcurrentHashMap<>();
    private final AtomicLong held = new AtomicLong();
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
            Entry mine = new Entry(now + ttl.toNanos());
            boolean won = entry == null ? pages.putIfAbsent(key, mine) == null : pages.replace(key, entry, mine);
            if (!won) {
                return get(key, render); // another visitor is building it
            }
            if (entry != null) {
                entry.dropped();
            }
            build(key, mine, render);
            entry = mine;
        }
        try {
            return entry.page.join();
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
                remove(key, entry);
            } else {
                entry.built(page);
                trim();
            }
            entry.page.complete(page);
        } catch (RuntimeException e) {
            remove(key, entry); // the next visitor tries again
            entry.page.completeExceptionally(e);
        }
    }

    /** The bytes the kept pages take. */
    long heldBytes() {
        return held.get();
    }

    /** Over the size limit, expired pages go, then the soonest to expire, down to three quarters of it. */
    private void trim() {
        long limit = config.pageCacheSize().asLongValue();
        if (held.get() <= limit) {
            return;
        }
        long now = System.nanoTime();
        pages.forEach((key, entry) -> {
            if (!entry.isFresh(now)) {
                remove(key, entry);
            }
        });
        List<Map.Entry<String, Entry>> soonestFirst = pages.entrySet().stream()
                .sorted(Comparator.comparingLong(e -> e.getValue().expires - now)).toList();
        for (Map.Entry<String, Entry> page : soonestFirst) {
            if (held.get() <= limit / 4 * 3) {
                break;
            }
            remove(page.getKey(), page.getValue());
        }
    }

    /** Forgets every kept page: something that changes many pages at once (a recall) shows on the next visit. */
    public void clear() {
        pages.forEach(this::remove);
    }

    private void remove(String key, Entry entry) {
        if (pages.remove(key, entry)) {
            entry.dropped();
        }
    }
}
