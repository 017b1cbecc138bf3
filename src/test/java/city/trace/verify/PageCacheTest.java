package city.trace.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.MemorySize;

class PageCacheTest {

    private static PageCache cache(Duration ttl) {
        return cache(ttl, new MemorySize(BigInteger.valueOf(16 << 20)));
    }

    private static PageCache cache(Duration ttl, MemorySize size) {
        PageCache cache = new PageCache();
        cache.config = new VerifyConfig() {
            @Override
            public Duration pageCacheTtl() {
                return ttl;
            }

            @Override
            public MemorySize pageCacheSize() {
                return size;
            }

            @Override
            public int maxUpstreamDepth() {
                return 8;
            }

            @Override
            public int concurrentBuilds() {
                return 4;
            }
        };
        cache.limitBuilds();
        return cache;
    }

    @Test
    void aPageIsBuiltOnceForManyVisitorsArrivingTogether() throws Exception {
        PageCache cache = cache(Duration.ofMinutes(1));
        AtomicInteger builds = new AtomicInteger();
        CountDownLatch building = new CountDownLatch(1);
        try (ExecutorService visitors = Executors.newFixedThreadPool(16)) {
            List<Future<String>> pages = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                pages.add(visitors.submit(() -> text(cache.get("/01/x/10/y|en", () -> {
                    builds.incrementAndGet();
                    await(building);
                    return RenderedPage.of("page");
                }))));
            }
            Thread.sleep(200); // every visitor has arrived while the one build is under way
            building.countDown();
            for (Future<String> page : pages) {
                assertEquals("page", page.get());
            }
        }
        assertEquals(1, builds.get());
    }

    @Test
    void anExpiredPageIsBuiltAnew() throws InterruptedException {
        PageCache cache = cache(Duration.ofMillis(50));
        AtomicInteger builds = new AtomicInteger();
        assertEquals("page 1", text(cache.get("k", () -> RenderedPage.of("page " + builds.incrementAndGet()))));
        assertEquals("page 1", text(cache.get("k", () -> RenderedPage.of("page " + builds.incrementAndGet()))));
        Thread.sleep(80);
        assertEquals("page 2", text(cache.get("k", () -> RenderedPage.of("page " + builds.incrementAndGet()))));
    }

    @Test
    void nothingAndFailuresAreNotKept() {
        PageCache cache = cache(Duration.ofMinutes(1));
        assertNull(cache.get("k", () -> null));
        assertThrows(IllegalStateException.class, () -> cache.get("k", () -> {
            throw new IllegalStateException("node down");
        }));
        assertEquals("page", text(cache.get("k", () -> RenderedPage.of("page"))));
    }

    @Test
    void pagesOfManyLotsStayWithinTheSizeLimitAndTheNewestAreKept() {
        PageCache cache = cache(Duration.ofMinutes(1), new MemorySize(BigInteger.valueOf(64 * 1024)));
        AtomicInteger builds = new AtomicInteger();
        for (int lot = 0; lot < 1000; lot++) {
            String page = "lot " + lot + " " + new Random(lot).ints(2000, 0, 100).boxed().toList();
            cache.get("/01/x/10/" + lot + "|en", () -> {
                builds.incrementAndGet();
                return RenderedPage.of(page);
            });
            assertTrue(cache.heldBytes() <= 64 * 1024, "held " + cache.heldBytes() + " bytes after lot " + lot);
        }
        assertTrue(cache.heldBytes() > 0);
        cache.get("/01/x/10/999|en", () -> {
            builds.incrementAndGet();
            return RenderedPage.of("again");
        });
        assertEquals(1000, builds.get(), "the newest page is still kept");
    }

    @Test
    void aZeroTimeToLiveKeepsNothing() {
        PageCache cache = cache(Duration.ZERO);
        AtomicInteger builds = new AtomicInteger();
        cache.get("k", () -> RenderedPage.of("page " + builds.incrementAndGet()));
        assertEquals("page 2", text(cache.get("k", () -> RenderedPage.of("page " + builds.incrementAndGet()))));
    }

    private static String text(RenderedPage page) {
        return new String(page.html(), StandardCharsets.UTF_8);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
