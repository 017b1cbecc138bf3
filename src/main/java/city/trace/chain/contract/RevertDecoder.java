package city.trace.chain.contract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.AbiDefinition;
import org.web3j.utils.Numeric;

import city.trace.merkle.Bytes32;

/** Turns revert data (selector + ABI-encoded arguments) into an exception naming the contract's error. */
final class RevertDecoder {

    private static final String ROOT_ALREADY_ANCHORED = "RootAlreadyAnchored";

    @SuppressWarnings("rawtypes")
    private record ErrorType(String name, List<TypeReference<Type>> parameters) {
    }

    /** By 0x-prefixed 4-byte selector. */
    private final Map<String, ErrorType> errors = new HashMap<>();

    RevertDecoder(List<AbiDefinition> customErrors) {
        // the two errors Solidity itself raises: require/revert with a message, and failed asserts or overflows
        add("Error", List.of("string"));
        add("Panic", List.of("uint256"));
        customErrors.forEach(error -> add(error.getName(),
                error.getInputs().stream().map(AbiDefinition.NamedType::getType).toList()));
    }

    /** {@code revertData} is 0x-prefixed hex, possibly just "0x" (a revert without reason). */
    ContractRevertException decode(String revertData) {
        ErrorType error = revertData.length() >= 10 ? errors.get(revertData.substring(0, 10).toLowerCase()) : null;
        if (error == null) {
            return new ContractRevertException("reverted with unknown data " + revertData, null, List.of(), revertData);
        }
        List<Object> arguments = FunctionReturnDecoder.decode("0x" + revertData.substring(10), error.parameters())
                .stream().map(value -> (Object) value.getValue()).toList();
        if (error.name().equals(ROOT_ALREADY_ANCHORED)) {
            return new RootAlreadyAnchoredException(Bytes32.of((byte[]) arguments.get(0)), revertData);
        }
        String message = error.name() + arguments.stream().map(RevertDecoder::display)
                .collect(Collectors.joining(", ", "(", ")"));
        return new ContractRevertException("reverted: " + message, error.name(), arguments, revertData);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private void add(String name, List<String> types) {
        String selector = Hash.sha3String(name + "(" + String.join(",", types) + ")").substring(0, 10);
        errors.put(selector, new ErrorType(name, types.stream()
                .map(type -> (TypeReference<Type>) AbiFunction.typeReference(type)).toList()));
    }

    private static String display(Object argument) {
        return argument instanceof byte[] bytes ? Numeric.toHexString(bytes) : String.valueOf(argument);
    }
}
