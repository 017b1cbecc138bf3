package city.trace.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import city.trace.batch.Batch;
import city.trace.batch.BatchForm;
import city.trace.batch.BatchService;
import city.trace.batch.Unit;
import city.trace.custody.Measure;
import city.trace.custody.Stock;
import city.trace.custody.Whereabouts;
import city.trace.gs1.CheckDigit;
import city.trace.org.Organization;
import city.trace.product.Product;
import city.trace.shipment.ShipmentForm;
import city.trace.shipment.ShipmentService;
import city.trace.site.Site;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Facts of the demo supply chain that the test profile seeds, and a way to read the database in tests. */
public final class Demo {

    public static final String FARM = "korenaar-farm";
    public static final String DAIRY = "zonneweide-dairy";
    public static final String BAKERY = "noorderlicht-bakery";
    public static final String CARRIER = "coldlink-logistics";
    public static final String MARKET = "stadsmarkt-rotterdam";
    public static final String REGULATOR = "food-safety-office";

    public static final String FARM_PREFIX = "8712345";
    public static final String BAKERY_PREFIX = "8712347";
    /** The farm's first product (wheat) and site (fields). */
    public static final String WHEAT_GTIN = CheckDigit.append("0" + FARM_PREFIX + "00001");
    public static final String FIELDS_GLN = CheckDigit.append(FARM_PREFIX + "00001");
    public static final String BAKERY_PLANT_GLN = CheckDigit.append(BAKERY_PREFIX + "00001");
    public static final String FLOUR_GTIN = CheckDigit.append("0" + BAKERY_PREFIX + "00001");
    /** The bakery's bread: its demo lot is made of flour (from the farm's wheat) and the dairy's milk. */
    public static final String BREAD_GTIN = CheckDigit.append("0" + BAKERY_PREFIX + "00002");

    private Demo() {
    }

    /**
     * A new batch of a product at one of its maker's sites, recorded through the batch service as the maker (with
     * its commissioning event, so the site holds its quantity), so a test can start from a known state without
     * depending on other tests' data.
     */
    public static Batch batch(String gtin, String gln, String lotPrefix, String quantity, Unit unit) {
        return read(() -> {
            Product product = Product.findByGtin(gtin).orElseThrow();
            BatchForm form = new BatchForm();
            form.productId = product.id.toString();
            form.lot = lotPrefix + Browser.unique(8);
            form.siteId = Site.findByGln(gln).orElseThrow().id.toString();
            form.productionDate = LocalDate.now().toString();
            form.quantity = quantity;
            form.unit = unit.name();
            return Arc.container().instance(BatchService.class).get().create(product.organization, form);
        });
    }

    /**
     * The farm ships {@code quantity} of a wheat lot from its fields to the bakery's plant with ColdLink, through
     * the shipment service, and the shipment departs; returns its id.
     */
    public static long shipWheatToBakery(Batch wheat, String quantity) {
        return read(() -> {
            ShipmentForm form = new ShipmentForm();
            form.carrierId = Organization.findByCode(CARRIER).orElseThrow().id.toString();
            form.originSiteId = Site.findByGln(FIELDS_GLN).orElseThrow().id.toString();
            form.destinationSiteId = Site.findByGln(BAKERY_PLANT_GLN).orElseThrow().id.toString();
            form.batchId = List.of(wheat.id.toString());
            form.quantity = List.of(quantity);
            Organization farm = Organization.findByCode(FARM).orElseThrow();
            ShipmentService shipments = Arc.container().instance(ShipmentService.class).get();
            long shipment = shipments.create(farm, form).id;
            shipments.depart(farm, shipment);
            return shipment;
        });
    }

    /** How much of a lot a site holds now, in the unit {@code uom}. */
    public static BigDecimal stockAt(Batch batch, String gln, String uom) {
        return read(() -> new Measure(Stock.at(batch.lotLink(), gln), Measure.baseUnit(uom)).in(uom));
    }

    /** Where a lot is now. */
    public static Whereabouts whereabouts(Batch batch) {
        return read(() -> {
            Batch stored = Batch.findById(batch.id);
            return Whereabouts.of(stored.lotLink(), stored.owner());
        });
    }

    /** The lot of the demo's bread batch. */
    public static String breadLot() {
        return read(() -> Batch.<Batch>find("product.gtin", BREAD_GTIN).firstResult().lot);
    }

    /**
     * Records a new wheat lot through the farm's batch form (the test runs as alice), with its commissioning
     * event; returns the lot.
     */
    public static String recordWheatLot(String lotPrefix) {
        long wheat = read(() -> Product.findByGtin(WHEAT_GTIN).orElseThrow().id);
        long fields = read(() -> Site.findByGln(FIELDS_GLN).orElseThrow().id);
        String lot = lotPrefix + Browser.unique(8);
        Browser.open("/batches/new").submit()
                .formParam("productId", wheat).formParam("lot", lot).formParam("siteId", fields)
                .formParam("productionDate", LocalDate.now().minusDays(1).toString())
                .formParam("quantity", "12").formParam("unit", "TNE")
                .post("/batches").then().statusCode(303);
        return lot;
    }

    /** Runs {@code query} in its own transaction: tests read what the application committed. */
    public static <T> T read(Supplier<T> query) {
        return QuarkusTransaction.requiringNew().call(query::get);
    }
}
