package city.trace.epcis.hash;

import java.util.Locale;

/**
 * The version of the CBV Event Hash ID algorithm, named in the hash's {@code ?ver=} suffix. CBV 2.1 differs
 * from 2.0 in two places: the pre-hash names the {@code sensorElementList}, and user extensions inside
 * standard fields (readPoint, sensorMetadata, …) stand inline after that field's own values instead of in
 * a block after the ILMD.
 */
public enum HashVersion {
    CBV2_0("CBV2.0"),
    CBV2_1("CBV2.1");

    public static final HashVersion DEFAULT = CBV2_0;

    private final String label;

    HashVersion(String label) {
        this.label = label;
    }

    /** As written in the hash: {@code CBV2.0} or {@code CBV2.1}. */
    public String label() {
        return label;
    }

    /**
     * The version for a label such as {@code CBV2.1} (case-insensitive; the {@code CBV} may be left out);
     * {@link #DEFAULT} for null or blank.
     *
     * @throws IllegalArgumentException for any other label
     */
    public static HashVersion parse(String label) {
        if (label == null || label.isBlank()) {
            return DEFAULT;
        }
        String normalised = label.strip().toUpperCase(Locale.ROOT);
        for (HashVersion version : values()) {
            if (version.label.equals(normalised) || version.label.substring(3).equals(normalised)) {
                return version;
            }
        }
        throw new IllegalArgumentException("unknown CBV version '" + label + "': expected CBV2.0 or CBV2.1");
    }
}
