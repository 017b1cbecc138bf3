package city.trace.epcis.validation;

import java.util.Arrays;

/**
 * The RFC 6901 JSON pointer of the value being validated, grown and shrunk as the validator walks the tree.
 * It holds the segments only; the text is built when a violation needs it.
 */
final class JsonPath {

    private final String root;
    /** A key per level, or null where the level is an array index. */
    private String[] keys = new String[16];
    private int[] indexes = new int[16];
    private int depth;

    JsonPath(String root) {
        this.root = root;
    }

    void enter(String key) {
        grow();
        keys[depth++] = key;
    }

    void enter(int index) {
        grow();
        keys[depth] = null;
        indexes[depth++] = index;
    }

    void leave() {
        depth--;
    }

    @Override
    public String toString() {
        StringBuilder path = new StringBuilder(64).append(root);
        for (int level = 0; level < depth; level++) {
            path.append('/');
            String key = keys[level];
            if (key == null) {
                path.append(indexes[level]);
            } else {
                // RFC 6901 escapes ~ as ~0 and / as ~1
                path.append(key.replace("~", "~0").replace("/", "~1"));
            }
        }
        return path.toString();
    }

    private void grow() {
        if (depth == keys.length) {
            keys = Arrays.copyOf(keys, depth * 2);
            indexes = Arrays.copyOf(indexes, depth * 2);
        }
    }
}
