package city.trace.chain.contract;

import java.time.Instant;

import city.trace.merkle.Bytes32;

/** A root as anchored on chain: when, by which member, for how many leaves and which off-chain batch. */
public record AnchorRecord(Bytes32 root, long blockNumber, Instant timestamp, String member, long leafCount,
        Bytes32 batchRef, String transactionHash) {
}
