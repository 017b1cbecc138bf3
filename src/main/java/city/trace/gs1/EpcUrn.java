package city.trace.gs1;

import java.util.List;
import java.util.Optional;

import city.trace.gs1.DigitalLink.Qualifier;

/**
 * Converts EPC pure-identity URNs ({@code urn:epc:id:…}), EPC class URNs ({@code urn:epc:class:lgtin:…})
 * and the EPC ID patterns that name one class ({@code urn:epc:idpat:sgtin:CP.ItemRef.*} and alike) of the
 * GS1 schemes into GS1 Digital Links (GS1 EPC Tag Data Standard 2, section 7 and 8).
 *
 * <p>The company prefix partition decides how a reference splits into the key: e.g. in an SGTIN the first
 * digit of the item reference is the GTIN's indicator digit and moves to the front; check digits are
 * computed, as URNs carry none.
 */
public final class EpcUrn {

    private static final String ID = "urn:epc:id:";
    private static final String CLASS = "urn:epc:class:";
    private static final String PATTERN = "urn:epc:idpat:";
    private static final String LGTIN = "lgtin";
    private static final int MIN_COMPANY_PREFIX = 6;
    private static final int MAX_COMPANY_PREFIX = 12;

    private EpcUrn() {
    }

    /** True for {@code urn:epc:id:}, {@code urn:epc:class:} and {@code urn:epc:idpat:} URNs. */
    public static boolean isEpcUrn(String value) {
        return value.startsWith("urn:epc:")
                && (value.startsWith(ID) || value.startsWith(CLASS) || value.startsWith(PATTERN));
    }

    /**
     * The Digital Link for an EPC URN.
     *
     * @return empty for URNs of schemes that carry no GS1 key (e.g. usdod, adi, gid) and for patterns that
     *         do not name exactly one class
     * @throws InvalidIdentifierException for a URN of a GS1 scheme that breaks the scheme's syntax
     */
    public static Optional<DigitalLink> toDigitalLink(String urn) {
        String kind = urn.startsWith(ID) ? ID : urn.startsWith(CLASS) ? CLASS : urn.startsWith(PATTERN) ? PATTERN : null;
        int schemeEnd = kind == null ? -1 : urn.indexOf(':', kind.length());
        if (schemeEnd < 0) {
            return Optional.empty();
        }
        String scheme = urn.substring(kind.length(), schemeEnd);
        String body = urn.substring(schemeEnd + 1);
        DigitalLink link = switch (kind) {
            case ID -> scheme.equals(LGTIN) ? null : fromIdentity(scheme, new Parts(urn, body));
            case CLASS -> scheme.equals(LGTIN) ? fromIdentity(scheme, new Parts(urn, body)) : null;
            default -> namesOneClass(body) ? fromPattern(scheme, new Parts(urn, body.substring(0, body.length() - 2)))
                    : null;
        };
        return Optional.ofNullable(link);
    }

    /** True for a pattern whose sole wildcard is its last component. */
    private static boolean namesOneClass(String patternBody) {
        return patternBody.endsWith(".*") && patternBody.indexOf('*') == patternBody.length() - 1;
    }

    private static DigitalLink fromIdentity(String scheme, Parts p) {
        DigitalLink link = switch (scheme) {
            case "sgtin" -> link(DigitalLinkKey.GTIN, p.gtin(), new Qualifier("21", p.text(20)));
            case "sscc" -> sscc(p);
            case "sgln" -> sgln(p);
            case "grai" -> link(DigitalLinkKey.GRAI, "0" + p.checked(12) + p.text(16));
            case "giai" -> link(DigitalLinkKey.GIAI, p.companyPrefix() + p.text(30 - p.prefixLength()));
            case "gsrn" -> link(DigitalLinkKey.GSRN, p.checked(17));
            case "gsrnp" -> link(DigitalLinkKey.GSRNP, p.checked(17));
            case "gdti" -> link(DigitalLinkKey.GDTI, p.checked(12) + p.text(17));
            case "cpi" -> cpi(p);
            case "sgcn" -> link(DigitalLinkKey.GCN, p.checked(12) + p.digits(12));
            case "ginc" -> link(DigitalLinkKey.GINC, p.companyPrefix() + p.text(30 - p.prefixLength()));
            case "gsin" -> link(DigitalLinkKey.GSIN, p.checked(16));
            case "itip" -> link(DigitalLinkKey.ITIP, p.gtin() + p.twoDigits() + p.twoDigits(),
                    new Qualifier("21", p.text(20)));
            case "upui" -> link(DigitalLinkKey.GTIN, p.gtin(), new Qualifier("235", p.text(28)));
            case "pgln" -> link(DigitalLinkKey.PARTY, p.checked(12));
            case LGTIN -> link(DigitalLinkKey.GTIN, p.gtin(), new Qualifier("10", p.text(20)));
            default -> null;
        };
        return link == null ? null : p.end(link);
    }

    private static DigitalLink fromPattern(String scheme, Parts p) {
        DigitalLink link = switch (scheme) {
            case "sgtin", "upui" -> link(DigitalLinkKey.GTIN, p.gtin());
            case "grai" -> link(DigitalLinkKey.GRAI, "0" + p.checked(12));
            case "gdti" -> link(DigitalLinkKey.GDTI, p.checked(12));
            case "sgcn" -> link(DigitalLinkKey.GCN, p.checked(12));
            case "cpi" -> link(DigitalLinkKey.CPID, p.companyPrefix() + p.cpiReference());
            case "itip" -> link(DigitalLinkKey.ITIP, p.gtin() + p.twoDigits() + p.twoDigits());
            default -> null;
        };
        return link == null ? null : p.end(link);
    }

    private static DigitalLink sscc(Parts p) {
        String companyPrefix = p.companyPrefix();
        String serialReference = p.fixedDigits(17 - companyPrefix.length());
        // the first digit of the serial reference is the SSCC's extension digit
        return link(DigitalLinkKey.SSCC,
                CheckDigit.append(serialReference.charAt(0) + companyPrefix + serialReference.substring(1)));
    }

    private static DigitalLink sgln(Parts p) {
        String gln = p.checked(12);
        String extension = p.text(20);
        // extension "0" means: no extension
        return extension.equals("0") ? link(DigitalLinkKey.GLN, gln)
                : link(DigitalLinkKey.GLN, gln, new Qualifier("254", extension));
    }

    private static DigitalLink cpi(Parts p) {
        String cpid = p.companyPrefix() + p.cpiReference();
        return link(DigitalLinkKey.CPID, cpid, new Qualifier("8011", p.digits(12)));
    }

    private static DigitalLink link(DigitalLinkKey key, String value, Qualifier... qualifiers) {
        return new DigitalLink(key, value, List.of(qualifiers));
    }

    /** Reads the dot-separated components of a URN body left to right, failing on what breaks the syntax. */
    private static final class Parts {
        private final String urn;
        private final String body;
        private int position;
        private int prefixLength;

        Parts(String urn, String body) {
            this.urn = urn;
            this.body = body;
        }

        String companyPrefix() {
            String prefix = next();
            if (prefix.length() < MIN_COMPANY_PREFIX || prefix.length() > MAX_COMPANY_PREFIX
                    || !AiText.isDigits(prefix)) {
                throw invalid("the GS1 company prefix must have 6 to 12 digits");
            }
            prefixLength = prefix.length();
            return prefix;
        }

        int prefixLength() {
            return prefixLength;
        }

        /** Company prefix and a reference of together {@code digits} digits, followed by its check digit. */
        String checked(int digits) {
            String prefix = companyPrefix();
            return CheckDigit.append(prefix + fixedDigits(digits - prefix.length()));
        }

        /** GTIN-14 from company prefix and indicator digit plus item reference (13 digits together). */
        String gtin() {
            String prefix = companyPrefix();
            String indicatorAndItem = fixedDigits(13 - prefix.length());
            return CheckDigit.append(indicatorAndItem.charAt(0) + prefix + indicatorAndItem.substring(1));
        }

        String fixedDigits(int length) {
            String digits = next();
            if (digits.length() != length || length > 0 && !AiText.isDigits(digits)) {
                throw invalid("expected " + length + " digits after the company prefix, found '" + digits + "'");
            }
            return digits;
        }

        String twoDigits() {
            return fixedDigits(2);
        }

        /** The last component: 1 to {@code max} digits. */
        String digits(int max) {
            String digits = rest();
            if (digits.length() > max || !AiText.isDigits(digits)) {
                throw invalid("expected 1 to " + max + " digits, found '" + digits + "'");
            }
            return digits;
        }

        /** The last component: 1 to {@code max} characters of GS1 character set 82, possibly escaped. */
        String text(int max) {
            String text = AiText.decodeUrnComponent(rest());
            if (text == null || text.length() > max || !AiText.isCset82(text)) {
                throw invalid("expected 1 to " + max + " characters of the GS1 character set");
            }
            return text;
        }

        /** A CPI's component part reference: GS1 character set 39, 30 characters with the company prefix. */
        String cpiReference() {
            String reference = AiText.decodeUrnComponent(next());
            if (reference == null || !AiText.isCset39(reference) || prefixLength + reference.length() > 30) {
                throw invalid("malformed component/part reference");
            }
            return reference;
        }

        /** The link, once sure that no component is left over. */
        DigitalLink end(DigitalLink link) {
            if (position <= body.length()) {
                throw invalid("unexpected '" + body.substring(position) + "'");
            }
            return link;
        }

        private String next() {
            if (position > body.length()) {
                throw invalid("too few components");
            }
            int dot = body.indexOf('.', position);
            int end = dot < 0 ? body.length() : dot;
            String component = body.substring(position, end);
            position = end + 1;
            return component;
        }

        private String rest() {
            if (position > body.length()) {
                throw invalid("too few components");
            }
            String rest = body.substring(position);
            position = body.length() + 1;
            return rest;
        }

        private InvalidIdentifierException invalid(String reason) {
            return new InvalidIdentifierException("malformed EPC URN: " + reason, urn);
        }
    }
}
