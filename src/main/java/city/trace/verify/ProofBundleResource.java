package city.trace.verify;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import city.trace.product.Product;
import city.trace.web.Downloads;

/**
 * Proof bundles to download, at a lot's (or item's) Digital Link path under /api/bundles. Public, like the
 * page that offers them: a bundle holds what the public page shows, plus the proofs.
 */
@Path("/api/bundles/01/{gtin}")
@PermitAll
@Tag(name = "GS1 Digital Link")
public class ProofBundleResource {

    @Inject
    JourneyService journeys;

    @GET
    @Path("/10/{lot}")
    @Operation(summary = "A lot's proof bundle: its events, fingerprints, Merkle proofs and their anchors on the chain")
    public Response lot(@PathParam("gtin") String gtin, @PathParam("lot") String lot) {
        Product product = DigitalLinkResource.product(gtin);
        Journey journey = journeys.journey(product, lot).filter(j -> !j.proofs().isEmpty())
                .orElseThrow(() -> new NotFoundException("No event of lot " + lot + " of " + product.name + " is recorded"));
        return download(journey, "lot", lot);
    }

    @GET
    @Path("/21/{serial}")
    @Operation(summary = "A serialised item's proof bundle")
    public Response item(@PathParam("gtin") String gtin, @PathParam("serial") String serial) {
        Product product = DigitalLinkResource.product(gtin);
        Journey journey = journeys.itemJourney(product, serial).filter(j -> !j.proofs().isEmpty())
                .orElseThrow(() -> new NotFoundException("No event of item " + serial + " of " + product.name + " is recorded"));
        return download(journey, "item", serial);
    }

    /** citytrace-proof-08712347000026-lot-B20261120.json */
    private Response download(Journey journey, String kind, String value) {
        return Downloads.attachment(ProofBundles.json(journey), MediaType.APPLICATION_JSON + ";charset=UTF-8",
                Downloads.fileName("citytrace-proof", journey.gtin(), kind, value) + ".json");
    }
}
