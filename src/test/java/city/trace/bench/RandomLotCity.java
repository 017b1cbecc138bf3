package city.trace.bench;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import com.fasterxml.jackson.databind.node.ObjectNode;

import city.trace.epcis.EpcisEventBuilder;
import city.trace.epcis.validation.EpcisValidator;
import city.trace.gs1.CheckDigit;
import city.trace.gs1.DigitalLink;

/**
 * A generated city for the benchmarks, the same for the same seed, in one of two shapes of about ten events a lot:
 * <ul>
 * <li>{@code chains} (scripts/benchmark-random-lots.sh): farms, factories, carriers and retailers, and lots in
 * chains farm → factory (a transformation of 2–3 farm lots) → carrier's hub → retailers;</li>
 * <li>{@code bakeries} (scripts/benchmark-trace.sh), with the fan-in and fan-out of a real food chain: mills
 * grind 3–4 farms' wheat lots into a flour lot, which feeds {@value #BREAD_PER_FLOUR} bread lots at a bakery;
 * each bread lot is made of a flour lot, a salt lot and a butter lot (a dairy's lot feeds
 * {@value #BREAD_PER_BUTTER}); one salt lot, shipped to the bakeries a portion at a time, goes into
 * {@value #FLOUR_PER_SALT} flour lots' bread ({@value #BREAD_PER_FLOUR} × {@value #FLOUR_PER_SALT} lots: what a
 * recall of it reaches); bread goes to a carrier's hub and on to 1–2 retailers, who sell it.</li>
 * </ul>
 *
 * <p>Every event is one its recorder is entitled to record (city.trace.custody.RecordingRules): a lot is
 * commissioned and transformed by the owner of its GTIN's company prefix at its own site, shipped by the carrier
 * of a shipment (the shipments table names it), received by the destination's owner, observed by whoever holds
 * it. The organisations, sites, products, lots, shipments and events (with their Event Hash IDs and outbox
 * entries, as capture stores them: {@link EventRows}) are written with COPY in one transaction, much faster than
 * capture; a custody rebuild is requested so that the app replays the events through the rules at its next start
 * and rebuilds stock from them, and its anchoring worker anchors them.
 *
 * <p>Arguments: {@code generate jdbcUrl lotPathsFile [lots (10000)] [seed (1)] [shape (chains)]} writes the city
 * and the public page path of every lot, one a line (for bakeries followed by a tab and what the lot is: wheat,
 * flour, salt, butter or bread); {@code await-anchored jdbcUrl [seconds (900)]} waits until every event is in
 * a FINAL anchoring batch; {@code kept-pages jdbcUrl} prints how many public pages the app keeps.
 */
public final class RandomLotCity {

    private static final Instant START = Instant.parse("2026-01-05T06:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final int FARMS = 30;
    private static final int FACTORIES = 12;
    private static final int CARRIERS = 4;
    private static final int RETAILERS = 24;
    private static final int PRODUCTS_PER_FARM = 2;
    private static final int PRODUCTS_PER_FACTORY = 5;
    private static final int EVENTS_PER_COPY = 5_000;
    private static final int DAIRIES = 6;
    private static final int SALT_WORKS = 2;
    private static final int MILLS = 6;
    static final int BREAD_PER_FLOUR = 200;
    static final int FLOUR_PER_SALT = 50;
    static final int BREAD_PER_BUTTER = 50;
    /** Kilograms of flour, salt (a portion shipped with each flour lot) and butter in a bread lot. */
    private static final int FLOUR_PER_BREAD = 50;
    private static final int SALT_PORTION = BREAD_PER_FLOUR + 50;
    private static final int BUTTER_PER_BREAD = 10;

    private record Member(long id, String prefix, Site site) {
    }

    private record Site(long id, String gln) {
    }

    /** @param kind what it is, e.g. "flour" (its category in lower case) */
    private record Product(long id, Member owner, String gtin, String unit, String kind) {
    }

    private record Lot(long id, Product product, String lot, Site site, long quantity, LocalDate produced,
            LocalDate bestBefore) {

        String path() {
            return DigitalLink.lot(product.gtin, lot).path();
        }
    }

    private final Random random;
    private final EpcisValidator validator = new EpcisValidator();
    private final StringBuilder organizations = new StringBuilder();
    private final StringBuilder sites = new StringBuilder();
    private final StringBuilder products = new StringBuilder();
    private final StringBuilder batches = new StringBuilder();
    private final StringBuilder shipments = new StringBuilder();
    private final StringBuilder shipmentItems = new StringBuilder();
    private final EventRows events = new EventRows(Instant.now().toString(), true);
    private final List<Lot> lots = new ArrayList<>();
    private final Connection db;
    private final CopyManager copy;
    private final Shape shape;
    /** Company prefixes from 8720001: apart from the demo's 871234x. */
    private int nextPrefix;
    private long nextOrganization;
    private long nextSite;
    private long nextProduct;
    private long nextBatch;
    private long nextShipment;
    private long nextEvent;
    private int eventCount;
    private int bufferedEvents;

    private RandomLotCity(Connection db, long seed, Shape shape) throws SQLException {
        this.db = db;
        this.shape = shape;
        this.nextPrefix = shape.firstPrefix;
        this.copy = db.unwrap(PGConnection.class).getCopyAPI();
        this.random = new Random(seed);
    }

    /**
     * How a city's lots are linked (see the class comment); each shape's members have their own codes and GS1
     * company prefixes, so that both cities fit in one database.
     */
    private enum Shape {
        CHAINS("city", 8_720_001), BAKERIES("bakeries", 8_730_001);

        final String code;
        final int firstPrefix;

        Shape(String code, int firstPrefix) {
            this.code = code;
            this.firstPrefix = firstPrefix;
        }
    }

    public static void main(String[] args) throws Exception {
        try (Connection db = DriverManager.getConnection(args[1])) {
            switch (args[0]) {
                case "generate" -> generate(db, Path.of(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 10_000,
                        args.length > 4 ? Long.parseLong(args[4]) : 1,
                        args.length > 5 ? Shape.valueOf(args[5].toUpperCase(Locale.ROOT)) : Shape.CHAINS);
                case "await-anchored" -> awaitAnchored(db, Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 900));
                case "kept-pages" -> keptPages(db);
                default -> throw new IllegalArgumentException("unknown command " + args[0]
                        + " (generate jdbcUrl lotPathsFile [lots] [seed] [chains|bakeries], await-anchored jdbcUrl [seconds], or kept-pages jdbcUrl)");
            }
        }
    }

    private static void generate(Connection db, Path lotPaths, int lotCount, long seed, Shape shape) throws Exception {
        if (lotCount < 3) {
            throw new IllegalArgumentException("a city needs at least 3 lots (one chain), not " + lotCount);
        }
        try (ResultSet rs = db.createStatement().executeQuery("select 1 from organization where code = '" + shape.code
                + "-farm-1'")) {
            if (rs.next()) {
                throw new IllegalStateException("this database holds a generated city already (" + shape.code
                        + "); generate into a fresh one");
            }
        }
        db.setAutoCommit(false);
        RandomLotCity city = new RandomLotCity(db, seed, shape);
        long start = System.nanoTime();
        // ids from each table's sequence, more than are needed (a gap in a sequence is harmless)
        int members = FARMS + FACTORIES + CARRIERS + RETAILERS + DAIRIES + SALT_WORKS + MILLS;
        city.nextOrganization = EventRows.reserveIds(db, "organization", members);
        city.nextSite = EventRows.reserveIds(db, "site", members);
        city.nextProduct = EventRows.reserveIds(db, "product", FARMS * PRODUCTS_PER_FARM + FACTORIES * PRODUCTS_PER_FACTORY);
        city.nextBatch = EventRows.reserveIds(db, "batch", lotCount + 10L);
        city.nextShipment = EventRows.reserveIds(db, "shipment", 3L * lotCount);
        city.nextEvent = EventRows.reserveIds(db, "epcis_event", 15L * lotCount);
        if (shape == Shape.CHAINS) {
            city.chains(lotCount);
        } else {
            city.bakeries(lotCount);
        }
        city.flushEvents();
        city.copy("batch (id, product_id, lot, site_id, production_date, best_before, quantity, unit)", city.batches);
        city.copy("shipment (id, shipper_id, carrier_id, origin_site_id, destination_site_id, status, departed_at, "
                + "arrived_at)", city.shipments);
        city.copy("shipment_item (shipment_id, batch_id, quantity)", city.shipmentItems);
        try (var statement = db.createStatement()) {
            statement.execute("insert into custody_rebuild default values");
        }
        db.commit();
        db.setAutoCommit(true);
        try (var statement = db.createStatement()) {
            statement.execute("vacuum analyze");
        }
        Files.write(lotPaths, city.lots.stream()
                .map(lot -> shape == Shape.CHAINS ? lot.path() : lot.path() + "\t" + lot.product().kind()).toList());
        System.out.printf(Locale.ROOT, "Generated %,d lots and %,d events in %.1f s (seed %d, %s)%n", city.lots.size(),
                city.eventCount, (System.nanoTime() - start) / 1e9, seed, shape.name().toLowerCase(Locale.ROOT));
    }

    private void chains(int lotCount) throws SQLException, IOException {
        List<Member> farms = members("FARM", "farm", FARMS, "Farm");
        List<Member> factories = members("FACTORY", "factory", FACTORIES, "Food factory");
        List<Member> carriers = members("CARRIER", "carrier", CARRIERS, "Logistics hub");
        List<Member> retailers = members("RETAILER", "shop", RETAILERS, "Shop");
        List<Product> farmProducts = products(farms, PRODUCTS_PER_FARM, "Produce", "KGM");
        List<Product> factoryProducts = products(factories, PRODUCTS_PER_FACTORY, "Food", "H87");
        copyMembers();
        int chains = 0;
        while (lots.size() < lotCount) {
            int remaining = lotCount - lots.size();
            int inputs = remaining == 3 || remaining == 4 ? remaining - 1 : 2 + random.nextInt(2);
            Instant begin = START.plus(Duration.ofMinutes(7L * chains++));
            chain(begin, pick(factoryProducts), inputs, farmProducts, pick(carriers), retailers);
        }
    }

    private void copyMembers() throws SQLException, IOException {
        copy("organization (id, code, name, kind, gs1_company_prefix, city)", organizations);
        copy("site (id, organization_id, gln, name, address, city, latitude, longitude)", sites);
        copy("product (id, organization_id, gtin, name, category, description)", products);
    }

    /**
     * Bakeries' bread and what it is made of (see the class comment), in the order things happen, so that every
     * event finds what it uses where its recorder holds it: a salt lot, then for each of its flour lots the wheat
     * milled into it, the flour and a portion of the salt shipped to a bakery, then the bread, a butter lot every
     * {@value #BREAD_PER_BUTTER} loaves' lots.
     */
    private void bakeries(int lotCount) throws SQLException, IOException {
        List<Member> farms = members("FARM", "farm", FARMS, "Farm");
        List<Member> dairies = members("FARM", "dairy", DAIRIES, "Dairy");
        List<Member> saltWorks = members("FACTORY", "saltworks", SALT_WORKS, "Salt works");
        List<Member> mills = members("FACTORY", "mill", MILLS, "Mill");
        List<Member> bakeries = members("FACTORY", "bakery", FACTORIES, "Bakery");
        List<Member> carriers = members("CARRIER", "carrier", CARRIERS, "Logistics hub");
        List<Member> retailers = members("RETAILER", "shop", RETAILERS, "Shop");
        List<Product> wheat = products(farms, 1, "Wheat", "KGM");
        List<Product> butter = products(dairies, 1, "Butter", "KGM");
        List<Product> salt = products(saltWorks, 1, "Salt", "KGM");
        List<Product> flour = products(mills, 1, "Flour", "KGM");
        List<Product> bread = products(bakeries, PRODUCTS_PER_FACTORY, "Bread", "H87");
        copyMembers();
        Instant clock = START;
        while (lots.size() < lotCount) {
            Member carrier = pick(carriers);
            Lot saltLot = lot(pick(salt), FLOUR_PER_SALT * SALT_PORTION + 500L, clock, 730);
            made(EpcisEventBuilder.objectEvent("ADD", clock, ZONE).bizStep("commissioning").disposition("active"),
                    saltLot, "quantityList");
            for (int f = 0; f < FLOUR_PER_SALT && lots.size() < lotCount; f++) {
                clock = clock.plus(Duration.ofDays(1));
                Product flourProduct = pick(flour);
                Member mill = flourProduct.owner();
                List<Lot> grains = new ArrayList<>();
                for (int w = 3 + random.nextInt(2); w > 0; w--) {
                    Product grain = pick(wheat);
                    Lot lot = lot(grain, 5000 + random.nextInt(5000), clock, 365);
                    made(EpcisEventBuilder.objectEvent("ADD", clock, ZONE).bizStep("commissioning").disposition("active"),
                            lot, "quantityList");
                    observed(grain.owner(), clock.plus(HOUR), "storing", "sellable_not_accessible", lot, lot.quantity());
                    ship(grain.owner(), carrier, mill, lot, lot.quantity(), clock.plus(HOUR.multipliedBy(2)), false);
                    grains.add(lot);
                }
                Instant milled = clock.plus(HOUR.multipliedBy(8));
                Lot flourLot = lot(flourProduct, BREAD_PER_FLOUR * FLOUR_PER_BREAD + 2000L, milled, 180);
                made(transformation(milled, grains), flourLot, "outputQuantityList");
                Member bakery = pick(bakeries);
                ship(mill, carrier, bakery, flourLot, flourLot.quantity(), milled.plus(HOUR), false);
                ship(saltLot.product().owner(), carrier, bakery, saltLot, SALT_PORTION, milled.plus(HOUR), false);
                Lot butterLot = null;
                Instant baked = milled.plus(HOUR.multipliedBy(8));
                for (int b = 0; b < BREAD_PER_FLOUR && lots.size() < lotCount; b++) {
                    if (b % BREAD_PER_BUTTER == 0) {
                        Product dairyProduct = pick(butter);
                        butterLot = lot(dairyProduct, BREAD_PER_BUTTER * BUTTER_PER_BREAD + 100L, baked, 60);
                        made(EpcisEventBuilder.objectEvent("ADD", baked, ZONE).bizStep("commissioning")
                                .disposition("active"), butterLot, "quantityList");
                        ship(dairyProduct.owner(), carrier, bakery, butterLot, butterLot.quantity(), baked, false);
                    }
                    baked = baked.plus(Duration.ofMinutes(3));
                    Product loaf = bread.get(bakeries.indexOf(bakery) * PRODUCTS_PER_FACTORY
                            + random.nextInt(PRODUCTS_PER_FACTORY));
                    Lot breadLot = lot(loaf, 1000 + random.nextInt(3000), baked, 5);
                    made(transformation(baked, List.of()).quantity("inputQuantityList", flourLot.product().gtin(),
                            flourLot.lot(), BigDecimal.valueOf(FLOUR_PER_BREAD), "KGM")
                            .quantity("inputQuantityList", saltLot.product().gtin(), saltLot.lot(), BigDecimal.ONE, "KGM")
                            .quantity("inputQuantityList", butterLot.product().gtin(), butterLot.lot(),
                                    BigDecimal.valueOf(BUTTER_PER_BREAD), "KGM"), breadLot, "outputQuantityList");
                    ship(bakery, carrier, carrier, breadLot, breadLot.quantity(), baked.plus(HOUR.multipliedBy(6)), false);
                    int shops = 1 + random.nextInt(2);
                    for (int s = 0; s < shops; s++) {
                        ship(carrier, carrier, pick(retailers), breadLot, breadLot.quantity() / (shops + 1),
                                baked.plus(HOUR.multipliedBy(14 + s)), true);
                    }
                }
            }
        }
    }

    /** A transformation of the whole of each input lot (more may be added to it). */
    private static EpcisEventBuilder transformation(Instant at, List<Lot> inputs) {
        EpcisEventBuilder transformation = EpcisEventBuilder.transformationEvent(at, ZONE).bizStep("commissioning")
                .disposition("active");
        inputs.forEach(input -> transformation.quantity("inputQuantityList", input.product().gtin(), input.lot(),
                BigDecimal.valueOf(input.quantity()), input.product().unit()));
        return transformation;
    }

    /**
     * One chain: farm lots commissioned and stored, shipped to the factory, transformed into a lot of the factory's
     * product, which goes to a carrier's hub and on to 2–5 retailers, who sell it.
     */
    private void chain(Instant begin, Product made, int inputCount, List<Product> farmProducts, Member carrier,
            List<Member> retailers) throws SQLException, IOException {
        Member factory = made.owner();
        List<Lot> inputs = new ArrayList<>();
        for (int i = 0; i < inputCount; i++) {
            Product product = pick(farmProducts);
            Member farm = product.owner();
            Instant at = begin.plus(HOUR.multipliedBy(i));
            Lot lot = lot(product, 500 + random.nextInt(2500), at, 365);
            made(EpcisEventBuilder.objectEvent("ADD", at, ZONE).bizStep("commissioning").disposition("active"), lot,
                    "quantityList");
            observed(farm, at.plus(HOUR.multipliedBy(6)), "storing", "sellable_not_accessible", lot, lot.quantity());
            observed(farm, at.plus(HOUR.multipliedBy(30)), "storing", "sellable_not_accessible", lot, lot.quantity());
            ship(farm, carrier, factory, lot, lot.quantity(), at.plus(Duration.ofDays(2)), false);
            inputs.add(lot);
        }
        Instant madeAt = begin.plus(Duration.ofDays(3));
        Lot output = lot(made, 1000 + random.nextInt(3000), madeAt, 30);
        made(transformation(madeAt, inputs), output, "outputQuantityList");
        observed(factory, madeAt.plus(HOUR.multipliedBy(2)), "inspecting", "conformant", output, output.quantity());
        ship(factory, carrier, carrier, output, output.quantity(), madeAt.plus(HOUR.multipliedBy(6)), false);
        observed(carrier, madeAt.plus(HOUR.multipliedBy(14)), "storing", "sellable_not_accessible", output,
                output.quantity());
        int shops = 2 + random.nextInt(4);
        for (int s = 0; s < shops; s++) {
            ship(carrier, carrier, pick(retailers), output, output.quantity() / (shops + 1),
                    madeAt.plus(Duration.ofDays(1)).plus(HOUR.multipliedBy(s)), true);
        }
    }

    /**
     * A shipment of {@code quantity} of a lot from the shipper's site to the receiver's: the carrier records it
     * leaving, the receiver its arrival. To a shop ({@code retail}), the carrier also records it on the way and
     * the shop sells some of it on the two days after.
     */
    private void ship(Member shipper, Member carrier, Member receiver, Lot lot, long quantity, Instant departs,
            boolean retail) throws SQLException, IOException {
        long id = nextShipment++;
        Instant arrives = departs.plus(HOUR.multipliedBy(5));
        shipments.append(EventRows.row(String.valueOf(id), String.valueOf(shipper.id()), String.valueOf(carrier.id()),
                String.valueOf(shipper.site().id()), String.valueOf(receiver.site().id()), "ARRIVED", departs.toString(),
                arrives.toString()));
        shipmentItems.append(EventRows.row(String.valueOf(id), String.valueOf(lot.id()), String.valueOf(quantity)));
        // the despatch advice in the form the app gives its shipments (city.trace.shipment.ShipmentEvents)
        String transaction = "urn:epcglobal:cbv:bt:" + shipper.site().gln() + ":" + id;
        record(carrier, movement(EpcisEventBuilder.objectEvent("OBSERVE", departs, ZONE).bizStep("shipping")
                .disposition("in_transit").readPoint(shipper.site().gln()), lot, quantity, shipper, receiver, transaction));
        if (retail) {
            record(carrier, observe(departs.plus(HOUR.multipliedBy(2)), "transporting", "in_transit")
                    .quantity("quantityList", lot.product().gtin(), lot.lot(), BigDecimal.valueOf(quantity),
                            lot.product().unit()).bizTransaction("desadv", transaction).build());
        }
        record(receiver, movement(EpcisEventBuilder.objectEvent("OBSERVE", arrives, ZONE).bizStep("receiving")
                .disposition("in_progress").readPoint(receiver.site().gln()).bizLocation(receiver.site().gln()), lot,
                quantity, shipper, receiver, transaction));
        if (retail) {
            for (int day = 1; day <= 2; day++) {
                observed(receiver, arrives.plus(Duration.ofDays(day)), "retail_selling", "retail_sold", lot, quantity / 4);
            }
        }
    }

    private static ObjectNode movement(EpcisEventBuilder event, Lot lot, long quantity, Member shipper, Member receiver,
            String transaction) {
        return event.quantity("quantityList", lot.product().gtin(), lot.lot(), BigDecimal.valueOf(quantity),
                lot.product().unit()).sourceLocation(shipper.site().gln()).destinationLocation(receiver.site().gln())
                .bizTransaction("desadv", transaction).build();
    }

    private static EpcisEventBuilder observe(Instant at, String bizStep, String disposition) {
        return EpcisEventBuilder.objectEvent("OBSERVE", at, ZONE).bizStep(bizStep).disposition(disposition);
    }

    /**
     * The owner of a lot's product records making it at the lot's site: the lot with its quantity in {@code list},
     * and its lot master data (ILMD) as the app records them (city.trace.batch.BatchEvents).
     */
    private void made(EpcisEventBuilder event, Lot lot, String list) throws SQLException, IOException {
        event.readPoint(lot.site().gln()).bizLocation(lot.site().gln()).quantity(list, lot.product().gtin(), lot.lot(),
                BigDecimal.valueOf(lot.quantity()), lot.product().unit()).ilmd("cbvmda:lotNumber", lot.lot())
                .ilmd("cbvmda:productionDate", lot.produced().toString())
                .ilmd("cbvmda:bestBeforeDate", lot.bestBefore().toString());
        record(lot.product().owner(), event.build());
    }

    /** {@code recorder} observes a quantity of a lot at its own site. */
    private void observed(Member recorder, Instant at, String bizStep, String disposition, Lot lot, long quantity)
            throws SQLException, IOException {
        record(recorder, observe(at, bizStep, disposition).readPoint(recorder.site().gln())
                .bizLocation(recorder.site().gln()).quantity("quantityList", lot.product().gtin(), lot.lot(),
                        BigDecimal.valueOf(quantity), lot.product().unit()).build());
    }

    private void record(Member recorder, ObjectNode event) throws SQLException, IOException {
        var violations = validator.validateEvent(event, "");
        if (!violations.isEmpty()) {
            throw new IllegalStateException("generated an invalid event " + event + ": " + violations);
        }
        events.add(nextEvent++, event, recorder.id());
        eventCount++;
        if (++bufferedEvents == EVENTS_PER_COPY) {
            flushEvents();
        }
    }

    private void flushEvents() throws SQLException, IOException {
        events.copy(copy);
        bufferedEvents = 0;
    }

    /** A new lot of a product at its owner's site, made at {@code produced}, best before some days later. */
    private Lot lot(Product product, long quantity, Instant produced, int bestBeforeDays) {
        LocalDate day = produced.atZone(ZONE).toLocalDate();
        Lot lot = new Lot(nextBatch++, product, "L%06d".formatted(lots.size() + 1), product.owner().site(), quantity, day,
                day.plusDays(bestBeforeDays));
        batches.append(EventRows.row(String.valueOf(lot.id()), String.valueOf(product.id()), lot.lot(),
                String.valueOf(lot.site().id()), day.toString(), lot.bestBefore().toString(), String.valueOf(quantity),
                product.unit()));
        lots.add(lot);
        return lot;
    }

    /** Members of one kind, each with one site (a farm's fields, a factory, a hub, a shop) in a Dutch city. */
    private List<Member> members(String kind, String code, int count, String siteName) {
        String[] cities = {"Groningen", "Zwolle", "Utrecht", "Rotterdam", "Eindhoven", "Amsterdam"};
        List<Member> members = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            long id = nextOrganization++;
            String prefix = String.valueOf(nextPrefix++);
            String city = cities[random.nextInt(cities.length)];
            organizations.append(EventRows.row(String.valueOf(id), shape.code + "-" + code + "-" + i,
                    "City " + code + " " + i,
                    kind, prefix, city));
            Site site = new Site(nextSite++, CheckDigit.append(prefix + "00001"));
            sites.append(EventRows.row(String.valueOf(site.id()), String.valueOf(id), site.gln(), siteName + " " + i,
                    "Street " + i, city, coordinate(51.5, 53.3), coordinate(4.3, 6.9)));
            members.add(new Member(id, prefix, site));
        }
        return members;
    }

    private List<Product> products(List<Member> owners, int perOwner, String category, String unit) {
        List<Product> made = new ArrayList<>();
        for (Member owner : owners) {
            for (int i = 1; i <= perOwner; i++) {
                Product product = new Product(nextProduct++, owner, CheckDigit.append("0" + owner.prefix() + "%05d".formatted(i)),
                        unit, category.toLowerCase(Locale.ROOT));
                products.append(EventRows.row(String.valueOf(product.id()), String.valueOf(owner.id()), product.gtin(),
                        category + " " + owner.prefix() + "-" + i, category, null));
                made.add(product);
            }
        }
        return made;
    }

    private String coordinate(double from, double to) {
        return String.format(Locale.ROOT, "%.6f", from + random.nextDouble() * (to - from));
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private void copy(String table, StringBuilder rows) throws SQLException, IOException {
        copy.copyIn("copy " + table + " from stdin", new StringReader(rows.toString()));
        rows.setLength(0);
    }

    /** Waits until no event waits in the outbox and every anchoring batch is FINAL. */
    private static void keptPages(Connection db) throws SQLException {
        try (ResultSet rs = db.createStatement().executeQuery("select count(*) from page_snapshot")) {
            rs.next();
            System.out.println(rs.getLong(1));
        }
    }

    private static void awaitAnchored(Connection db, Duration timeout) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (ResultSet rs = db.createStatement().executeQuery("""
                    select (select count(*) from anchor_outbox),
                           (select coalesce(sum(leaf_count), 0) from anchor_round where status <> 'FINAL'),
                           (select count(*) from epcis_event e where not exists
                               (select 1 from anchor_leaf l where l.event_id = e.id))""")) {
                rs.next();
                long waiting = rs.getLong(1);
                long open = rs.getLong(2);
                if (waiting == 0 && open == 0 && rs.getLong(3) == 0) {
                    System.out.println("Every event is anchored in a FINAL batch");
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not anchored after " + timeout.toSeconds() + " s: " + waiting
                            + " events in the outbox, " + open + " in batches not yet FINAL");
                }
                System.out.printf(Locale.ROOT, "Anchoring: %,d events in the outbox, %,d in batches not yet FINAL%n",
                        waiting, open);
            }
            Thread.sleep(2000);
        }
    }
}
