package city.trace.access;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import city.trace.anchor.Outbox;
import city.trace.merkle.Bytes32;
import city.trace.org.CurrentMember;
import city.trace.org.Organization;
import city.trace.proof.Outcome;
import city.trace.verify.Verification;
import city.trace.verify.Verifier;
import io.vertx.core.http.HttpServerRequest;

/**
 * Appends to the access log and reads it back verified. Each entry is chained to the one before by its hash and
 * anchored in the events' next round, so an entry changed, removed or slipped in behind the app's back is found.
 */
@ApplicationScoped
public class AccessLog {

    /** The kind of anchored record an entry is. */
    static final String RECORD_KIND = "access-log";
    /** Key of the advisory lock held while appending: entries chain in the order they commit. */
    private static final long APPEND_LOCK = 0x6163636573736c6fL;
    private static final byte[] NO_PREVIOUS = new byte[Bytes32.LENGTH];

    /** An entry as a page shows it: who (and for whom), and what the verifier found of it. */
    public record Shown(AccessEntry entry, String organization, List<String> organizations, Verification verification) {
    }

    /**
     * A page of entries, newest first, as one viewer sees them.
     *
     * @param organizationId the viewer's organisation, whose entries and records the page holds; null when the
     *                       consortium admin sees every entry
     */
    public record Page(List<Shown> entries, Long organizationId) {
    }

    @Inject
    Outbox outbox;

    @Inject
    CurrentMember member;

    @Inject
    HttpServerRequest request;

    @Inject
    Verifier verifier;

    /**
     * Records what the signed-in member asked (the request's path and query) and how much the answer held.
     *
     * @param owners the names of the members whose records the answer held
     */
    @Transactional
    public void record(AccessAction action, int resultSize, Collection<String> owners) {
        AccessEntry.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(" + APPEND_LOCK + ")")
                .getSingleResult();
        AccessEntry last = AccessEntry.findLast();
        AccessEntry entry = new AccessEntry();
        entry.at = Instant.now().truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it, so the hash recomputes
        entry.username = member.getUsername();
        entry.organizationId = member.getOrganizationIfAny().map(org -> org.id).orElse(null);
        entry.role = member.isRegulator() ? CurrentMember.REGULATOR
                : member.isManufacturer() ? CurrentMember.MANUFACTURER : CurrentMember.CONSORTIUM_ADMIN;
        entry.action = action;
        entry.subject = request.uri();
        entry.resultSize = resultSize;
        entry.organizationIds = new HashSet<>(Organization.idsByName(owners));
        entry.previous = last == null ? NO_PREVIOUS : last.hash;
        entry.hash = entry.computeHash();
        entry.persist();
        outbox.enqueueRecord(RECORD_KIND, entry.id, entry.hash);
    }

    /**
     * A page of the log, newest first, each entry verified: its fields against its hash, its hash against the
     * entry after its predecessor (a removed entry breaks the chain), and against its anchored root on the chain.
     * The consortium admin sees every entry; others what their organisation did and what touched its records.
     */
    @Transactional
    public Page page(Long before, int size) {
        Long organizationId = member.isConsortiumAdmin() ? null
                : member.getOrganizationIfAny().map(org -> org.id).orElse(null);
        List<AccessEntry> entries = member.isConsortiumAdmin() ? AccessEntry.listNewest(before, size)
                : organizationId == null ? List.of() : AccessEntry.listConcerning(organizationId, before, size);
        Map<Long, byte[]> predecessors = predecessorHashes(entries);
        Map<Long, Bytes32> recomputed = new LinkedHashMap<>();
        entries.forEach(entry -> recomputed.put(entry.id, Bytes32.of(entry.computeHash())));
        Map<Long, Verification> anchored = verifier.verifyRecords(RECORD_KIND, recomputed);
        Map<Long, String> names = Organization.namesById();
        return new Page(entries.stream().map(entry -> new Shown(entry, names.get(entry.organizationId),
                entry.organizationIds.stream().map(names::get).sorted().toList(),
                verification(entry, recomputed.get(entry.id), predecessors.get(entry.id), anchored.get(entry.id))))
                .toList(), organizationId);
    }

    private static Verification verification(AccessEntry entry, Bytes32 recomputed, byte[] predecessor,
            Verification anchored) {
        if (!Arrays.equals(recomputed.toByteArray(), entry.hash)) {
            return Verification.of(Outcome.TAMPERED, "the entry no longer matches its hash");
        }
        if (!Arrays.equals(predecessor == null ? NO_PREVIOUS : predecessor, entry.previous)) {
            return Verification.of(Outcome.TAMPERED, "the entry before it was removed, changed or slipped in");
        }
        return anchored;
    }

    /** The hash of the entry just before each one (by id), in one query; none for the first entry. */
    @SuppressWarnings("unchecked")
    private static Map<Long, byte[]> predecessorHashes(List<AccessEntry> entries) {
        Map<Long, byte[]> hashes = new LinkedHashMap<>();
        if (entries.isEmpty()) {
            return hashes;
        }
        List<Object[]> rows = AccessEntry.getEntityManager().createNativeQuery("""
                select e.id, (select p.hash from access_log p where p.id < e.id order by p.id desc limit 1)
                from access_log e where e.id = any(?1)""").setParameter(1, entries.stream().map(e -> e.id)
                .toArray(Long[]::new)).getResultList();
        rows.forEach(row -> hashes.put(((Number) row[0]).longValue(), (byte[]) row[1]));
        return hashes;
    }
}
