package city.trace.epcis.hash;

import java.util.Map;
import java.util.Set;

/**
 * A standard code list whose values JSON-LD documents write as bare terms ({@code shipping}) and the
 * pre-hash as web URIs ({@code https://ref.gs1.org/cbv/BizStep-shipping}). The terms are those of the EPCIS
 * 2.0 JSON-LD context, so that no context has to be fetched.
 */
public enum Vocabulary {
    BUSINESS_STEP(Iris.CBV + "BizStep-", "accepting arriving assembling collecting commissioning consigning "
            + "creating_class_instance cycle_counting decommissioning departing destroying disassembling "
            + "dispensing encoding entering_exiting holding inspecting installing killing loading other packing "
            + "picking receiving removing repackaging repairing replacing reserving retail_selling sampling "
            + "sensor_reporting shipping staging_outbound stock_taking stocking storing transporting unloading "
            + "unpacking void_shipping"),
    DISPOSITION(Iris.CBV + "Disp-", "active available completeness_verified completeness_inferred conformant "
            + "container_closed container_open damaged destroyed dispensed disposed encoded expired in_progress "
            + "in_transit inactive mismatch_instance mismatch_class mismatch_quantity needs_replacement "
            + "no_pedigree_match non_conformant non_sellable_other partially_dispensed recalled reserved "
            + "retail_sold returned sellable_accessible sellable_not_accessible stolen unavailable unknown"),
    BUSINESS_TRANSACTION_TYPE(Iris.CBV + "BTT-",
            "bol cert desadv inv pedigree po poc prodorder recadv rma testprd testres upevt"),
    SOURCE_DESTINATION_TYPE(Iris.CBV + "SDT-", "owning_party possessing_party location"),
    MEASUREMENT_TYPE(Iris.GS1_VOC, "AbsoluteHumidity AbsorbedDose AbsorbedDoseRate Acceleration Radioactivity "
            + "Altitude AmountOfSubstance AmountOfSubstancePerUnitVolume Angle AngularAcceleration "
            + "AngularMomentum AngularVelocity Area Capacitance Conductance Conductivity Count Density "
            + "Dimensionless DoseEquivalent DoseEquivalentRate DynamicViscosity ElectricCharge ElectricCurrent "
            + "ElectricCurrentDensity ElectricFieldStrength Energy Exposure Force Frequency Illuminance "
            + "Inductance Irradiance KinematicViscosity Length LinearMomentum Luminance LuminousFlux "
            + "LuminousIntensity MagneticFlux MagneticFluxDensity MagneticVectorPotential Mass "
            + "MassConcentration MassFlowRate MassPerAreaTime MemoryCapacity MolalityOfSolute MolarEnergy "
            + "MolarMass MolarVolume Power Pressure RadiantFlux RadiantIntensity RelativeHumidity Resistance "
            + "Resistivity SolidAngle SpecificVolume Speed SurfaceDensity SurfaceTension Temperature Time Torque "
            + "Voltage Volume VolumeFlowRate VolumeFraction VolumetricFlux Wavenumber"),
    SENSOR_ALERT(Iris.GS1_VOC, "ALARM_CONDITION ERROR_CONDITION"),
    COMPONENT(Iris.CBV + "Comp-", "x y z axial_distance azimuth height spherical_radius polar_angle "
            + "elevation_angle easting northing latitude longitude altitude"),
    // not hashed (error declarations are no part of the hash), but a code list of the JSON binding all the same
    ERROR_REASON(Iris.CBV + "ER-", "did_not_occur incorrect_data");

    /** The namespaces the standard vocabularies live in. */
    static final class Iris {
        static final String CBV = "https://ref.gs1.org/cbv/";
        static final String GS1_VOC = "https://ref.gs1.org/voc/";

        private Iris() {
        }
    }

    /** The CBV 1.x URN prefixes and the web URI prefixes that replace them. */
    private static final Map<String, String> CBV_URN_PREFIXES = Map.of(
            "urn:epcglobal:cbv:bizstep:", Iris.CBV + "BizStep-",
            "urn:epcglobal:cbv:disp:", Iris.CBV + "Disp-",
            "urn:epcglobal:cbv:btt:", Iris.CBV + "BTT-",
            "urn:epcglobal:cbv:sdt:", Iris.CBV + "SDT-",
            "urn:epcglobal:cbv:er:", Iris.CBV + "ER-");
    private static final String CBV_URN = "urn:epcglobal:cbv:";

    private final String iriPrefix;
    private final Set<String> terms;

    Vocabulary(String iriPrefix, String terms) {
        this.iriPrefix = iriPrefix;
        this.terms = Set.of(terms.split(" "));
    }

    /** True when the value is a bare term of this vocabulary, e.g. {@code shipping} of the business steps. */
    public boolean isTerm(String value) {
        return terms.contains(value);
    }

    /**
     * The bare term of a CBV web URI ({@code https://ref.gs1.org/cbv/BizStep-shipping} is {@code shipping});
     * other values as they are, null as null.
     */
    public static String bareTerm(String uri) {
        int dash = uri != null && uri.startsWith(Iris.CBV) ? uri.indexOf('-') : -1;
        return dash > 0 ? uri.substring(dash + 1) : uri;
    }

    /** The web URI of a bare term of this vocabulary, or null when the value is no such term. */
    public String expandBareTerm(String value) {
        return terms.contains(value) ? iriPrefix + value : null;
    }

    /**
     * The web URI for a CBV 1.x URN ({@code urn:epcglobal:cbv:bizstep:shipping}), or the value itself when
     * it is none (e.g. {@code urn:epcglobal:cbv:bt:…} identifiers stay).
     */
    public static String webUriForCbvUrn(String value) {
        if (!value.startsWith(CBV_URN)) {
            return value;
        }
        int colon = value.indexOf(':', CBV_URN.length());
        String webPrefix = colon < 0 ? null : CBV_URN_PREFIXES.get(value.substring(0, colon + 1));
        return webPrefix == null ? value : webPrefix + value.substring(colon + 1);
    }
}
