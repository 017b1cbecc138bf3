package city.trace.chain.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.web3j.protocol.ObjectMapperFactory;
import org.web3j.protocol.core.methods.response.AbiDefinition;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A contract as the build compiled it from src/main/solidity (tools/compile-contracts.mjs): its ABI and
 * creation bytecode, read from the classpath at {@code contracts/NAME.json}. Nothing is copied by hand.
 */
public final class ContractArtifact {

    private final String resource;
    private final List<AbiDefinition> abi;
    private final String bytecode;
    /** Each ABI entry written as {@link #require} expects it. */
    private final Set<String> declarations;

    private ContractArtifact(String resource, List<AbiDefinition> abi, String bytecode) {
        this.resource = resource;
        this.abi = abi;
        this.bytecode = bytecode;
        this.declarations = abi.stream().map(ContractArtifact::declaration)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public static ContractArtifact load(String contractName) {
        String resource = "contracts/" + contractName + ".json";
        try (InputStream in = ContractArtifact.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath: the build compiles it from "
                        + "src/main/solidity (exec-maven-plugin, compile-contracts)");
            }
            return read(resource, in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }

    static ContractArtifact read(String resource, InputStream in) {
        ObjectMapper json = ObjectMapperFactory.getObjectMapper();
        JsonNode artifact = json.readTree(in);
        List<AbiDefinition> abi = List.of(json.treeToValue(artifact.required("abi"), AbiDefinition[].class));
        return new ContractArtifact(resource, abi, artifact.required("bytecode").asString());
    }

    /** The creation bytecode, 0x-prefixed. */
    public String bytecode() {
        return bytecode;
    }

    /** The custom errors the contract declares. */
    List<AbiDefinition> errors() {
        return abi.stream().filter(entry -> "error".equals(entry.getType())).toList();
    }

    /**
     * Fails unless the ABI has exactly this entry, e.g. {@code anchorOf(bytes32) returns (uint64,address)},
     * {@code event Anchored(bytes32 indexed,uint64)} or {@code error RootAlreadyAnchored(bytes32)}.
     */
    void require(String declaration) {
        if (!declarations.contains(declaration)) {
            throw new IllegalStateException(resource + " does not declare `" + declaration
                    + "` as the Java binding expects; it declares: " + declarations);
        }
    }

    private static String declaration(AbiDefinition entry) {
        String inputs = entry.getInputs().stream()
                .map(input -> input.getType() + (input.isIndexed() ? " indexed" : ""))
                .collect(Collectors.joining(",", "(", ")"));
        return switch (entry.getType()) {
            case "function" -> entry.getName() + inputs + " returns " + entry.getOutputs().stream()
                    .map(AbiDefinition.NamedType::getType).collect(Collectors.joining(",", "(", ")"));
            case "event", "error" -> entry.getType() + " " + entry.getName() + inputs;
            default -> entry.getType() + inputs;
        };
    }
}
