package city.trace.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/** Trees of many sizes over random 32-byte leaves (like event hash digests), from a fixed seed. */
public final class RandomTrees {

    private final Random random = new Random(6962);

    /** Every size up to 70 (all small shapes), powers of two and their neighbours, and a few random ones. */
    public List<Integer> sizes() {
        List<Integer> sizes = new ArrayList<>(IntStream.rangeClosed(1, 70).boxed().toList());
        for (int power = 128; power <= 1024; power *= 2) {
            sizes.addAll(List.of(power - 1, power, power + 1));
        }
        IntStream.range(0, 5).forEach(i -> sizes.add(2 + random.nextInt(3000)));
        return sizes;
    }

    /** All indexes of small trees; the edges and a random sample of big ones. */
    public List<Integer> sampleIndexes(int n) {
        if (n <= 70) {
            return IntStream.range(0, n).boxed().toList();
        }
        List<Integer> indexes = new ArrayList<>(List.of(0, 1, n / 2, n - 2, n - 1));
        IntStream.range(0, 5).forEach(i -> indexes.add(random.nextInt(n)));
        return indexes;
    }

    public List<byte[]> leaves(int n) {
        List<byte[]> digests = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] digest = new byte[Bytes32.LENGTH];
            random.nextBytes(digest);
            digests.add(digest);
        }
        return digests;
    }
}
