package city.trace.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import city.trace.verify.VerifyConfig;

class PageCacheTest {

    private static PageCache cache(Duration ttl) {
        PageCache cache = new PageCache();
        cache.config = new VerifyConfig() {
            @Override
            public Duration pageCacheTtl() {
                return ttl;
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
