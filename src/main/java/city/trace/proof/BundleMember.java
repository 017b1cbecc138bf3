package city.trace.proof;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import city.trace.chain.contract.MembershipTerm;

/**
 * Who vouches for a round: the consortium member whose account anchored its root, and its membership of the
 * registry at the anchoring block — the organisation's name, the block it was admitted in, and the proposal that
 * admitted it with how many of how many members approved (proposal 0: a founding member). A bundle may state the
 * account alone; the verifier answers with all of it, as the registry records it. The term leaves out when it
 * ended: that changes after the fact (a later removal), the rest does not.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BundleMember(String account, String name, Long memberSince, Long proposal, Integer approvals,
        Integer electorate) {

    public BundleMember {
        BundleFields.address(account, "account");
    }

    /** A member stated by its account only (the app's database knows no more). */
    public static BundleMember account(String account) {
        return new BundleMember(account, null, null, null, null, null);
    }

    /** The member as the registry records it: its account's name and its {@code term} at some block. */
    public static BundleMember of(String account, String name, MembershipTerm term) {
        return new BundleMember(account, name, term.admittedAt(), term.proposalId(), term.approvals(),
                term.electorate());
    }

    /** Whether more than the account is stated. */
    @JsonIgnore
    public boolean statesTerm() {
        return name != null || memberSince != null || proposal != null || approvals != null || electorate != null;
    }

    /** A genesis member of the registry. */
    @JsonIgnore
    public boolean isFounding() {
        return proposal != null && proposal == 0;
    }

    /** Same account (addresses in any letter case), same name and term. */
    boolean sameAs(BundleMember other) {
        return account.equalsIgnoreCase(other.account) && Objects.equals(name, other.name)
                && Objects.equals(memberSince, other.memberSince) && Objects.equals(proposal, other.proposal)
                && Objects.equals(approvals, other.approvals) && Objects.equals(electorate, other.electorate);
    }

    /** "Noorderlicht Mill & Bakery (0x…), member since block 12, admitted by 3 of 4 members", for reports. */
    @Override
    public String toString() {
        if (!statesTerm()) {
            return account;
        }
        return name + " (" + account + "), " + (isFounding() ? "a founding member"
                : "member since block " + memberSince + ", admitted by " + approvals + " of " + electorate + " members");
    }
}
