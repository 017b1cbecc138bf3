package city.trace.batch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import org.hibernate.Session;

import city.trace.gs1.DigitalLink;
import city.trace.org.Organization;
import city.trace.product.Product;
import city.trace.site.Site;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A lot of a product made at one site on one day: what the QR code on a package points to. */
@Entity
public class Batch extends PanacheEntityBase {

    /** Whether the lot is recalled; where its quantities are is its stock's (see custody.Whereabouts). */
    public enum Status {
        ACTIVE("Active"), RECALLED("Recalled");

        public final String label;

        Status(String label) {
            this.label = label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Product product;

    public String lot;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Site site;

    public LocalDate productionDate;

    public LocalDate bestBefore;

    public BigDecimal quantity;

    @Enumerated(EnumType.STRING)
    public Unit unit;

    @Enumerated(EnumType.STRING)
    public Status status = Status.ACTIVE;

    public Instant createdAt = Instant.now();

    /** The organisation that made the batch: the product's owner. */
    public Organization owner() {
        return product.organization;
    }

    public boolean ownedBy(Organization org) {
        return product.belongsTo(org);
    }

    public static Optional<Batch> findByProductAndLot(Product product, String lot) {
        return find("product = ?1 and lot = ?2", product, lot).firstResultOptional();
    }

    public static List<Batch> listRecentByOrganization(Organization org, int limit) {
        return find("from Batch b join fetch b.product p join fetch b.site where p.organization = ?1 "
                + "order by b.createdAt desc, b.id desc", org).page(0, limit).list();
    }

    /** The newest batches of every organisation, for regulators. */
    public static List<Batch> listRecent(int limit) {
        return find("from Batch b join fetch b.product p join fetch p.organization join fetch b.site "
                + "order by b.createdAt desc, b.id desc").page(0, limit).list();
    }

    /** The batches of these lots (canonical Digital Links), by lot link; lots no batch is registered for are absent. */
    public static Map<String, Batch> byLotLinks(Collection<String> links) {
        Map<String, Long> ids = idsByLotLinks(links);
        // loaded by their ids in one statement with an array parameter, that the JDBC driver prepares once: a query
        // for entities by a list (in HQL or native SQL with its joins) is planned anew at every call; their products
        // and sites are fetched when used, a batch of them at a time
        Map<Long, Batch> byId = new HashMap<>();
        getEntityManager().unwrap(Session.class).byMultipleIds(Batch.class).multiLoad(List.copyOf(ids.values()))
                .stream().filter(Objects::nonNull).forEach(batch -> byId.put(batch.id, batch));
        Map<String, Batch> batches = new HashMap<>();
        ids.forEach((link, id) -> Optional.ofNullable(byId.get(id)).ifPresent(batch -> batches.put(link, batch)));
        return batches;
    }

    /** The same as ids only, for callers that need no more of the batch (no entities loaded). */
    public static Map<String, Long> idsByLotLinks(Collection<String> links) {
        Map<String, Long> ids = new HashMap<>();
        LotKeys keys = new LotKeys(links);
        if (!keys.isEmpty()) {
            // SQL with array parameters: an HQL "in" list is translated anew for every execution
            @SuppressWarnings("unchecked")
            List<Object[]> rows = getEntityManager().createNativeQuery("select b.id, p.gtin, b.lot from batch b "
                    + "join product p on p.id = b.product_id where p.gtin = any(?1) and b.lot = any(?2)")
                    .setParameter(1, keys.gtins().toArray(String[]::new)).setParameter(2, keys.lots().toArray(String[]::new))
                    .getResultList();
            rows.forEach(row -> keys.link((String) row[1], (String) row[2])
                    .ifPresent(link -> ids.put(link, ((Number) row[0]).longValue())));
        }
        return ids;
    }

    /** Lot links by GTIN and lot: queried by both, since a product may have thousands of lots of which a few are asked for. */
    private static final class LotKeys {
        private final Map<String, String> linkByKey = new HashMap<>();

        LotKeys(Collection<String> links) {
            for (String link : links) {
                DigitalLink.parseLot(link).ifPresent(lot -> linkByKey.put(key(lot.keyValue(), lot.qualifier("10").orElseThrow()), link));
            }
        }

        boolean isEmpty() {
            return linkByKey.isEmpty();
        }

        List<String> gtins() {
            return linkByKey.keySet().stream().map(key -> key.substring(0, key.indexOf('|'))).distinct().toList();
        }

        List<String> lots() {
            return linkByKey.keySet().stream().map(key -> key.substring(key.indexOf('|') + 1)).distinct().toList();
        }

        Optional<String> link(String gtin, String lot) {
            return Optional.ofNullable(linkByKey.get(key(gtin, lot)));
        }

        private static String key(String gtin, String lot) {
            return gtin + "|" + lot;
        }
    }

    /**
     * Marks the registered batches of these lots recalled (their recall events are recorded); an update, not a
     * change of loaded entities, which a read-only session would not write.
     */
    public static void markRecalled(Collection<String> lotLinks) {
        List<Long> ids = List.copyOf(idsByLotLinks(lotLinks).values());
        if (!ids.isEmpty()) {
            update("status = ?1 where id in ?2", Status.RECALLED, ids);
        }
    }

    /** The lot links of the batches with this lot, of any product or of one of {@code gtins} when given. */
    public static List<String> lotLinksOfLot(String lot, List<String> gtins) {
        List<Batch> batches = gtins == null ? list("from Batch b join fetch b.product where b.lot = ?1", lot)
                : list("from Batch b join fetch b.product p where b.lot = ?1 and p.gtin in ?2", lot, gtins);
        return batches.stream().map(Batch::lotLink).toList();
    }

    /** The lot links of every recalled batch (few: the partial index batch_recalled_idx lists them). */
    public static List<String> recalledLotLinks() {
        return Batch.<Batch>list("from Batch b join fetch b.product where b.status = ?1", Status.RECALLED).stream()
                .map(Batch::lotLink).toList();
    }

    /** The lot's GS1 Digital Link: /01/{gtin}/10/{lot}. */
    public DigitalLink digitalLink() {
        return DigitalLink.lot(product.gtin, lot);
    }

    /** The lot's identifier in events: its class as canonical GS1 Digital Link. */
    public String lotLink() {
        return digitalLink().toUri();
    }
}
