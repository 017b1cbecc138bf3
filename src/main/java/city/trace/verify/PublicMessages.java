package city.trace.verify;

import java.time.LocalDate;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the public pages (templates use {@code msg:}), in English; Dutch and Simplified Chinese are in
 * messages/msg_nl.properties and messages/msg_zh.properties.
 */
@MessageBundle(value = "msg", locale = "en")
public interface PublicMessages {

    /** The page's language, for html lang and the switcher. */
    @Message("en")
    String code();

    @Message("Skip to content")
    String skip_link();

    @Message("Log in")
    String log_in();

    @Message("Log out")
    String log_out();

    @Message("Language")
    String language();

    @Message("CityTrace — open traceability for smart-city industry. Events follow GS1 EPCIS 2.0; fingerprints are anchored on the consortium chain.")
    String footer();

    // The landing page's Digital Link box, for visitors without a camera
    @Message("Check a product")
    String lookup_title();

    @Message("No camera at hand? Type the numbers printed on the package, or paste the address of its QR code.")
    String lookup_hint();

    @Message("GTIN or Digital Link")
    String lookup_gtin();

    @Message("The 8 to 14 digits under the barcode, or an address such as https://id.gs1.org/01/…/10/…")
    String lookup_gtin_hint();

    @Message("Lot")
    String lookup_lot();

    @Message("Printed near the best-before date; not needed when the address has it")
    String lookup_lot_hint();

    @Message("Show its journey")
    String lookup_submit();

    @Message("Or see an example: the demo's milk bread")
    String lookup_example();

    @Message("Where {product} comes from")
    String journey_title(String product);

    @Message("Lot {lot}")
    String lot(String lot);

    @Message("Made by {maker}")
    String made_by(String maker);

    @Message("Produced on {date}")
    String produced_on(LocalDate date);

    @Message("Best before {date}")
    String best_before(LocalDate date);

    @Message("Verified: every step below is exactly what the consortium recorded on its chain, recorded by those entitled to record it.")
    String verdict_verified();

    @Message("Recorded: some steps are not anchored on the chain yet. Check again in a few seconds.")
    String verdict_pending();

    @Message("Warning: part of this record no longer matches what was anchored on the chain. Do not rely on it; the consortium has been alerted.")
    String verdict_tampered();

    @Message("We could not reach the chain to check this record right now, so we do not claim it is verified. Try again later.")
    String verdict_unverifiable();

    @Message("This lot has been recalled: do not eat it. Return it to the shop where you bought it.")
    String recalled();

    @Message("Read the recall notice")
    String recall_link();

    @Message("Origin")
    String origin();

    @Message("Map of the places this product passed")
    String map_title();

    @Message("Journey")
    String journey();

    @Message("The lot's own steps, and each input's steps up to the moment it was used: each of them is checked.")
    String journey_hint();

    @Message("Produced")
    String step_commissioning();

    @Message("Shipped")
    String step_shipping();

    @Message("Received")
    String step_receiving();

    @Message("Recorded")
    String step_other();

    @Message("Made into {output}")
    String step_made(String output);

    @Message("When")
    String when();

    @Message("Where")
    String where();

    @Message("Recorded by")
    String who();

    @Message("Input")
    String input();

    @Message("The brand owner of this product is not a member of the consortium: this step is only {recorder}'s own claim.")
    String brand_not_member(String recorder);

    @Message("Claims by others, not vouched for")
    String claims_title();

    @Message("These records name this lot but were made by organisations not entitled to make them: they neither own it nor took part in moving it. They are no part of its verified history.")
    String claims_hint();

    @Message("Breaks the rule “{rule}”")
    String claim_rule(String rule);

    @Message("Verified")
    String state_verified();

    @Message("Pending")
    String state_pending();

    @Message("Tampered")
    String state_tampered();

    @Message("Unverifiable")
    String state_unverifiable();

    @Message("in block {block} of chain {chain}, {time}")
    String anchored_in(Object block, Object chain, String time);

    // who vouches: the anchoring member as the registry records it in the anchor's block
    @Message("Anchored by {name} (member since block {since}, admitted by {approvals} of {electorate} members)")
    String anchored_by_member(String name, Object since, Object approvals, Object electorate);

    @Message("Anchored by {name} (a founding member)")
    String anchored_by_founder(String name);

    @Message("Check it yourself")
    String check_yourself();

    @Message("Your browser recomputes each step's fingerprint from its pre-hash and follows its Merkle proof to the anchored root. That the root is on the chain, anchored by the member named, is checked by this server (and by scripts/verify-bundle.sh against any node).")
    String browser_check_intro();

    // What js/verify.js writes; [count], [bad], [anchored] and [error] are its placeholders
    @Message("✓ checked by your browser")
    String browser_mark_ok();

    @Message("✓ checked by your browser, except the device signature: this browser cannot check Ed25519 keys")
    String browser_mark_no_ed25519();

    @Message("✗ does not match")
    String browser_mark_bad();

    @Message("Your browser re-checked all {count} records: they match their fingerprints and Merkle proofs.")
    String browser_all_match(String count);

    @Message("Your browser re-checked all {count} records: they match their fingerprints, the {anchored} anchored ones also their Merkle proofs.")
    String browser_some_anchored(String count, String anchored);

    @Message("Your browser re-checked all {count} records: they match their fingerprints.")
    String browser_none_anchored(String count);

    @Message("{bad} of {count} records do not match their fingerprint or proof.")
    String browser_mismatch(String bad, String count);

    @Message("Your browser can re-check these records only when this page is opened over HTTPS.")
    String browser_needs_https();

    @Message("Your browser could not re-check these records: {error}")
    String browser_failed(String error);

    @Message("Without trusting CityTrace: download the proof bundle and check it against any node of the chain with the verifier that comes with CityTrace:")
    String bundle_intro();

    @Message("Download the proof bundle (JSON)")
    String bundle_download();

    @Message("Product information")
    String product_information();

    @Message("GTIN {gtin}")
    String gtin(String gtin);

    @Message("Category: {category}")
    String category(String category);

    @Message("Lots")
    String lots();

    @Message("No lots of this product are recorded yet.")
    String no_lots();

    @Message("We know of no lot {lot} of this product; here is the product itself.")
    String unknown_lot(String lot);

    @Message("We know of no item with serial number {serial} of this product; here is the product itself.")
    String unknown_serial(String serial);

    @Message("Recall notice")
    String recall_title();

    @Message("Lot {lot} of {product} has been recalled. Do not eat or use it; return it to the shop where you bought it.")
    String recall_text(String lot, String product);

    @Message("Back to the product's journey")
    String back_to_journey();

    @Message("Temperature measured")
    String step_measured();

    @Message("Temperature on its way")
    String temperatures_title();

    @Message("Kept between {min} and {max} °C throughout, measured by {devices} registered {#if devices == 1}device{#else}devices{/if}.")
    String temperatures_kept_between(String min, String max, int devices);

    @Message("Kept at or below {max} °C throughout, measured by {devices} registered {#if devices == 1}device{#else}devices{/if}.")
    String temperatures_kept_at_most(String max, int devices);

    @Message("Kept at or above {min} °C throughout, measured by {devices} registered {#if devices == 1}device{#else}devices{/if}.")
    String temperatures_kept_at_least(String min, int devices);

    @Message("Out of its allowed range for {minutes} minutes, reaching {extreme} °C, measured by {devices} registered {#if devices == 1}device{#else}devices{/if}.")
    String temperatures_breach(String extreme, long minutes, int devices);

    @Message("Its mean kinetic temperature, {mkt} °C, is above the allowed {max} °C, measured by {devices} registered {#if devices == 1}device{#else}devices{/if}.")
    String temperatures_mkt_breach(String mkt, String max, int devices);

    @Message("Within its allowed range apart from excursions it tolerates (the longest {minutes} minutes, reaching {extreme} °C), measured by {devices} registered {#if devices == 1}device{#else}devices{/if}.")
    String temperatures_tolerated(String extreme, long minutes, int devices);

    @Message("Measured between {min} and {max} °C by {devices} registered {#if devices == 1}device{#else}devices{/if}.")
    String temperatures_measured(String min, String max, int devices);

    @Message("Each reading is signed by the device that measured it; the signatures and their anchoring are verified.")
    String temperatures_verified();

    @Message("Not every reading is verified yet: see the steps above.")
    String temperatures_unverified();

    @Message("The lot's temperature over time")
    String chart_title();

    @Message("Readings of registered devices in °C, with the allowed range and any excursion marked.")
    String chart_description();

    @Message("verified")
    String chart_verified();

    @Message("not verified")
    String chart_unverified();

    @Message("excursion")
    String chart_excursion();

    @Message("allowed range")
    String chart_band();
}
