package city.trace.merkle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

import tools.jackson.databind.json.JsonMapper;

/**
 * The RFC 6962 vectors of the shared conformance folder (Certificate Transparency's reference leaves, the
 * published roots for n = 0..8, every audit path), read in place: the file is never copied into the repo.
 */
public record Rfc6962Vectors(String about, List<String> leaves, List<String> leafHashes, List<String> roots,
        List<Inclusion> inclusion) {

    /** PATH(leafIndex, D[0:treeSize]) as hex hashes. */
    public record Inclusion(long leafIndex, long treeSize, List<String> path) {

        public InclusionProof proof() {
            return new InclusionProof(leafIndex, treeSize, path.stream().map(Bytes32::fromHex).toList());
        }
    }

    private static final Path FILE = Path.of("../shared/conformance/rfc6962-vectors.json");

    /** The vectors, or the calling test is skipped (a fresh clone has no shared folder beside it). */
    public static Rfc6962Vectors loadOrSkip() {
        Assumptions.assumeTrue(Files.isRegularFile(FILE), () -> "RFC 6962 vectors skipped: "
                + FILE.toAbsolutePath().normalize() + " is absent (CI checks out shared/ beside the project)");
        return JsonMapper.builder().build().readValue(FILE.toFile(), Rfc6962Vectors.class);
    }

    public List<byte[]> leafData() {
        return leaves.stream().map(HexFormat.of()::parseHex).toList();
    }

    /** MTH(D[0:n]). */
    public Bytes32 root(int n) {
        return Bytes32.fromHex(roots.get(n));
    }

    public Bytes32 leafHash(long index) {
        return Bytes32.fromHex(leafHashes.get(Math.toIntExact(index)));
    }
}
