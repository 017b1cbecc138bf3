package city.trace.dashboard;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import city.trace.anchor.Anchorings;
import city.trace.batch.Batch;
import city.trace.chain.contract.Proposal;
import city.trace.consortium.Consortium;
import city.trace.custody.Whereabouts;
import city.trace.device.ColdChainAlert;
import city.trace.epcis.EpcisCapture;
import city.trace.monitor.Operations;
import city.trace.org.CurrentMember;
import city.trace.org.Organization;
import city.trace.product.Product;
import city.trace.recall.Recall;
import city.trace.shipment.Shipment;
import city.trace.site.Site;
import city.trace.verify.TamperAlert;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The start page after login: the member's organisation at a glance. */
@Path("/dashboard")
@Authenticated
public class DashboardResource {

    private static final int RECENT = 20;
    private static final int RECENT_CAPTURES = 5;

    /** What one dashboard shows; lists are empty where they do not apply to the member. */
    public record Dashboard(Organization organization, List<Site> sites, List<Product> products, List<Batch> batches,
            Map<String, Whereabouts.Status> whereabouts, List<Shipment> shipments, List<Organization> members,
            List<TamperAlert> alerts, Operations.Overview operations, List<Recall> recalls, List<EpcisCapture> captures,
            List<ColdChainAlert> coldChainAlerts, List<Anchorings.Waiting> anchoringWaits,
            List<Proposal> awaitingApproval) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Dashboard dashboard);
    }

    @Inject
    CurrentMember member;

    @Inject
    Operations operations;

    @Inject
    Anchorings anchorings;

    @Inject
    Consortium consortium;

    @GET
    public TemplateInstance dashboard() {
        Organization org = member.getOrganizationIfAny().orElse(null);
        boolean overseer = member.isRegulator() || member.isConsortiumAdmin();
        List<Batch> batches = member.isRegulator() ? Batch.listRecent(RECENT)
                : org == null ? List.of() : Batch.listRecentByOrganization(org, RECENT);
        return Templates.dashboard(new Dashboard(org,
                org == null ? List.of() : Site.listByOrganization(org),
                org == null ? List.of() : Product.listByOrganization(org),
                batches,
                Whereabouts.statuses(batches.stream().collect(Collectors.toMap(Batch::lotLink, b -> b.owner().id))),
                org == null ? List.of() : Shipment.listInvolving(org, RECENT),
                overseer ? Organization.listAllByName() : List.of(),
                member.isConsortiumAdmin() ? TamperAlert.listOpen() : List.of(),
                member.isConsortiumAdmin() ? operations.overview() : null,
                (member.isRegulator() ? Recall.listAll() : org == null ? List.<Recall>of() : Recall.listConcerning(org))
                        .stream().filter(Recall::isOpen).toList(),
                org == null ? List.of() : EpcisCapture.listRecent(org, RECENT_CAPTURES),
                member.isRegulator() ? ColdChainAlert.listRecent(RECENT)
                        : org == null ? List.of() : ColdChainAlert.listConcerning(org, RECENT),
                org == null ? List.of()
                        : anchorings.waiting().stream().filter(w -> org.id.equals(w.organizationId())).toList(),
                consortium.awaitingApprovalOf(member)));
    }
}
