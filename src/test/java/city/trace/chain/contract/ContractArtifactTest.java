package city.trace.chain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ContractArtifactTest {

    @Test
    void buildCompiledTheRegistryForLondonWithTheOptimizer() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("contracts/ProvenanceRegistry.json")) {
            JsonNode compiler = JsonMapper.builder().build().readTree(in).required("compiler");
            assertEquals("london", compiler.at("/settings/evmVersion").asString());
            assertTrue(compiler.at("/settings/optimizer/enabled").asBoolean());
            assertTrue(compiler.required("version").asString().startsWith("0.8.28+"));
        }
        assertTrue(ContractArtifact.load("ProvenanceRegistry").bytecode().matches("0x[0-9a-f]{1000,}"));
    }

    @Test
    void aDeclarationTheAbiLacksIsNamedWithWhatTheAbiHas() {
        ContractArtifact artifact = ContractArtifact.read("test.json", json("""
                {"bytecode": "0x00", "abi": [
                  {"type": "function", "name": "anchor", "stateMutability": "nonpayable", "outputs": [],
                   "inputs": [{"name": "root", "type": "bytes32"}, {"name": "leafCount", "type": "uint256"}]},
                  {"type": "event", "name": "Anchored", "anonymous": false,
                   "inputs": [{"name": "root", "type": "bytes32", "indexed": true}]},
                  {"type": "error", "name": "RootAlreadyAnchored", "inputs": [{"name": "root", "type": "bytes32"}]}
                ]}"""));
        artifact.require("anchor(bytes32,uint256) returns ()");
        artifact.require("event Anchored(bytes32 indexed)");
        artifact.require("error RootAlreadyAnchored(bytes32)");

        IllegalStateException mismatch = assertThrows(IllegalStateException.class,
                () -> artifact.require(AbiFunction.parse("anchor(bytes32,uint64) returns ()").declaration()));
        assertEquals("test.json does not declare `anchor(bytes32,uint64) returns ()` as the Java binding expects; "
                + "it declares: [anchor(bytes32,uint256) returns (), error RootAlreadyAnchored(bytes32), "
                + "event Anchored(bytes32 indexed)]", mismatch.getMessage());
        assertThrows(IllegalStateException.class, () -> artifact.require("event Anchored(bytes32)"));
    }

    @Test
    void argumentsMustHaveTheDeclaredTypes() {
        AbiFunction isMember = AbiFunction.parse("isMember(address) returns (bool)");
        assertThrows(IllegalArgumentException.class,
                () -> isMember.encode(new org.web3j.abi.datatypes.generated.Uint256(1)));
    }

    private static InputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
