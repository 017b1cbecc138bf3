package city.trace.proof;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import city.trace.merkle.Bytes32;
import city.trace.merkle.InclusionProof;

/**
 * Where an event's hash is on the chain: its RFC 6962 audit path to its anchor round's Merkle root, and the
 * {@code ProvenanceRegistry} contract and chain that anchor that root. Hex values are 0x-prefixed. The block
 * is known from {@link AnchoringStatus#ANCHORED} on; {@code txHash} from {@link AnchoringStatus#SUBMITTED}.
 * {@code member}, who anchored the root ({@link BundleMember}), is optional: without it the verifier takes the
 * member from the chain alone.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BundleProof(@JsonProperty(required = true) long leafIndex,
        @JsonProperty(required = true) long treeSize, List<String> auditPath, String root,
        @JsonProperty(required = true) long chainId, String contract, String txHash, Long blockNumber,
        Instant blockTime, BundleMember member) {

    public BundleProof {
        BundleFields.notNegative(leafIndex, "leafIndex");
        BundleFields.notNegative(treeSize, "treeSize");
        auditPath = List.copyOf(BundleFields.bytes32Each(auditPath, "auditPath"));
        BundleFields.bytes32(root, "root");
        BundleFields.address(contract, "contract");
        if (txHash != null) {
            BundleFields.bytes32(txHash, "txHash");
        }
        if (blockNumber != null) {
            BundleFields.notNegative(blockNumber, "blockNumber");
            BundleFields.present(blockTime, "blockTime");
        } else if (blockTime != null) {
            throw new IllegalArgumentException("blockTime: given without a blockNumber");
        }
    }

    /** This proof saying that {@code anchoredBy} anchored its root. */
    public BundleProof withMember(BundleMember anchoredBy) {
        return new BundleProof(leafIndex, treeSize, auditPath, root, chainId, contract, txHash, blockNumber, blockTime,
                anchoredBy);
    }

    /** Whether the proof names the block that holds the anchor. */
    @JsonIgnore
    public boolean inBlock() {
        return blockNumber != null;
    }

    @JsonIgnore
    public InclusionProof inclusionProof() {
        return new InclusionProof(leafIndex, treeSize, auditPath.stream().map(Bytes32::fromHex).toList());
    }

    @JsonIgnore
    public Bytes32 rootHash() {
        return Bytes32.fromHex(root);
    }
}
