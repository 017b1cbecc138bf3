package city.trace.epcis.validation;

import java.util.Arrays;

/**
 * The RFC 6901 JSON pointer of the value being validated, grown and shrunk as the validator walks the tree.
 * The text is only built when a violation needs it.
 */
final class JsonPath {

    private final StringBuilder path = new StringBuilder(64);
    private int[] marks = new int[16];
    private int depth;

    JsonPath(String root) {
        path.append(root);
    }

    void enter(String key) {
        mark();
        path.append('/');
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            switch (c) {
                case '~' -> path.append("~0");
                case '/' -> path.append("~1");
                default -> path.append(c);
            }
        }
    }

    void enter(int index) {
        mark();
        path.append('/').append(index);
    }

    void leave() {
        path.setLength(marks[--depth]);
    }

    @Override
    public String toString() {
        return path.toString();
    }

    private void mark() {
        if (depth == marks.length) {
            marks = Arrays.copyOf(marks, depth * 2);
        }
        marks[depth++] = path.length();
    }
}
