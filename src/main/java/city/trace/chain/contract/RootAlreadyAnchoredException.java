package city.trace.chain.contract;

import java.util.List;

import city.trace.merkle.Bytes32;

/**
 * The root is on chain already. For a resubmitted batch that is success: the root is anchored, only by an
 * earlier transaction ({@link ProvenanceRegistry#anchorOf} tells which).
 */
public final class RootAlreadyAnchoredException extends ContractRevertException {

    private final Bytes32 root;

    RootAlreadyAnchoredException(Bytes32 root, String revertData) {
        super("root " + root + " is already anchored", "RootAlreadyAnchored", List.of(root.toByteArray()),
                revertData);
        this.root = root;
    }

    public Bytes32 root() {
        return root;
    }
}
