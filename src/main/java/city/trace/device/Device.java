package city.trace.device;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import org.hibernate.annotations.DynamicUpdate;

import city.trace.org.CurrentMember;
import city.trace.org.Organization;
import city.trace.site.Site;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A sensor an organisation registered with its public key: its signed readings speak for it. Registering and
 * retiring it are anchored events of its organisation, so who vouched for which key is provable.
 */
@Entity
// an update writes the changed columns only: a batch of readings moves last_counter alone, and naming the others
// would move the page epoch (V18's trigger), so every batch would rebuild every kept page and wait on that one row
@DynamicUpdate
public class Device extends PanacheEntityBase {

    /** Whether the device's readings are taken: a suspended one may come back, a retired one does not. */
    public enum Status {
        ACTIVE, SUSPENDED, RETIRED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Organization organization;

    /** A GIAI Digital Link or another absolute URI: the deviceID of its readings' sensor elements. */
    public String identifier;

    public String kind;

    public String model;

    /** Where it sits: one of its organisation's sites, or else a vehicle. */
    @ManyToOne(fetch = FetchType.LAZY)
    public Site site;

    public String vehicle;

    /** PEM SubjectPublicKeyInfo: the only form of the key CityTrace holds. */
    public String publicKey;

    /** The JWS algorithm of the key: ES256 or EdDSA. */
    public String keyAlgorithm;

    /** RFC 7638 JWK thumbprint of the key. */
    public String keyThumbprint;

    @Enumerated(EnumType.STRING)
    public Status status = Status.ACTIVE;

    /** The counter of the last batch taken. */
    public long lastCounter;

    public Instant registeredAt;

    public String registeredBy;

    /** The eventID of the anchored event that registered the device and its key. */
    public String registrationEventId;

    public Instant retiredAt;

    public String retirementEventId;

    public String placement() {
        return site != null ? site.name + ", " + site.city : "vehicle " + vehicle;
    }

    /** Whether {@code member} may open this device's page: its owner, a regulator or the consortium admin. */
    public boolean visibleTo(CurrentMember member) {
        return member.isConsortiumAdmin() || member.isRegulator()
                || member.getOrganizationIfAny().filter(org -> org.id.equals(organization.id)).isPresent();
    }

    public static List<Device> listByOrganization(Organization org) {
        return find("from Device d left join fetch d.site where d.organization = ?1 order by d.status, d.identifier", org)
                .list();
    }

    /** These devices, by SQL with an array parameter: an HQL "in" list is translated anew for every execution. */
    @SuppressWarnings("unchecked")
    public static List<Device> listByIds(Collection<Long> ids) {
        return getEntityManager().createNativeQuery("select * from device where id = any(?1)", Device.class)
                .setParameter(1, ids.toArray(Long[]::new)).getResultList();
    }

    public static List<Device> listAll() {
        return find("from Device d join fetch d.organization left join fetch d.site order by d.organization.name, "
                + "d.status, d.identifier").list();
    }

    /** The device in service (active or suspended) with this identifier. */
    public static Optional<Device> findInService(String identifier) {
        return find("identifier = ?1 and status <> ?2", identifier, Status.RETIRED).firstResultOptional();
    }

    /** Whether an event registered or retired a device. */
    public static boolean isLifeEvent(String eventId) {
        return count("registrationEventId = ?1 or retirementEventId = ?1", eventId) > 0;
    }

    /** The vehicles an organisation's devices sit in, by name. */
    public static List<String> vehiclesOf(Organization org) {
        return find("select distinct d.vehicle from Device d where d.organization = ?1 and d.vehicle is not null "
                + "and d.status <> ?2 order by d.vehicle", org, Status.RETIRED).project(String.class).list();
    }
}
