package city.trace.chain.contract;

import java.util.List;
import java.util.Optional;

/**
 * The contract refused a call or transaction: a deterministic answer (retrying the same thing gets the same),
 * unlike {@link ChainRequestException}. Carries the decoded custom error when the node reported one.
 */
public class ContractRevertException extends RuntimeException {

    private final String errorName;
    private final List<Object> arguments;
    private final String revertData;

    ContractRevertException(String message, String errorName, List<Object> arguments, String revertData) {
        super(message);
        this.errorName = errorName;
        this.arguments = List.copyOf(arguments);
        this.revertData = revertData;
    }

    /** The Solidity error, e.g. {@code NotMember}, {@code Error} (a reason string) or {@code Panic}. */
    public Optional<String> errorName() {
        return Optional.ofNullable(errorName);
    }

    /** The error's decoded arguments (addresses as 0x strings, bytes32 as byte[], integers as BigInteger). */
    public List<Object> arguments() {
        return arguments;
    }

    /** The raw revert data, 0x-prefixed, when the node reported it. */
    public Optional<String> revertData() {
        return Optional.ofNullable(revertData);
    }
}
