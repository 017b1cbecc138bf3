package city.trace.merkle;

import java.util.Arrays;
import java.util.HexFormat;

/** An immutable 32-byte value: a SHA-256 digest, a Merkle root, or a Solidity {@code bytes32}. */
public final class Bytes32 {

    public static final int LENGTH = 32;

    private final byte[] bytes;

    private Bytes32(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Bytes32 of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("expected " + LENGTH + " bytes, got " + bytes.length);
        }
        return new Bytes32(bytes.clone());
    }

    /** Parses 64 hex digits, with or without a {@code 0x} prefix. */
    public static Bytes32 fromHex(String hex) {
        String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        return of(HexFormat.of().parseHex(digits));
    }

    /** Takes ownership of an array the caller will not change again (no copy). */
    static Bytes32 wrap(byte[] bytes) {
        return new Bytes32(bytes);
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** 64 lowercase hex digits, no prefix. */
    public String toHex() {
        return HexFormat.of().formatHex(bytes);
    }

    /** As Ethereum tools write it: 0x and 64 lowercase hex digits. */
    public String toPrefixedHex() {
        return "0x" + toHex();
    }

    byte[] bytesNoCopy() {
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes32 that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
