package city.trace.org;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** A consortium member: a farm, factory, carrier, retailer or regulator. */
@Entity
public class Organization extends PanacheEntityBase {

    public enum Kind {
        FARM("Farm"), FACTORY("Factory"), CARRIER("Carrier"), RETAILER("Retailer"), REGULATOR("Regulator");

        public final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Stable short name; the identity provider puts it in the user's token as the "organization" claim. */
    public String code;

    public String name;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "gs1_company_prefix")
    public String gs1CompanyPrefix;

    public String city;

    /** The account this member anchors from on the consortium chain. */
    public String chainAddress;

    public Instant createdAt = Instant.now();

    public static Optional<Organization> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** The member that anchors from this chain account (addresses compare without their checksum's case). */
    public static Optional<Organization> findByChainAddress(String account) {
        return find("lower(chainAddress) = ?1", account.toLowerCase(Locale.ROOT)).firstResultOptional();
    }

    /** The ids of the members with these names (names no member has are left out). */
    public static List<Long> idsByName(Collection<String> names) {
        return names.isEmpty() ? List.of()
                : getEntityManager().createQuery("select o.id from Organization o where o.name in ?1", Long.class)
                        .setParameter(1, names).getResultList();
    }

    /** Every member's name by id: a consortium has tens of members, not thousands. */
    public static Map<Long, String> namesById() {
        return Organization.<Organization>listAll().stream().collect(Collectors.toMap(org -> org.id, org -> org.name));
    }

    public static List<Organization> listByKind(Kind kind) {
        return list("kind", Sort.by("name"), kind);
    }

    public static List<Organization> listAllByName() {
        return listAll(Sort.by("name"));
    }

    public boolean is(Kind k) {
        return kind == k;
    }
}
