package city.trace.product;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/** A trade item an organisation makes or grows, identified by its GTIN-14. */
@Entity
public class Product extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Organization organization;

    public String gtin;

    public String name;

    public String category;

    public String description;

    public Instant createdAt = Instant.now();

    public Instant updatedAt = Instant.now();

    public static List<Product> listByOrganization(Organization organization) {
        return list("organization", Sort.by("name"), organization);
    }

    public static Optional<Product> findByGtin(String gtin) {
        return find("gtin", gtin).firstResultOptional();
    }

    /** The names of the products with these GTINs, by GTIN, in one query (those unknown are left out). */
    @SuppressWarnings("unchecked")
    public static Map<String, String> namesByGtin(Collection<String> gtins) {
        Map<String, String> names = new HashMap<>();
        if (!gtins.isEmpty()) {
            ((List<Object[]>) getEntityManager().createNativeQuery("select gtin, name from product where gtin = any(?1)")
                    .setParameter(1, gtins.toArray(String[]::new)).getResultList())
                    .forEach(row -> names.put((String) row[0], (String) row[1]));
        }
        return names;
    }

    /** The GTINs of the products whose name contains {@code part} (any case), at most {@code limit}. */
    @SuppressWarnings("unchecked")
    public static List<String> gtinsNamed(String part, int limit) {
        return getEntityManager()
                .createNativeQuery("select gtin from product where strpos(lower(name), lower(?1)) > 0 order by gtin limit ?2")
                .setParameter(1, part).setParameter(2, limit).getResultList();
    }

    public boolean belongsTo(Organization org) {
        return organization.id.equals(org.id);
    }
}
