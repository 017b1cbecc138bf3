package city.trace.chain.contract;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;

/**
 * A contract function as the binding calls it, declared like {@code anchorOf(bytes32) returns (uint64,address)}:
 * the same text {@link ContractArtifact#require} looks for in the compiled ABI.
 */
record AbiFunction(String name, List<String> inputs, List<String> outputs) {

    private static final Pattern DECLARATION = Pattern.compile("(\\w+)\\(([^)]*)\\) returns \\(([^)]*)\\)");

    static AbiFunction parse(String declaration) {
        Matcher parts = DECLARATION.matcher(declaration);
        if (!parts.matches()) {
            throw new IllegalArgumentException("not `name(types) returns (types)`: " + declaration);
        }
        return new AbiFunction(parts.group(1), types(parts.group(2)), types(parts.group(3)));
    }

    String declaration() {
        return name + "(" + String.join(",", inputs) + ") returns (" + String.join(",", outputs) + ")";
    }

    /** The call data: selector and ABI-encoded arguments, which must have the declared types. */
    @SuppressWarnings("rawtypes")
    String encode(Type... arguments) {
        List<String> types = Arrays.stream(arguments).map(Type::getTypeAsString).toList();
        if (!types.equals(inputs)) {
            throw new IllegalArgumentException(name + " takes " + inputs + ", not " + types);
        }
        return FunctionEncoder.encode(new Function(name, List.of(arguments), List.of()));
    }

    /** The values a call returned, typed as declared. */
    @SuppressWarnings("rawtypes")
    List<Type> decode(String returnData) {
        List<Type> values = FunctionReturnDecoder.decode(returnData, outputReferences());
        if (values.size() != outputs.size()) {
            throw new IllegalStateException(name + " returned " + returnData + ", not " + outputs
                    + ": is the address a ProvenanceRegistry?");
        }
        return values;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private List<TypeReference<Type>> outputReferences() {
        return outputs.stream().map(type -> (TypeReference<Type>) typeReference(type)).toList();
    }

    @SuppressWarnings("rawtypes")
    static TypeReference typeReference(String solidityType) {
        try {
            return TypeReference.makeTypeReference(solidityType);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("web3j has no type " + solidityType, e);
        }
    }

    private static List<String> types(String commaSeparated) {
        return commaSeparated.isEmpty() ? List.of() : List.of(commaSeparated.split(","));
    }
}
