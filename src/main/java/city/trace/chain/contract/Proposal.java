package city.trace.chain.contract;

import java.time.Instant;

import city.trace.merkle.Bytes32;

/**
 * A governance proposal of the registry as it stands. {@code approvals} is what decided it once executed, out of
 * {@code electorate} members then (0 before); otherwise it counts the voters who are still members.
 * {@code account}, {@code name} and {@code companyPrefixHash} are the member to admit or remove;
 * {@code threshold} the new threshold of a {@link Kind#SET_THRESHOLD} proposal.
 */
public record Proposal(long id, Kind kind, Status status, String account, String name, Bytes32 companyPrefixHash,
        int threshold, String proposer, Instant deadline, int approvals, int electorate) {

    /** In the contract's order (Solidity enums are their ordinal on the ABI). */
    public enum Kind {
        ADMIT, REMOVE, SET_THRESHOLD
    }

    /** EXPIRED: the deadline passed before the approvals reached the threshold. */
    public enum Status {
        OPEN, EXECUTED, EXPIRED
    }
}
