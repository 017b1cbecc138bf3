package city.trace.consortium;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.web3j.crypto.Keys;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import city.trace.anchor.AnchorChain;
import city.trace.chain.contract.ChainRequestException;
import city.trace.chain.contract.ContractRevertException;
import city.trace.chain.contract.Member;
import city.trace.chain.contract.MembershipTerm;
import city.trace.chain.contract.Proposal;
import city.trace.chain.contract.ProvenanceRegistry;
import city.trace.chain.contract.TransactionSigner;
import city.trace.org.CurrentMember;
import city.trace.org.Organization;
import city.trace.org.OrganizationService;
import city.trace.org.OrganizationService.Registration;
import city.trace.web.FormErrors;
import city.trace.web.InvalidFormException;

/**
 * The consortium's self-government as the registry contract holds it: its members, the threshold and the
 * proposals, and the proposals and votes a signed-in member makes. Each is a transaction signed on this node
 * with the key of the member's organisation (the consortium administrator acts for this node's own account,
 * a founding member), so the chain, not the database, says who decided.
 */
@ApplicationScoped
public class Consortium {

    /** Decided proposals shown below the open ones: the newest. */
    private static final int DECIDED_SHOWN = 20;

    @Inject
    AnchorChain chain;

    @Inject
    OrganizationService organizations;

    /** Who the signed-in person votes as: an organisation's account, or this node's. */
    public record Acting(String name, String account, boolean member) {
    }

    /** A current member: its account, the name the registry holds, its organisation here, and its term. */
    public record MemberView(String account, String name, Organization organization, MembershipTerm term) {
    }

    /**
     * A proposal with the names of those who approved it (current members only count), whether the acting
     * account approved it, and whether it already has the approvals to be carried out (the threshold fell).
     */
    public record ProposalView(Proposal proposal, String subject, String proposer, List<String> approvedBy,
            boolean approvedByYou, boolean executable) {

        /** Its row on the page, where a refusal of a vote on it is shown. */
        public String field() {
            return proposalField(proposal.id());
        }
    }

    /** What the consortium page shows; {@code unreachable} says why the rest is empty. */
    public record Overview(Acting acting, List<MemberView> members, int threshold, List<ProposalView> open,
            List<ProposalView> decided, String unreachable) {
    }

    public Overview overview(CurrentMember person) {
        try {
            chain.ensureReady();
            ProvenanceRegistry registry = chain.registry();
            long block = chain.node().latestBlockNumber();
            Instant chainTime = chain.node().blockTime(block);
            Map<String, Organization> organizations = Organization.<Organization>listAll().stream()
                    .filter(org -> org.chainAddress != null)
                    .collect(Collectors.toMap(org -> key(org.chainAddress), Function.identity()));
            List<MemberView> members = registry.members().stream()
                    .map(m -> new MemberView(m.account(), m.name(), organizations.get(key(m.account())),
                            registry.membershipAt(m.account(), block).orElseThrow()))
                    .toList();
            Map<String, String> names = members.stream().collect(Collectors.toMap(m -> key(m.account()), MemberView::name));
            Acting acting = acting(person, registry);
            int threshold = registry.threshold();
            List<ProposalView> open = new ArrayList<>();
            List<ProposalView> decided = new ArrayList<>();
            for (long id = registry.proposalCount(); id > 0; id--) {
                Proposal proposal = registry.proposal(id);
                if (proposal.status() == Proposal.Status.OPEN) {
                    // only current members' approvals count, and only a member acts: the acting one is among them
                    List<MemberView> approvers = members.stream()
                            .filter(m -> registry.hasVoted(proposal.id(), m.account())).toList();
                    open.add(new ProposalView(proposal, subject(proposal, names, registry),
                            nameOf(proposal.proposer(), names, registry),
                            approvers.stream().map(MemberView::name).toList(),
                            approvers.stream().anyMatch(m -> m.account().equalsIgnoreCase(acting.account())),
                            approvers.size() >= threshold));
                } else if (decided.size() < DECIDED_SHOWN) {
                    decided.add(new ProposalView(proposal, subject(proposal, names, registry),
                            nameOf(proposal.proposer(), names, registry), List.of(), false, false));
                } else if (proposal.deadline().isBefore(chainTime)) {
                    // deadlines grow with the ids: every older proposal is closed too, none is left to show
                    break;
                }
            }
            return new Overview(acting, members, threshold, open.reversed(), decided, null);
        } catch (ChainRequestException e) {
            return new Overview(null, List.of(), 0, List.of(), List.of(),
                    "The chain node cannot be reached (" + e.getMessage() + "); try again in a moment.");
        }
    }

    /**
     * The open proposals that the person's organisation (for the consortium admin: this node) has not approved
     * yet, the one closing first first. Empty when it is no member, or when the chain node cannot be reached: a
     * dashboard shows them, and does not fail for them.
     */
    public List<Proposal> awaitingApprovalOf(CurrentMember person) {
        try {
            chain.ensureReady();
            ProvenanceRegistry registry = chain.registry();
            String account = actingAccount(person);
            if (account == null || !registry.isMember(account)) {
                return List.of();
            }
            return registry.openProposals(chain.node().latestBlockTime()).stream()
                    .filter(proposal -> !registry.hasVoted(proposal.id(), account)).toList().reversed();
        } catch (ChainRequestException | IllegalStateException unavailable) {
            return List.of();
        }
    }

    /**
     * Registers the organisation here and proposes its account for admission. Its account is the one given, or
     * the one of its key on this node. Until the members admit it, its events wait to be anchored.
     *
     * @return the proposal's id
     */
    @Transactional
    public long proposeAdmission(CurrentMember person, AdmissionForm form) {
        String given = form.chainAddress == null || form.chainAddress.isBlank() ? null : form.chainAddress.strip();
        Organization org = organizations.register(new Registration(form.code, form.name, form.chosenKind(),
                form.gs1CompanyPrefix, form.city, given));
        if (given == null) {
            try {
                org.chainAddress = chain.accountOf(org);
            } catch (IllegalStateException noKey) {
                throw new InvalidFormException("chainAddress", "Enter the account the organisation anchors from: "
                        + "this node holds no key for it (" + noKey.getMessage() + ")");
            }
        } else {
            org.chainAddress = Keys.toChecksumAddress(given);
        }
        Member candidate = new Member(org.chainAddress, org.name, Member.companyPrefixHash(org.gs1CompanyPrefix));
        TransactionReceipt receipt = send(person, "chainAddress",
                (registry, member, nonce, gas) -> registry.proposeAdmission(member, nonce, gas, candidate));
        return chain.registry().proposalId(receipt);
    }

    /** Proposes to remove the member with this account. */
    public long proposeRemoval(CurrentMember person, String account) {
        if (account == null || !account.matches("0x[0-9a-fA-F]{40}")) {
            throw new InvalidFormException("account", "Choose the member to remove");
        }
        return chain.registry().proposalId(send(person, "account",
                (registry, member, nonce, gas) -> registry.proposeRemoval(member, nonce, gas, account)));
    }

    /** Proposes a new threshold: how many members must approve each admission, removal or threshold change. */
    public long proposeThreshold(CurrentMember person, String text) {
        int threshold;
        try {
            threshold = Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            threshold = 0;
        }
        if (threshold < 1) {
            throw new InvalidFormException("threshold", "Enter how many members must approve: a whole number, 1 or more");
        }
        int proposed = threshold;
        return chain.registry().proposalId(send(person, "threshold",
                (registry, member, nonce, gas) -> registry.proposeThreshold(member, nonce, gas, proposed)));
    }

    /** Approves a proposal; the approval that reaches the threshold carries it out. */
    public void vote(CurrentMember person, long proposalId) {
        send(person, proposalField(proposalId), (registry, member, nonce, gas) -> registry.vote(member, nonce, gas, proposalId));
    }

    /** Carries out a proposal that has enough approvals already (the threshold fell after they were given). */
    public void execute(CurrentMember person, long proposalId) {
        send(person, proposalField(proposalId),
                (registry, member, nonce, gas) -> registry.execute(member, nonce, gas, proposalId));
    }

    /** The form field (or the proposal's row on the page) a refusal about this proposal is shown at. */
    static String proposalField(long proposalId) {
        return "proposal-" + proposalId;
    }

    private TransactionReceipt send(CurrentMember person, String field, AnchorChain.MemberTransaction transaction) {
        TransactionSigner signer;
        try {
            chain.ensureReady();
            signer = signerOf(person);
        } catch (IllegalStateException noKey) {
            throw new InvalidFormException(field, noKey.getMessage());
        } catch (ChainRequestException unreachable) {
            throw unreachable(field, unreachable);
        }
        try {
            return chain.sendAs(signer, transaction);
        } catch (ContractRevertException refused) {
            throw new InvalidFormException(field, reason(refused));
        } catch (ChainRequestException unreachable) {
            throw unreachable(field, unreachable);
        }
    }

    private static InvalidFormException unreachable(String field, ChainRequestException e) {
        return new InvalidFormException(field, "The chain node cannot be reached; nothing was sent. Try again in a "
                + "moment. (" + e.getMessage() + ")");
    }

    private TransactionSigner signerOf(CurrentMember person) {
        if (person.getOrganizationIfAny().isEmpty() && person.isConsortiumAdmin()) {
            return chain.signer();
        }
        return chain.signerOf(person.organization().id);
    }

    private Acting acting(CurrentMember person, ProvenanceRegistry registry) {
        String account = actingAccount(person);
        String name = person.getOrganizationIfAny().map(o -> o.name).orElse(person.isConsortiumAdmin() ? "this node" : null);
        return new Acting(name, account, account != null && registry.isMember(account));
    }

    /** The account the person votes with: its organisation's, this node's for the consortium admin, or none. */
    private String actingAccount(CurrentMember person) {
        Optional<Organization> org = person.getOrganizationIfAny();
        return org.isPresent() ? org.get().chainAddress : person.isConsortiumAdmin() ? chain.signer().address() : null;
    }

    /** The contract's refusal in words (its custom errors; see ProvenanceRegistry.sol). */
    private static String reason(ContractRevertException refused) {
        List<Object> args = refused.arguments();
        return switch (refused.errorName().orElse("")) {
            case "NotMember" -> "Account " + args.get(0) + " is not a member of the consortium: only members propose "
                    + "and vote (and only members can be removed)";
            case "AlreadyMember" -> "Account " + args.get(0) + " is a member already";
            case "AlreadyVoted" -> "You have approved proposal " + args.get(0) + " already";
            case "InvalidThreshold" -> "A threshold is at least 1 and at most the number of members (" + args.get(1)
                    + " then), not " + args.get(0);
            case "ProposalNotOpen" -> "Proposal " + args.get(0) + " is no longer open: it was carried out or it expired";
            case "NotEnoughApprovals" -> "Proposal " + args.get(0) + " has " + args.get(1) + " approvals; "
                    + args.get(2) + " are needed";
            case "UnknownProposal" -> "There is no proposal " + args.get(0);
            case "ZeroAddress" -> "The zero address cannot be a member";
            default -> "The registry refused: " + refused.getMessage();
        };
    }

    /** The registry records no name with a removal: the member's is looked up. */
    private static String subject(Proposal proposal, Map<String, String> currentNames, ProvenanceRegistry registry) {
        return switch (proposal.kind()) {
            case ADMIT -> "Admit " + proposal.name();
            case REMOVE -> "Remove " + nameOf(proposal.account(), currentNames, registry);
            case SET_THRESHOLD -> "Set the threshold to " + proposal.threshold();
        };
    }

    private static String nameOf(String account, Map<String, String> currentNames, ProvenanceRegistry registry) {
        String current = currentNames.get(key(account));
        return current != null ? current : registry.memberInfo(account).map(Member::name).orElse(account);
    }

    private static String key(String account) {
        return account.toLowerCase(Locale.ROOT);
    }
}
