package city.trace.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import city.trace.batch.Batch;
import city.trace.batch.BatchService;
import city.trace.device.ColdChainForm;
import city.trace.device.ColdChainRequirements;
import city.trace.device.DeviceRegistry;
import city.trace.device.ReadingIntake;
import city.trace.gs1.CheckDigit;
import city.trace.gs1.DigitalLink;
import city.trace.org.Organization;
import city.trace.org.Organization.Kind;
import city.trace.org.OrganizationService;
import city.trace.org.OrganizationService.Registration;
import city.trace.process.ProcessForm;
import city.trace.process.ProcessService;
import city.trace.product.Product;
import city.trace.product.ProductForm;
import city.trace.product.ProductService;
import city.trace.shipment.Shipment;
import city.trace.shipment.ShipmentForm;
import city.trace.shipment.ShipmentService;
import city.trace.site.Site;
import city.trace.site.SiteService;
import city.trace.site.SiteService.Location;
import io.quarkus.runtime.StartupEvent;

/**
 * A small industrial chain across two cities, recorded through the application's own services on the
 * first start with {@code citytrace.demo.enabled=true}: a wheat farm and a dairy farm near Groningen supply
 * a mill and bakery there; a cold-chain carrier brings the bread to a market in Rotterdam, where the city's
 * food safety office watches. The day's work is recorded as it happened over the eight hours before the seeding,
 * with the carrier's thermometers signing the temperature of the milk's and the bread's trips. All of it is one transaction, so a second start finds it complete or absent.
 */
@ApplicationScoped
@Named("demo")
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    /** The first member created; its presence means the demo was seeded. */
    static final String MARKER = "korenaar-farm";
    /** Key of the advisory lock held while seeding. */
    private static final long SEED_LOCK = 0x6369747964656d6fL;
    private static final String BAKERY = "noorderlicht-bakery";
    private static final String BREAD = "Milk bread loaf 800 g";

    @Inject
    OrganizationService organizations;
    @Inject
    SiteService sites;
    @Inject
    ProductService products;
    @Inject
    BatchService batches;
    @Inject
    ShipmentService shipments;
    @Inject
    ProcessService processes;
    @Inject
    DeviceRegistry devices;
    @Inject
    ReadingIntake readings;
    @Inject
    ColdChainRequirements requirements;

    void onStart(@Observes StartupEvent start, @ConfigProperty(name = "citytrace.demo.enabled") boolean enabled) {
        if (enabled) {
            seed();
        }
    }

    @Transactional
    public void seed() {
        // instances started at once on one empty database: one seeds, the others wait and find it done
        Organization.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(" + SEED_LOCK + ")")
                .getSingleResult();
        if (Organization.findByCode(MARKER).isPresent()) {
            return;
        }
        // Chain accounts: the ones their dev keys derive to (organisation i: anvil's well-known dev account i, see
        // AnchorKeys); the anchoring worker keeps them true to the keys it uses.
        Organization farm = member("korenaar-farm", "De Korenaar Farm", Kind.FARM, "8712345", "Groningen",
                "0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
        Organization dairy = member("zonneweide-dairy", "Zonneweide Dairy", Kind.FARM, "8712346", "Groningen",
                "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC");
        Organization bakery = member(BAKERY, "Noorderlicht Mill & Bakery", Kind.FACTORY, "8712347",
                "Groningen", "0x90F79bf6EB2c4f870365E785982E1f101E93b906");
        Organization carrier = member("coldlink-logistics", "ColdLink Logistics", Kind.CARRIER, "8712348", "Rotterdam",
                "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65");
        Organization market = member("stadsmarkt-rotterdam", "Stadsmarkt Rotterdam", Kind.RETAILER, "8712349",
                "Rotterdam", "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc");
        Organization office = member("food-safety-office", "City Food Safety Office", Kind.REGULATOR, "8712350",
                "Rotterdam", "0x976EA74026E726554dB657fA54763abd0C3a0aa9");

        Site fields = site(farm, "Korenaar wheat fields", "Hoofdweg 12", "Groningen", "53.285000", "6.645000");
        Site parlour = site(dairy, "Zonneweide milking parlour", "Dijkstraat 4", "Groningen", "53.311000", "6.523000");
        Site plant = site(bakery, "Noorderlicht mill and bakery", "Industrieweg 30", "Groningen", "53.226000", "6.596000");
        site(carrier, "ColdLink cross-dock Rotterdam", "Waalhaven Zuidzijde 51", "Rotterdam", "51.887000", "4.442000");
        Site shop = site(market, "Stadsmarkt Centrum", "Binnenrotte 101", "Rotterdam", "51.921000", "4.488000");
        site(office, "Food Safety Office", "Coolsingel 40", "Rotterdam", "51.922500", "4.479200");

        Product wheat = product(farm, "Winter wheat, bulk", "Grain", "Baking wheat, harvested and dried on the farm");
        Product milk = product(dairy, "Raw whole milk", "Dairy", "Cooled raw milk from the farm's own herd");
        Product flour = product(bakery, "Stoneground wheat flour", "Flour", "Wholemeal flour milled from local wheat");
        Product bread = product(bakery, BREAD, "Bakery", "Made with Korenaar flour and Zonneweide milk");
        Product rolls = product(bakery, "Wholemeal rolls, 6 pack", "Bakery", "Made with Korenaar flour and Zonneweide milk");

        // the bread must be kept chilled on its way, the raw milk colder still
        requirement(bakery, bread.gtin, null, "2", "8", "30");
        requirement(dairy, null, "Dairy", "1", "6", "15");
        DemoThermometer truck = DemoThermometer.register(devices, carrier, "ColdLink-T1", "TL20-0001");
        DemoThermometer tanker = DemoThermometer.register(devices, carrier, "ColdLink-T2", "TL20-0002");

        // the day's work, recorded as it happened over the last eight hours
        Instant start = Instant.now().minus(Duration.ofHours(8)).truncatedTo(ChronoUnit.MINUTES);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Batch wheatLot = batches.create(farm, batchForm(wheat, "W" + today.minusDays(110).getYear() + "-07", fields,
                today.minusDays(110), null, "24", "TNE"), start);
        Batch milkLot = batches.create(dairy, batchForm(milk, "M" + compact(today.minusDays(4)), parlour,
                today.minusDays(4), today.plusDays(3), "3000", "LTR"), minutes(start, 10));
        deliver(farm, carrier, fields, plant, wheatLot, "24", minutes(start, 20), minutes(start, 80), null);
        // the milk tanker's cooling fails for 25 minutes on the way: more than the milk tolerates
        Shipment milkTrip = depart(dairy, carrier, tanker.vehicle(), parlour, plant, milkLot, "3000", minutes(start, 30));
        tanker.trip(readings, minutes(start, 30), minutes(start, 90), 3.5, minutes(start, 50), Duration.ofMinutes(25), 8.5);
        shipments.arrive(plant.organization, milkTrip.id, minutes(start, 90));

        Batch flourLot = process(bakery, Map.of(wheatLot, "24"), batchForm(flour, "F" + compact(today.minusDays(3)),
                plant, today.minusDays(3), today.plusDays(180), "18000", "KGM"), minutes(start, 120));
        Batch breadLot = process(bakery, Map.of(flourLot, "1000", milkLot, "600"), batchForm(bread,
                "B" + compact(today.minusDays(2)), plant, today.minusDays(2), today.plusDays(4), "2400", "H87"),
                minutes(start, 150));
        // ColdLink's truck brings the bread to Rotterdam, its thermometer signing every reading
        Shipment breadTrip = depart(bakery, carrier, truck.vehicle(), plant, shop, breadLot, "1200", minutes(start, 180));
        truck.trip(readings, minutes(start, 180), minutes(start, 300), 4.5, null, null, 0);
        shipments.arrive(shop.organization, breadTrip.id, minutes(start, 300));
        // a second harvest, milled apart, and rolls of it with the same milk: a trace worth drawing
        Batch secondWheat = batches.create(farm, batchForm(wheat, "W" + today.minusDays(80).getYear() + "-08", fields,
                today.minusDays(80), null, "12", "TNE"), minutes(start, 310));
        deliver(farm, carrier, fields, plant, secondWheat, "12", minutes(start, 320), minutes(start, 360), null);
        Batch secondFlour = process(bakery, Map.of(secondWheat, "12"), batchForm(flour, "F" + compact(today.minusDays(2)),
                plant, today.minusDays(2), today.plusDays(180), "9000", "KGM"), minutes(start, 390));
        Batch rollsLot = process(bakery, Map.of(secondFlour, "500", milkLot, "300"), batchForm(rolls,
                "R" + compact(today.minusDays(1)), plant, today.minusDays(1), today.plusDays(3), "1200", "H87"),
                minutes(start, 420));
        deliver(bakery, carrier, plant, shop, rollsLot, "600", minutes(start, 435), minutes(start, 465), null);
        LOG.info("Demo supply chain seeded: 6 members, 5 products, 7 batches (4 from processing), 5 shipments, "
                + "2 thermometers with signed temperature records (the milk's with an excursion)");
    }

    /**
     * The public page of the demo's bread lot, for the landing page's "see an example": the first lot recorded of
     * the demo bakery's bread. Null where the demo was never seeded (templates read {@code inject:demo.breadLotPath}).
     */
    public String breadLotPath() {
        return Organization.findByCode(BAKERY)
                .flatMap(bakery -> Product.find("organization = ?1 and name = ?2", bakery, BREAD)
                        .<Product>firstResultOptional())
                .flatMap(bread -> Batch.find("product = ?1 order by id", bread).<Batch>firstResultOptional())
                .map(lot -> DigitalLink.lot(lot.product.gtin, lot.lot).path())
                .orElse(null);
    }

    private Organization member(String code, String name, Kind kind, String prefix, String city, String address) {
        return organizations.register(new Registration(code, name, kind, prefix, city, address));
    }

    private Site site(Organization org, String name, String address, String city, String lat, String lon) {
        long existing = Site.count("organization", org);
        String gln = CheckDigit.append(org.gs1CompanyPrefix + "%05d".formatted(existing + 1));
        return sites.add(org, new Location(gln, name, address, city, new BigDecimal(lat), new BigDecimal(lon)));
    }

    private Product product(Organization org, String name, String category, String description) {
        long existing = Product.count("organization", org);
        ProductForm form = new ProductForm();
        form.gtin = CheckDigit.append("0" + org.gs1CompanyPrefix + "%05d".formatted(existing + 1));
        form.name = name;
        form.category = category;
        form.description = description;
        return products.create(org, form);
    }

    private Batch process(Organization org, Map<Batch, String> inputs, ProcessForm form, Instant at) {
        inputs.forEach((batch, quantity) -> {
            form.inputBatchId.add(batch.id.toString());
            form.inputQuantity.add(quantity);
        });
        return processes.transform(org, form, at);
    }

    private void requirement(Organization owner, String gtin, String category, String min, String max,
            String toleratedMinutes) {
        ColdChainForm form = new ColdChainForm();
        form.product = gtin;
        form.category = category;
        form.minCelsius = min;
        form.maxCelsius = max;
        form.toleratedMinutes = toleratedMinutes;
        requirements.set(owner, form);
    }

    private static Instant minutes(Instant start, long minutes) {
        return start.plus(Duration.ofMinutes(minutes));
    }

    /** The form of a batch; a ProcessForm so that it can also be a processing step's output. */
    private static ProcessForm batchForm(Product product, String lot, Site site, LocalDate produced,
            LocalDate bestBefore, String quantity, String unit) {
        ProcessForm form = new ProcessForm();
        form.productId = product.id.toString();
        form.lot = lot;
        form.siteId = site.id.toString();
        form.productionDate = produced.toString();
        form.bestBefore = bestBefore == null ? null : bestBefore.toString();
        form.quantity = quantity;
        form.unit = unit;
        return form;
    }

    private void deliver(Organization shipper, Organization carrier, Site from, Site to, Batch batch, String quantity,
            Instant departs, Instant arrives, String vehicle) {
        shipments.arrive(to.organization, depart(shipper, carrier, vehicle, from, to, batch, quantity, departs).id, arrives);
    }

    /** A shipment planned by the shipper and departed with the carrier (in {@code vehicle}, if named). */
    private Shipment depart(Organization shipper, Organization carrier, String vehicle, Site from, Site to, Batch batch,
            String quantity, Instant departs) {
        ShipmentForm form = new ShipmentForm();
        form.carrierId = carrier.id.toString();
        form.originSiteId = from.id.toString();
        form.destinationSiteId = to.id.toString();
        form.batchId = List.of(batch.id.toString());
        form.quantity = List.of(quantity);
        Shipment shipment = shipments.create(shipper, form);
        return shipments.depart(carrier, shipment.id, vehicle, departs);
    }

    private static String compact(LocalDate date) {
        return date.toString().replace("-", "");
    }
}
