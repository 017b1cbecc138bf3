package city.trace.site;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import city.trace.org.Organization;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** A physical location of an organisation (field, plant, depot, shop), identified by its GLN. */
@Entity
public class Site extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Organization organization;

    public String gln;

    public String name;

    public String address;

    public String city;

    public BigDecimal latitude;

    public BigDecimal longitude;

    public Instant createdAt = Instant.now();

    public static List<Site> listByOrganization(Organization organization) {
        return list("organization", Sort.by("name"), organization);
    }

    public static Optional<Site> findByGln(String gln) {
        return find("gln", gln).firstResultOptional();
    }

    /**
     * The sites with these GLNs, in one query (native, with one array parameter: an HQL "in" list is translated
     * anew for every length); their organisations come from the session when they were read before.
     */
    @SuppressWarnings("unchecked")
    public static List<Site> listByGln(Collection<String> glns) {
        return getEntityManager().createNativeQuery("select * from site where gln = any(?1)", Site.class)
                .setParameter(1, glns.toArray(String[]::new)).getResultList();
    }

    /** The sites whose name contains {@code part} (any case), or in {@code city} (any case); null means any. */
    public static List<Site> listByNameAndCity(String part, String city) {
        return list("(?1 = '' or locate(?1, lower(name)) > 0) and (?2 = '' or lower(city) = ?2)",
                part == null ? "" : part.toLowerCase(), city == null ? "" : city.toLowerCase());
    }

    /** Every site, with its organisation, for choosing a shipment's destination. */
    public static List<Site> listAllWithOrganization() {
        return find("from Site s join fetch s.organization o order by o.name, s.name").list();
    }

    public boolean belongsTo(Organization org) {
        return organization.id.equals(org.id);
    }
}
