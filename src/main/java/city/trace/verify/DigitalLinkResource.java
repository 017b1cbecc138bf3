package city.trace.verify;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import city.trace.batch.Batch;
import city.trace.epcis.EpcisEvent;
import city.trace.gs1.DigitalLink;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import city.trace.gs1.Gs1Key;
import city.trace.label.PublicLinks;
import city.trace.product.Product;
import city.trace.web.PageLanguage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.RunOnVirtualThread;

/**
 * The built-in GS1 Digital Link resolver: {@code /01/{gtin}/10/{lot}} (and {@code /21/{serial}}) answers a
 * browser with the verified journey, and a program asking for {@code application/linkset+json} (or
 * {@code ?linkType=linkset}) with the RFC 9264 linkset. What it does not know it answers for the level above
 * (an unknown lot with its product), as GS1 resolvers walk up the path.
 */
@Path("/01")
@PermitAll
@RunOnVirtualThread
@Tag(name = "GS1 Digital Link")
public class DigitalLinkResource {

    private static final List<String> LANGUAGES = PageLanguage.SUPPORTED.stream().map(Locale::getLanguage).toList();
    /** What chooses a page rather than the linkset, and its language (the linkset varies by Accept only). */
    private static final String VARY_PAGE = String.join(", ", HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE,
            HttpHeaders.COOKIE);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance journey(Journey journey, String bundleJson, String bundleUrl);

        static native TemplateInstance product(Product product, List<Batch> lots, String unknownLot, String unknownSerial);

        static native TemplateInstance recall(Product product, String lot, String path);
    }

    /** What every request here carries besides the path: how and in which language the visitor asks. */
    public static class VisitRequest {
        @QueryParam("linkType")
        String linkType;
        @QueryParam("lang")
        String lang;
        @CookieParam(PageLanguage.COOKIE)
        String remembered;
        @HeaderParam(HttpHeaders.ACCEPT)
        String accept;
        @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE)
        String acceptLanguage;
        @HeaderParam(HttpHeaders.ACCEPT_ENCODING)
        String acceptEncoding;

        Visit visit() {
            boolean linkset = "linkset".equals(linkType) || "all".equals(linkType)
                    || (accept != null && accept.contains(Linkset.MEDIA_TYPE));
            return new Visit(PageLanguage.resolve(lang, remembered, acceptLanguage), linkset, linkType,
                    RenderedPage.gzipAcceptedBy(acceptEncoding));
        }
    }

    /** The visitor's language and how they asked. */
    record Visit(Locale locale, boolean wantsLinkset, String linkType, boolean acceptsGzip) {
        String cacheKey(String page) {
            return page + "|" + locale.getLanguage();
        }
    }

    @Inject
    JourneyService journeys;

    @Inject
    PageCache pages;

    @Inject
    PageSnapshots snapshots;

    @Inject
    PublicLinks links;

    @GET
    @Path("/{gtin}")
    @Operation(summary = "A product: its information page, or its linkset")
    public Response product(@PathParam("gtin") String gtin, @BeanParam VisitRequest request) {
        Visit visit = request.visit();
        Product product = product(gtin);
        return visit.wantsLinkset() ? linkset(productLinkset(product)) : productPage(product, null, null, visit);
    }

    @GET
    @Path("/{gtin}/10/{lot}")
    @Operation(summary = "A lot: its verified origin and journey, its recall notice, or its linkset")
    public Response lot(@PathParam("gtin") String gtin, @PathParam("lot") String lot, @BeanParam VisitRequest request) {
        Visit visit = request.visit();
        String gtin14 = gtin14(gtin);
        DigitalLink subject = DigitalLink.lot(gtin14, lot);
        if (visit.wantsLinkset()) {
            // the linkset does not need the chain: answer it from what is registered
            Product product = product(gtin14);
            boolean known = Batch.findByProductAndLot(product, lot).isPresent() || EpcisEvent.existsNaming(subject.toUri());
            return linkset(known ? lotLinkset(product, lot) : productLinkset(product));
        }
        if ("gs1:recallStatus".equals(visit.linkType())) {
            Product product = product(gtin14);
            if (!journeys.isRecalled(product, lot)) {
                throw new NotFoundException("Lot " + lot + " of " + product.name + " is not recalled");
            }
            return html(Templates.recall(product, lot, subject.path()), visit);
        }
        return journeyPage(gtin14, lot, null, subject, visit, product -> journeys.journey(product, lot));
    }

    @GET
    @Path("/{gtin}/10/{lot}/temperatures.svg")
    @Produces("image/svg+xml")
    @Operation(summary = "A lot's temperature record as measured by registered devices, as an SVG chart")
    public Response temperatures(@PathParam("gtin") String gtin, @PathParam("lot") String lot,
            @BeanParam VisitRequest request) {
        Visit visit = request.visit();
        String link = DigitalLink.lot(gtin14(gtin), lot).toUri();
        Journey.Temperatures temperatures = journeys.temperatures(link)
                .orElseThrow(() -> new NotFoundException("No registered device measured lot " + lot));
        PublicMessages words = MessageBundles.get(PublicMessages.class, Localized.Literal.of(visit.locale().getLanguage()));
        return Response.ok(temperatures.chart(words.chart_title(), words.chart_description(), words.chart_verified(),
                words.chart_unverified(), words.chart_excursion(), words.chart_band()).getValue())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }

    @GET
    @Path("/{gtin}/21/{serial}")
    @Operation(summary = "A serialised item: its verified journey, or its product's page when unknown")
    public Response item(@PathParam("gtin") String gtin, @PathParam("serial") String serial,
            @BeanParam VisitRequest request) {
        Visit visit = request.visit();
        String gtin14 = gtin14(gtin);
        if (visit.wantsLinkset()) {
            return linkset(productLinkset(product(gtin14)));
        }
        return journeyPage(gtin14, null, serial, DigitalLink.item(gtin14, serial), visit,
                product -> journeys.itemJourney(product, serial));
    }

    /**
     * The journey's page, from the page cache without touching the database when it is fresh there, else the page
     * kept in the database when it still holds ({@link PageSnapshots}), else built and verified; when
     * nothing is known of the lot ({@code unknownLot}) or item, its product's page.
     */
    private Response journeyPage(String gtin14, String unknownLot, String unknownSerial, DigitalLink subject,
            Visit visit, Function<Product, Optional<Journey>> journey) {
        RenderedPage page = pages.get(visit.cacheKey(subject.path()), () -> {
            PageSnapshots.Lookup lookup = snapshots.lookup(subject, unknownLot, visit.locale());
            return lookup.kept().orElseGet(() -> journey.apply(product(gtin14)).map(j -> {
                RenderedPage built = RenderedPage.of(Templates.journey(j, j.proofs().isEmpty() ? null
                        : ProofBundles.compactJson(j), ProofBundles.path(subject)).setLocale(visit.locale()).render());
                snapshots.keep(j, lookup, built);
                return built;
            }).orElse(null));
        });
        if (page == null) {
            return productPage(product(gtin14), unknownLot, unknownSerial, visit);
        }
        String vary = VARY_PAGE + ", " + HttpHeaders.ACCEPT_ENCODING;
        return visit.acceptsGzip()
                ? page(page.gzipped(), visit, vary).encoding("gzip").build()
                : page(page.html(), visit, vary).build();
    }

    private Response productPage(Product product, String unknownLot, String unknownSerial, Visit visit) {
        List<Batch> lots = Batch.list("product = ?1 order by productionDate desc, lot", product);
        return html(Templates.product(product, lots, unknownLot, unknownSerial), visit);
    }

    private Linkset lotLinkset(Product product, String lot) {
        DigitalLink subject = DigitalLink.lot(product.gtin, lot);
        String page = links.of(subject);
        Linkset.Target journey = new Linkset.Target(page, "Origin and journey, verified against the consortium's chain",
                MediaType.TEXT_HTML, LANGUAGES);
        Linkset.Builder linkset = Linkset.anchoredAt(page).link(Linkset.GS1 + "defaultLink", journey)
                .link(Linkset.GS1 + "traceability", journey)
                .link(Linkset.GS1 + "pip", new Linkset.Target(links.of("/01/" + product.gtin),
                        "Product information: " + product.name, MediaType.TEXT_HTML, LANGUAGES))
                .link("describedby", new Linkset.Target(links.of(ProofBundles.path(subject)),
                        "Proof bundle: events, fingerprints, Merkle proofs and their anchors", MediaType.APPLICATION_JSON,
                        null));
        if (journeys.isRecalled(product, lot)) {
            linkset.link(Linkset.GS1 + "recallStatus", new Linkset.Target(page + "?linkType=gs1:recallStatus",
                    "Recall notice", MediaType.TEXT_HTML, LANGUAGES));
        }
        return linkset.build();
    }

    private Linkset productLinkset(Product product) {
        String page = links.of("/01/" + product.gtin);
        Linkset.Target information = new Linkset.Target(page, "Product information: " + product.name,
                MediaType.TEXT_HTML, LANGUAGES);
        return Linkset.anchoredAt(page).link(Linkset.GS1 + "defaultLink", information)
                .link(Linkset.GS1 + "pip", information).build();
    }

    /**
     * The GTIN in a path as GTIN-14 (GTIN-8/12/13 are padded); anything but the digits of a GTIN with the right
     * check digit, exactly (no whitespace around them), is a bad request.
     */
    private static String gtin14(String gtin) {
        Gs1Key.GTIN.exactProblem(gtin).ifPresent(problem -> {
            throw new BadRequestException(problem + ": " + gtin);
        });
        return Gs1Key.GTIN.normaliseExact(gtin);
    }

    /** The product a GTIN in the path names. */
    static Product product(String gtin) {
        String gtin14 = gtin14(gtin);
        return Product.findByGtin(gtin14)
                .orElseThrow(() -> new NotFoundException("No product with GTIN " + gtin14 + " is known here"));
    }

    private static Response linkset(Linkset linkset) {
        return Response.ok(linkset, Linkset.MEDIA_TYPE).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    private static Response html(TemplateInstance page, Visit visit) {
        return page(page.setLocale(visit.locale()), visit, VARY_PAGE).build();
    }

    /**
     * @param vary what varies the answer, for caches between the visitor and us (a language chosen here is
     *             remembered by {@link city.trace.web.LanguageChoice}, as on every page)
     */
    private static Response.ResponseBuilder page(Object entity, Visit visit, String vary) {
        return Response.ok(entity, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CONTENT_LANGUAGE, visit.locale().getLanguage()).header(HttpHeaders.VARY, vary);
    }
}
