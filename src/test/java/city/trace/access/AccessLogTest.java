package city.trace.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import city.trace.org.Organization;
import city.trace.support.Demo;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/**
 * A regulator's trace, search and export land in the access log, chained and anchored; the members whose records
 * they touched see who looked, others do not; an entry changed or removed behind the app's back shows.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessLogTest {

    /** rita's entries of the first test, oldest first: trace, search, export. */
    private static List<Long> ritasEntries;

    private static String bread() {
        return "01/" + Demo.BREAD_GTIN + "/10/" + Demo.breadLot();
    }

    private static long organizationId(String code) {
        return Demo.read(() -> Organization.findByCode(code).orElseThrow().id);
    }

    private static AccessEntry entry(long id) {
        return Demo.read(() -> {
            AccessEntry entry = AccessEntry.findById(id);
            entry.organizationIds.size(); // read while the transaction lasts
            return entry;
        });
    }

    private static void behindTheAppsBack(String sql) {
        QuarkusTransaction.requiringNew().run(() -> AccessEntry.getEntityManager().createNativeQuery(
                "alter table access_log disable trigger access_log_append_only; "
                        + "alter table access_log_organization disable trigger access_log_organization_append_only; "
                        + sql + "; alter table access_log enable trigger access_log_append_only; "
                        + "alter table access_log_organization enable trigger access_log_organization_append_only")
                .executeUpdate());
    }

    @Test
    @Order(1)
    @TestSecurity(user = "rita", roles = "regulator")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.REGULATOR))
    void aRegulatorsTraceSearchAndExportAreEachRecordedAndChained() {
        long before = Demo.read(() -> AccessEntry.count());
        int traced = given().queryParam("direction", "backward").get("/api/trace/" + bread()).then().statusCode(200)
                .extract().jsonPath().getList("events").size();
        int found = given().queryParam("view", "lots").queryParam("org", Demo.BAKERY).get("/api/search").then()
                .statusCode(200).extract().jsonPath().getList("lots").size();
        given().queryParam("from", "https://id.gs1.org/" + bread()).queryParam("direction", "backward")
                .get("/trace/export/fsma.csv").then().statusCode(200);
        // a trace of nothing is an error, not an answer: not logged
        given().get("/api/trace/01/" + Demo.BREAD_GTIN + "/10/NO-SUCH-LOT").then().statusCode(404);

        List<AccessEntry> entries = Demo.read(() -> AccessEntry.<AccessEntry>list("order by id")).stream()
                .skip(before).toList();
        assertEquals(3, entries.size());
        ritasEntries = entries.stream().map(entry -> entry.id).toList();
        AccessEntry trace = entry(ritasEntries.get(0));
        AccessEntry search = entry(ritasEntries.get(1));
        AccessEntry export = entry(ritasEntries.get(2));
        assertEquals(List.of(AccessAction.TRACE, AccessAction.SEARCH, AccessAction.EXPORT),
                List.of(trace.action, search.action, export.action));
        assertEquals("rita", trace.username);
        assertEquals("regulator", trace.role);
        assertEquals(organizationId(Demo.REGULATOR), trace.organizationId);
        assertEquals("/api/trace/" + bread() + "?direction=backward", trace.subject);
        assertEquals(traced, trace.resultSize);
        assertEquals(found, search.resultSize);
        assertEquals(traced, export.resultSize);
        assertTrue(trace.organizationIds.containsAll(Set.of(organizationId(Demo.BAKERY), organizationId(Demo.FARM))),
                "the bread's trace holds the bakery's and the wheat farm's records");
        assertEquals(Set.of(organizationId(Demo.BAKERY)), search.organizationIds);
        assertArrayEquals(trace.hash, search.previous, "each entry chains to the one before");
        assertArrayEquals(search.hash, export.previous);
        assertArrayEquals(export.hash, export.computeHash());
    }

    @Test
    @Order(2)
    void theLogIsAppendOnly() {
        RuntimeException refused = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> AccessEntry.getEntityManager().createNativeQuery("update access_log set result_size = 0")
                        .executeUpdate()));
        assertTrue(causes(refused).contains("the access log is append-only"), causes(refused));
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> AccessEntry.getEntityManager().createNativeQuery("delete from access_log").executeUpdate()));
    }

    private static String causes(Throwable error) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }

    @Test
    @Order(3)
    @TestSecurity(user = "alice", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.FARM))
    void aMemberSeesWhoLookedAtItsRecordsAndNothingElse() {
        AccessEntry trace = entry(ritasEntries.get(0));
        AccessEntry search = entry(ritasEntries.get(1));
        given().get("/access-log").then().statusCode(200)
                .body(containsString("who looked at your records"), containsString(trace.subject),
                        containsString("rita"), containsString("Food Safety"),
                        not(containsString(search.subject.replace("&", "&amp;"))));
    }

    @Test
    @Order(4)
    @TestSecurity(user = "adam", roles = "consortium-admin")
    void theConsortiumAdminSeesEveryEntryVerifiedAndWhatWasChangedOrRemoved() {
        awaitAnchored(ritasEntries, Duration.ofSeconds(120));
        given().get("/access-log").then().statusCode(200).body(containsString("Every search, trace and export"),
                containsString("/api/trace/" + bread()), not(containsString("badge-TAMPERED")));
        String page = given().get("/access-log").then().extract().asString();
        assertTrue(row(page, ritasEntries.get(0)).contains("badge-VERIFIED"), row(page, ritasEntries.get(0)));

        behindTheAppsBack("update access_log set result_size = result_size + 1 where id = " + ritasEntries.get(0));
        behindTheAppsBack("delete from access_log_organization where entry_id = " + ritasEntries.get(1)
                + "; delete from access_log where id = " + ritasEntries.get(1));

        page = given().get("/access-log").then().statusCode(200).extract().asString();
        assertTrue(row(page, ritasEntries.get(0)).contains("the entry no longer matches its hash"), page);
        assertTrue(row(page, ritasEntries.get(2)).contains("the entry before it was removed, changed or slipped in"),
                row(page, ritasEntries.get(2)));
    }

    /** The table row of an entry (rows carry their entry's id). */
    private static String row(String page, long id) {
        int start = page.indexOf("id=\"entry-" + id + "\"");
        assertTrue(start >= 0, "entry " + id + " is listed");
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private static void awaitAnchored(List<Long> ids, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (((Number) Demo.read(() -> AccessEntry.getEntityManager().createNativeQuery(
                "select count(*) from anchor_record a join anchor_round r on r.id = a.round_id "
                        + "where a.kind = 'access-log' and a.record_id = any(?1) and r.status = 'FINAL'")
                .setParameter(1, ids.toArray(Long[]::new)).getSingleResult())).intValue() < ids.size()) {
            assertTrue(System.nanoTime() < deadline, "access log entries not anchored within " + timeout);
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
