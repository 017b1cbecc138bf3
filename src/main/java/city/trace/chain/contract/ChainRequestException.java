package city.trace.chain.contract;

import java.io.IOException;

/**
 * A JSON-RPC request failed without a contract revert: the node is unreachable, or it refused the request
 * (e.g. nonce too low, fee too low, unknown transaction). Often worth retrying, unlike a revert.
 */
public class ChainRequestException extends RuntimeException {

    public ChainRequestException(String message) {
        super(message);
    }

    ChainRequestException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when the node could not be reached at all (as opposed to answering with an error). */
    public boolean isUnreachable() {
        return getCause() instanceof IOException;
    }
}
