package city.trace.proof;

import city.trace.merkle.Bytes32;

/** 32-byte values as the report shows them: long enough to tell apart, short enough to read. */
final class Hex {

    private static final int SHOWN_DIGITS = 12;

    private Hex() {
    }

    static String abbreviated(Bytes32 value) {
        return "0x" + value.toHex().substring(0, SHOWN_DIGITS) + "…";
    }
}
