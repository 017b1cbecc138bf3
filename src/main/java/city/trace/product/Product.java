package city.trace.product;

import java.time.Instant;
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

    public boolean belongsTo(Organization org) {
        return organization.id.equals(org.id);
    }
}
