package city.trace.epcis;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import city.trace.org.Organization;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A named query of the REST binding: the query's parameters (JSON, as the client gave them) under a name. */
@Entity
@Table(name = "epcis_named_query")
public class NamedQuery extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    /** The "query" object as created: parameter names to a value or a list of values. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String definition;

    /** Whose member created it; null when a regulator did. */
    @ManyToOne(fetch = FetchType.LAZY)
    public Organization organization;

    public String createdBy;

    public Instant createdAt;

    public static Optional<NamedQuery> findByName(String name) {
        return find("name", name).firstResultOptional();
    }

    /** Up to {@code count} queries after {@code afterName}, by name. */
    public static List<NamedQuery> listAfter(String afterName, int count) {
        return find("name > ?1 order by name", afterName).page(0, count).list();
    }
}
