package city.trace.anchor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import city.trace.chain.contract.Member;
import city.trace.chain.contract.ProvenanceRegistry;
import city.trace.epcis.EpcisEvent;
import city.trace.merkle.Bytes32;
import city.trace.monitor.Operations;
import city.trace.org.Organization;
import city.trace.support.Anchoring;
import city.trace.support.AnvilNode;
import city.trace.support.Browser;
import city.trace.support.Demo;
import city.trace.support.EpcisDocs;
import city.trace.support.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;

/**
 * Each organisation anchors its own events from its own account (derived from anvil's mnemonic in tests), with
 * its own nonces; an organisation whose membership lapsed waits, visibly, and is anchored once voted in again.
 */
@QuarkusTest
class AnchoringPerOrganizationTest {

    AnvilNode anvil;

    @Inject
    AnchorChain chain;

    @Inject
    Operations operations;

    /** Stores {@code count} new events recorded by the organisation; returns their eventIDs. */
    static List<String> store(String organizationCode, int count) {
        String unique = Browser.unique(8);
        List<String> eventIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = Events.storeBehindTheRules(organizationCode, EpcisDocs.observe("shipping",
                    "2026-11-20T08:00:00.000+01:00", List.of(EpcisDocs.sgtin(EpcisDocs.bakeryGtin(), unique + i))));
            eventIds.add(Demo.read(() -> EpcisEvent.<EpcisEvent>findById(id).eventId));
        }
        return eventIds;
    }

    static Organization organization(String code) {
        return Demo.read(() -> Organization.findByCode(code).orElseThrow());
    }

    /** The account that anchored the event's root, as the contract says. */
    String anchoredBy(JsonPath proof) {
        ProvenanceRegistry registry = Anchoring.registry(anvil, proof.getString("contract"));
        return registry.anchorOf(Bytes32.fromHex(proof.getString("root"))).orElseThrow().member();
    }

    @Test
    void twoOrganisationsAnchorAtOnceEachFromItsOwnAccountWithItsOwnNonces() {
        // recorded at the same moment, cut into one round per organisation and sent side by side
        CompletableFuture<List<String>> farm = CompletableFuture.supplyAsync(() -> store(Demo.FARM, 3));
        CompletableFuture<List<String>> dairy = CompletableFuture.supplyAsync(() -> store(Demo.DAIRY, 3));
        Map<String, List<String>> events = Map.of(Demo.FARM, farm.join(), Demo.DAIRY, dairy.join());

        for (var recorded : events.entrySet()) {
            Organization org = organization(recorded.getKey());
            String account = AnchorKeys.derived(AnvilNode.DEV_MNEMONIC, org.id).getAddress();
            assertTrue(account.equalsIgnoreCase(org.chainAddress), "the stored account is the key's");
            for (JsonPath proof : Anchoring.await(recorded.getValue(), Anchoring.status("FINAL"), Duration.ofSeconds(60))) {
                assertTrue(account.equalsIgnoreCase(anchoredBy(proof)), org.name + "'s root is anchored by its account");
            }
            // each account's rounds took its own nonces, 0, 1, 2, … with no gap and none twice
            List<Long> nonces = Demo.read(() -> AnchorRound.<AnchorRound>list("sender = ?1 and nonce is not null order by nonce",
                    account.toLowerCase()).stream().map(r -> r.nonce).toList());
            assertEquals(nonces.stream().distinct().count(), nonces.size(), "no nonce twice: " + nonces);
            assertEquals(nonces.size(), nonces.getLast() - nonces.getFirst() + 1, "no gap: " + nonces);
        }
        assertNotEquals(organization(Demo.FARM).chainAddress, organization(Demo.DAIRY).chainAddress);
        assertNotEquals(chain.signer().address(), organization(Demo.FARM).chainAddress.toLowerCase());
    }

    @Test
    @TestSecurity(user = "mia", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.MARKET))
    void aLapsedMemberWaitsVisiblyAndIsAnchoredOnceVotedInAgain() {
        Organization market = organization(Demo.MARKET);
        Anchoring.await(store(Demo.MARKET, 1), Anchoring.status("FINAL"), Duration.ofSeconds(60));
        String account = organization(Demo.MARKET).chainAddress;
        // with threshold 1 this node's proposal alone removes the market's account
        chain.sendFromNode((registry, node, nonce, gas) -> registry.proposeRemoval(node, nonce, gas, account));
        try {
            List<String> waiting = store(Demo.MARKET, 2);
            awaitWaiting(market.id);
            assertEquals(List.of("PENDING", "PENDING"), waiting.stream().map(e -> Anchoring.proof(e).getString("status")).toList());
            given().get("/dashboard").then().statusCode(200).body(containsString("Your account <code class=\"hash\">"
                    + account.toLowerCase() + "</code> is not a member of the consortium registry; your events wait to be anchored"));
            assertTrue(operations.overview().waiting().stream().anyMatch(w -> market.id.equals(w.organizationId())
                    && w.reason() == AnchorRound.Waiting.MEMBERSHIP && w.events() == 2), "the admin's anchoring view");

            chain.sendFromNode((registry, node, nonce, gas) -> registry.proposeAdmission(node, nonce, gas,
                    new Member(account, market.name, Member.companyPrefixHash(market.gs1CompanyPrefix))));
            for (JsonPath proof : Anchoring.await(waiting, Anchoring.status("FINAL"), Duration.ofSeconds(60))) {
                assertTrue(account.equalsIgnoreCase(anchoredBy(proof)));
            }
            assertEquals(0L, (long) Demo.read(() -> AnchorRound.count("waitingFor is not null and organizationId = ?1", market.id)));
        } finally {
            if (!Anchoring.registry(anvil, chain.registry().address()).isMember(account)) {
                chain.sendFromNode((registry, node, nonce, gas) -> registry.proposeAdmission(node, nonce, gas,
                        new Member(account, market.name, Member.companyPrefixHash(market.gs1CompanyPrefix))));
            }
        }
    }

    private static void awaitWaiting(long organizationId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Demo.read(() -> AnchorRound.count("waitingFor = ?1 and organizationId = ?2", AnchorRound.Waiting.MEMBERSHIP,
                organizationId)) == 0) {
            assertTrue(System.nanoTime() < deadline, "the market's round does not wait for its membership");
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
