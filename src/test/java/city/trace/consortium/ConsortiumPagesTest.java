package city.trace.consortium;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import city.trace.anchor.AnchorChain;
import city.trace.chain.contract.Proposal;
import city.trace.chain.contract.ProvenanceRegistry;
import city.trace.chain.contract.TransactionSigner;
import city.trace.org.Organization;
import city.trace.support.Anchoring;
import city.trace.support.Browser;
import city.trace.support.Demo;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/**
 * The consortium page as its members use it, one person after the other: the consortium admin raises the
 * threshold and proposes a new organisation (this node's account signs), the candidate cannot vote for itself,
 * members approve until the registry admits it. Every vote is a transaction on anvil; the page reads the registry.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsortiumPagesTest {

    /** The organisation proposed by the first test, approved by the later ones. */
    static final String CANDIDATE = "groningen-dairy-coop";
    static final String CANDIDATE_PREFIX = "99123456";

    static AnchorChain chain() {
        AnchorChain chain = Arc.container().instance(AnchorChain.class).get();
        chain.ensureReady();
        return chain;
    }

    static TransactionSigner signerOf(String code) {
        return chain().signerOf(Demo.read(() -> Organization.findByCode(code).orElseThrow()).id);
    }

    /** Waits for the node's proposal of a new account (sent when its key is first used) to be mined. */
    static void awaitMember(String account) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!chain().registry().isMember(account)) {
            assertTrue(System.nanoTime() < deadline, account + " was not admitted within 30 s");
            Anchoring.sleep(Duration.ofMillis(200));
        }
    }

    static long candidateProposal() {
        ProvenanceRegistry registry = chain().registry();
        String account = Demo.read(() -> Organization.findByCode(CANDIDATE).orElseThrow()).chainAddress;
        return registry.openAdmissionOf(account, chain().node().latestBlockTime()).map(Proposal::id).orElseThrow();
    }

    @Test
    @Order(1)
    @TestSecurity(user = "adam", roles = "consortium-admin")
    void theAdminRaisesTheThresholdAndProposesAnOrganisationAndBadInputIsShownInThePage() {
        // the demo's members have their accounts admitted while one approval still suffices (the anchoring worker
        // would otherwise propose them, meanwhile)
        for (String code : List.of(Demo.FARM, Demo.DAIRY, Demo.BAKERY, Demo.CARRIER, Demo.MARKET, Demo.REGULATOR)) {
            awaitMember(signerOf(code).address());
        }
        given().get("/consortium").then().statusCode(200)
                .body(containsString("You act for this node with the account"), containsString("a member, who may propose"),
                        containsString("De Korenaar Farm"), containsString("a founding member"));

        // what the registry or CityTrace would refuse is shown in the page, and nothing is stored or sent
        long proposals = chain().registry().proposalCount();
        Browser.open("/consortium").submit().formParam("name", "Coop").formParam("code", "Bad Code")
                .formParam("kind", "DAIRY").formParam("city", "Groningen").formParam("gs1CompanyPrefix", Demo.FARM_PREFIX + "9")
                .formParam("chainAddress", "0x12").post("/consortium/admissions").then().statusCode(400)
                .body(containsString("An organisation code is up to 64 lower-case letters"),
                        containsString("Choose what kind of organisation it is"),
                        containsString("overlaps De Korenaar Farm&#39;s 8712345"),
                        containsString("A chain account address is 0x and 40 hexadecimal digits"));
        Browser.open("/consortium").submit().formParam("threshold", "99").post("/consortium/thresholds")
                .then().statusCode(400).body(containsString("A threshold is at least 1 and at most the number of members"));
        Browser.open("/consortium").submit().formParam("threshold", "three").post("/consortium/thresholds")
                .then().statusCode(400).body(containsString("a whole number, 1 or more"));
        // the registry refuses a member's account: the organisation is not recorded either
        Browser.open("/consortium").submit().formParam("name", "Node Twin").formParam("code", "node-twin")
                .formParam("kind", "FARM").formParam("city", "Groningen").formParam("gs1CompanyPrefix", "99123457")
                .formParam("chainAddress", chain().signer().address()).post("/consortium/admissions").then()
                .statusCode(400).body(containsString("is a member already"));
        assertTrue(Demo.read(() -> Organization.findByCode("node-twin")).isEmpty());
        assertEquals(proposals, chain().registry().proposalCount(), "a refused proposal leaves none behind");

        // with one approval needed the admin's proposal takes effect at once
        Browser.open("/consortium").submit().formParam("threshold", "3").post("/consortium/thresholds")
                .then().statusCode(303);
        assertEquals(3, chain().registry().threshold());

        Browser.open("/consortium").submit().formParam("name", "Groningen Dairy Coop").formParam("code", CANDIDATE)
                .formParam("kind", "FARM").formParam("city", "Groningen").formParam("gs1CompanyPrefix", CANDIDATE_PREFIX)
                .post("/consortium/admissions").then().statusCode(303);
        Organization candidate = Demo.read(() -> Organization.findByCode(CANDIDATE).orElseThrow());
        assertTrue(candidate.chainAddress.equalsIgnoreCase(chain().accountOf(candidate)), "the account of its key here");
        assertFalse(chain().registry().isMember(candidate.chainAddress), "one approval of three");
        long id = candidateProposal();
        given().get("/consortium").then().statusCode(200).body(containsString("id=\"proposal-" + id + "\""),
                containsString("Admit Groningen Dairy Coop"), containsString("1 of 3: CityTrace"), containsString("You approved."));
        Browser.open("/consortium").submit().post("/consortium/proposals/" + id + "/vote").then().statusCode(400)
                .body(containsString("You have approved proposal " + id + " already"));
    }

    @Test
    @Order(2)
    @TestSecurity(user = "gerda", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = CANDIDATE))
    void theCandidateSeesItIsNoMemberYetAndCannotVoteNorIsItProposedTwice() {
        long proposals = chain().registry().proposalCount();
        long id = candidateProposal();
        given().get("/consortium").then().statusCode(200)
                .body(containsString("You act for Groningen Dairy Coop"), containsString("<strong>not a member</strong>"),
                        not(containsString("action=\"/consortium/proposals/" + id + "/vote\"")));
        // sent without the page's button (it has none), with a form token of another page; taking its key into use
        // must not propose it again: its admission is open already
        Browser.open("/sites").submit().post("/consortium/proposals/" + id + "/vote").then().statusCode(400)
                .body(containsString("is not a member of the consortium: only members propose and vote"));
        assertEquals(proposals, chain().registry().proposalCount());
    }

    @Test
    @Order(3)
    @TestSecurity(user = "alice", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.FARM))
    void membersApproveUntilTheRegistryAdmitsTheCandidate() {
        long id = candidateProposal();
        given().get("/dashboard").then().statusCode(200).body(containsString("Consortium votes"),
                containsString("1 proposal of the consortium awaits your organisation"));
        given().get("/consortium").then().statusCode(200).body(containsString("You act for De Korenaar Farm"),
                containsString("action=\"/consortium/proposals/" + id + "/vote\""));
        Browser.open("/consortium").submit().post("/consortium/proposals/" + id + "/vote").then().statusCode(303);
        given().get("/consortium").then().body(containsString("2 of 3: "), containsString("De Korenaar Farm"));
        given().get("/dashboard").then().statusCode(200).body(not(containsString("Consortium votes")));

        // the third approval, from the bakery's account, carries the admission out
        chain().sendAs(signerOf(Demo.BAKERY), (registry, member, nonce, gas) -> registry.vote(member, nonce, gas, id));
        String account = Demo.read(() -> Organization.findByCode(CANDIDATE).orElseThrow()).chainAddress;
        assertTrue(chain().registry().isMember(account));
        given().get("/consortium").then().body(containsString("admitted by 3 of"), containsString("(proposal " + id + ")"),
                containsString("carried out, approved by 3 of"), not(containsString("id=\"proposal-" + id + "\"")));
    }

    @Test
    @Order(4)
    @TestSecurity(user = "adam", roles = "consortium-admin")
    void aRemovalWithTooFewApprovalsIsCarriedOutOnceTheThresholdFell() {
        String account = Demo.read(() -> Organization.findByCode(CANDIDATE).orElseThrow()).chainAddress;
        Browser.open("/consortium").submit().formParam("account", account).post("/consortium/removals")
                .then().statusCode(303);
        long removal = chain().registry().proposalCount();
        chain().sendAs(signerOf(Demo.FARM), (registry, member, nonce, gas) -> registry.vote(member, nonce, gas, removal));
        given().get("/consortium").then().body(containsString("Remove Groningen Dairy Coop"), containsString("2 of 3: "),
                not(containsString("action=\"/consortium/proposals/" + removal + "/execute\"")));

        // two approvals become enough: this node proposes it, the farm and the bakery approve
        Browser.open("/consortium").submit().formParam("threshold", "2").post("/consortium/thresholds").then()
                .statusCode(303);
        long lowering = chain().registry().proposalCount();
        for (String code : List.of(Demo.FARM, Demo.BAKERY)) {
            chain().sendAs(signerOf(code), (registry, member, nonce, gas) -> registry.vote(member, nonce, gas, lowering));
        }
        assertEquals(2, chain().registry().threshold());
        given().get("/consortium").then().body(containsString("action=\"/consortium/proposals/" + removal + "/execute\""));
        Browser.open("/consortium").submit().post("/consortium/proposals/" + removal + "/execute").then().statusCode(303);
        assertFalse(chain().registry().isMember(account));
        given().get("/consortium").then().body(not(containsString("id=\"proposal-" + removal + "\"")),
                containsString("carried out, approved by 2 of"));
        Browser.open("/consortium").submit().post("/consortium/proposals/" + removal + "/execute").then().statusCode(400)
                .body(containsString("Proposal " + removal + " is no longer open"));
    }

    /** Back to one approval, as the other tests expect: this node, the farm and the bakery vote for it. */
    @AfterAll
    static void thresholdOfOneAgain() {
        ProvenanceRegistry registry = chain().registry();
        if (registry.threshold() == 1) {
            return;
        }
        long id = registry.proposalId(chain().sendFromNode(
                (reg, member, nonce, gas) -> reg.proposeThreshold(member, nonce, gas, 1)));
        for (String code : List.of(Demo.FARM, Demo.BAKERY)) {
            if (registry.threshold() != 1) {
                chain().sendAs(signerOf(code), (reg, member, nonce, gas) -> reg.vote(member, nonce, gas, id));
            }
        }
        assertEquals(1, registry.threshold());
    }
}
