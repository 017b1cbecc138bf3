package city.trace.chain.contract;

/**
 * One period of an account's membership and the decision behind it: admitted in block {@code admittedAt} by
 * proposal {@code proposalId}, approved by {@code approvals} of the {@code electorate} members then; removed in
 * block {@code removedAt}, 0 while still a member. A genesis member's term has proposal 0 and no votes.
 */
public record MembershipTerm(long admittedAt, long removedAt, long proposalId, int approvals, int electorate) {

    public boolean genesis() {
        return proposalId == 0;
    }
}
