package city.trace.signedreadings;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RFC 7468 textual encoding: one labelled base64 block, strictly, so a key file means one key. */
final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\R(.*?)\\R?-----END \\1-----", Pattern.DOTALL);
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");
    private static final String BEGIN = "-----BEGIN ";

    record Block(String label, byte[] der) {
    }

    private Pem() {
    }

    /** One header line, the base64 in 64-character lines, the footer and a trailing newline. */
    static String encode(String label, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return BEGIN + label + "-----\n" + base64 + "\n-----END " + label + "-----\n";
    }

    /** @throws IllegalArgumentException when the text is not exactly one well-formed PEM block */
    static Block decode(String text) {
        String trimmed = text.strip();
        int blocks = trimmed.split(BEGIN, -1).length - 1;
        if (blocks > 1) {
            throw new IllegalArgumentException("the text holds " + blocks + " PEM blocks: send exactly one");
        }
        Matcher block = BLOCK.matcher(trimmed);
        if (!block.matches()) {
            throw new IllegalArgumentException(
                    "not a PEM block: expected -----BEGIN <label>-----, base64 lines, -----END <label>-----"
                            + " and nothing else");
        }
        String base64 = block.group(2).replaceAll("\\s", "");
        if (!BASE64.matcher(base64).matches()) {
            throw new IllegalArgumentException("the PEM block's body is not base64");
        }
        try {
            return new Block(block.group(1), Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM block's body is not base64", e);
        }
    }
}
