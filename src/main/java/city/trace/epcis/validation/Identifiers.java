package city.trace.epcis.validation;

import java.util.Optional;
import java.util.Set;

import city.trace.epcis.hash.Namespaces;
import city.trace.gs1.DigitalLink;
import city.trace.gs1.DigitalLinkKey;
import city.trace.gs1.EpcUrn;
import city.trace.gs1.InvalidIdentifierException;

/**
 * GS1 identifiers in EPCIS fields. EPCIS lets any URI name an object, class or location, so only GS1 ones
 * are checked strictly: EPC URNs (TDS 2) and GS1 Digital Link URIs on any domain must be well-formed with
 * correct check digits; one of another kind than the field names (a class where instances are listed) is only
 * warned about.
 */
final class Identifiers {

    /** What a field's identifiers must name. */
    enum Role {
        /** Objects: epcList, childEPCs, inputEPCList, outputEPCList, parentID. */
        INSTANCE,
        /** Object classes: epcClass of a quantity element. */
        CLASS,
        /** Read points and business locations. */
        LOCATION,
        /** Anything a GS1 key may name: parties, transactions, devices. */
        ANY
    }

    private static final String ID = "urn:epc:id:";
    private static final String CLASS = "urn:epc:class:";
    private static final String PATTERN = "urn:epc:idpat:";
    private static final String CBV_URN = "urn:epcglobal:cbv:";
    private static final Set<String> GS1_SCHEMES = Set.of("sgtin", "sscc", "sgln", "grai", "giai", "gsrn",
            "gsrnp", "gdti", "cpi", "sgcn", "ginc", "gsin", "itip", "upui", "pgln");
    /** TDS schemes that carry no GS1 key, so that nothing can be checked beyond their name. */
    private static final Set<String> OTHER_SCHEMES = Set.of("gid", "usdod", "adi", "bic", "imovn");
    private static final String CLASS_PATTERN_EXAMPLE = "urn:epc:idpat:sgtin:4012345.012345.*";

    private Identifiers() {
    }

    /**
     * What makes a URI no valid GS1 identifier (an unknown EPC scheme, a wrong check digit), or null when it is
     * one or no GS1 identifier at all.
     */
    static String problem(String uri) {
        if (EpcUrn.isEpcUrn(uri)) {
            return epcUrnProblem(uri);
        }
        if (isHttp(uri)) {
            try {
                DigitalLink.parse(uri);
            } catch (InvalidIdentifierException e) {
                return e.reason();
            }
        }
        return null;
    }

    /**
     * Why a valid GS1 identifier is an unusual one for a field of this role (a class in an epcList, an instance
     * as an epcClass), or null. GS1's JSON schema allows any URI there, and GS1's own examples put a GTIN in an
     * epcList, so this is a warning, not a refusal.
     *
     * @param field the field's name for the message, e.g. "epcList entry"
     */
    static String misplaced(String uri, Role role, String field) {
        if (EpcUrn.isEpcUrn(uri)) {
            return misplacedEpcUrn(uri, role, field);
        }
        if (isHttp(uri)) {
            try {
                return DigitalLink.parse(uri).map(link -> misplacedLink(link, uri, role, field)).orElse(null);
            } catch (InvalidIdentifierException e) {
                return null;
            }
        }
        return null;
    }

    /** True for the values that {@link #problem} checks through: EPC URNs and http(s) URIs. */
    static boolean isChecked(String uri) {
        return EpcUrn.isEpcUrn(uri) || isHttp(uri);
    }

    /**
     * What is wrong with any string value of an event as the Event Hash ID reads it, or null: values that it
     * takes for EPC URNs or Digital Links (after trimming and expanding CURIEs of GS1 vocabularies) must be
     * valid GS1 identifiers, or the event could not be hashed.
     */
    static String hashingProblem(String raw, Namespaces namespaces) {
        String value = raw.strip();
        if (value.isEmpty() || value.indexOf(':') < 0) {
            return null;
        }
        value = namespaces.expandValue(value);
        try {
            if (value.startsWith(CBV_URN)) {
                return null;
            }
            if (EpcUrn.isEpcUrn(value)) {
                EpcUrn.toDigitalLink(value);
            } else if (value.startsWith("http")) {
                DigitalLink.parse(value);
            }
            return null;
        } catch (InvalidIdentifierException e) {
            return e.reason();
        }
    }

    private static String epcUrnProblem(String urn) {
        String kind = kind(urn);
        int schemeEnd = urn.indexOf(':', kind.length());
        if (schemeEnd < 0) {
            return "malformed EPC URN: nothing follows the scheme";
        }
        String scheme = urn.substring(kind.length(), schemeEnd);
        boolean knownScheme = kind.equals(CLASS) ? scheme.equals("lgtin")
                : GS1_SCHEMES.contains(scheme) || OTHER_SCHEMES.contains(scheme);
        if (!knownScheme) {
            return "'" + scheme + "' is no EPC " + (kind.equals(CLASS) ? "class " : "") + "scheme of the GS1 Tag "
                    + "Data Standard";
        }
        if (OTHER_SCHEMES.contains(scheme)) {
            return null;
        }
        try {
            EpcUrn.toDigitalLink(urn);
            return null;
        } catch (InvalidIdentifierException e) {
            return e.reason();
        }
    }

    /** Called for well-formed EPC URNs only. */
    private static String misplacedEpcUrn(String urn, Role role, String field) {
        String kind = kind(urn);
        String scheme = urn.substring(kind.length(), urn.indexOf(':', kind.length()));
        String misplaced = switch (role) {
            case INSTANCE -> kind.equals(ID) ? null : field + " " + urn + " identifies a class, not an instance: "
                    + "classes usually go in a quantity list";
            case CLASS -> kind.equals(ID) ? field + " " + urn + " identifies an instance, not a class" : null;
            case LOCATION -> kind.equals(ID) && scheme.equals("sgln") ? null : notALocation(field, urn);
            case ANY -> null;
        };
        if (misplaced != null || role != Role.CLASS || !kind.equals(PATTERN) || OTHER_SCHEMES.contains(scheme)) {
            return misplaced;
        }
        return EpcUrn.toDigitalLink(urn).isPresent() ? null
                : field + " pattern leaves more than the serial open; one class is e.g. " + CLASS_PATTERN_EXAMPLE;
    }

    private static String kind(String urn) {
        return urn.startsWith(ID) ? ID : urn.startsWith(CLASS) ? CLASS : PATTERN;
    }

    private static String misplacedLink(DigitalLink link, String uri, Role role, String field) {
        return switch (role) {
            case INSTANCE -> isClass(link) ? field + " " + uri + " identifies a class, not an instance: classes "
                    + "usually go in a quantity list" : null;
            case CLASS -> isClass(link) ? null : field + " " + uri + " identifies no class (such as a GTIN, or a "
                    + "GTIN with a lot)";
            case LOCATION -> link.key() == DigitalLinkKey.GLN ? null : notALocation(field, uri);
            case ANY -> null;
        };
    }

    /** True for the keys that name a class of objects unless a serial component follows. */
    private static boolean isClass(DigitalLink link) {
        String value = link.keyValue();
        return switch (link.key()) {
            case GTIN -> !hasQualifier(link, "21") && !hasQualifier(link, "235");
            case ITIP -> !hasQualifier(link, "21");
            case CPID -> !hasQualifier(link, "8011");
            case GRAI -> value.length() == 14;
            case GDTI, GCN -> value.length() == 13;
            default -> false;
        };
    }

    private static boolean hasQualifier(DigitalLink link, String ai) {
        return link.qualifiers().stream().anyMatch(q -> q.ai().equals(ai));
    }

    private static String notALocation(String field, String uri) {
        return field + " " + uri + " is no GS1 location: neither an SGLN (urn:epc:id:sgln:…) nor a GLN Digital "
                + "Link (…/414/…)";
    }

    private static boolean isHttp(String uri) {
        return uri.regionMatches(true, 0, "http://", 0, 7) || uri.regionMatches(true, 0, "https://", 0, 8);
    }
}
