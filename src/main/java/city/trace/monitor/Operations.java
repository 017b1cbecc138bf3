package city.trace.monitor;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.web3j.protocol.Web3j;

import city.trace.anchor.AnchorChain;
import city.trace.anchor.Anchorings;
import city.trace.chain.contract.ChainNode;
import city.trace.chain.contract.Member;
import city.trace.chain.contract.ProvenanceRegistry;
import city.trace.chain.contract.TransactionSigner;
import city.trace.epcis.EpcisEvent;
import city.trace.org.Organization;

/** What the consortium admin watches: the integrity sweep, and the anchoring from backlog to chain. */
@ApplicationScoped
public class Operations {

    /** The chain node as this instance reaches it: its chain and newest block, or why it cannot be asked. */
    public record Node(Long chainId, Long blockNumber, String error) {
    }

    /** The registry's current members, {@code threshold} of whom must approve each change of membership. */
    public record Governance(List<Member> members, int threshold) {
    }

    /**
     * @param events         events stored, which a pass of the sweep goes over
     * @param registry       the ProvenanceRegistry contract anchoring roots (null until the chain was reached)
     * @param governance     the registry's members and threshold, who vote on admissions and removals (null when
     *                       they cannot be asked)
     * @param account        this node's own account (it anchors records that are not events), {@code accountIsMember}
     *                       whether the registry lets it
     * @param members        the consortium's members, each anchoring its events from its own account
     * @param waiting        the accounts whose rounds wait for a membership or a key
     */
    public record Overview(SweepProgress sweep, long events, Anchorings.Backlog backlog,
            Optional<Anchorings.AnchoredRound> lastRound, Node node, String registry, Governance governance,
            String account, Boolean accountIsMember, List<Organization> members, List<Anchorings.Waiting> waiting) {

        /** How far this pass has come, 0–100. */
        public long sweepPercent() {
            return events == 0 ? 100 : Math.min(100, sweep.checked * 100 / events);
        }
    }

    @Inject
    Anchorings anchorings;

    @Inject
    AnchorChain chain;

    @Inject
    Web3j web3j;

    @Transactional
    public Overview overview() {
        ProvenanceRegistry registry = chain.registry();
        TransactionSigner signer = chain.signer();
        return new Overview(SweepProgress.current(), EpcisEvent.count(), anchorings.backlog(), anchorings.lastAnchored(),
                node(), registry == null ? null : registry.address(), governance(registry),
                signer == null ? null : signer.address(), isMember(registry, signer), Organization.listAllByName(),
                anchorings.waiting());
    }

    private Node node() {
        try {
            ChainNode node = new ChainNode(web3j);
            return new Node(node.chainId(), node.latestBlockNumber(), null);
        } catch (RuntimeException e) {
            return new Node(null, null, String.valueOf(e.getMessage()));
        }
    }

    private static Governance governance(ProvenanceRegistry registry) {
        try {
            return registry == null ? null : new Governance(registry.members(), registry.threshold());
        } catch (RuntimeException unreachable) {
            return null;
        }
    }

    private static Boolean isMember(ProvenanceRegistry registry, TransactionSigner signer) {
        try {
            return registry == null || signer == null ? null : registry.isMember(signer.address());
        } catch (RuntimeException unreachable) {
            return null;
        }
    }
}
