package city.trace.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package picture over the compiled classes: features that import each other, directly or round a longer
 * loop, cannot be understood (or moved) one at a time; and the proof format with its verifier must run where
 * no Quarkus does (the command-line verifier, anyone's own checker).
 */
class PackagesTest {

    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("city.trace");

    @Test
    void noFeaturePackagesImportEachOther() {
        // a feature is a package under city.trace with its sub-packages (anchor holds anchor.*), as drawn
        slices().matching("city.trace.(*)..").should().beFreeOfCycles().check(APP);
    }

    @Test
    void noPackageImportsOneThatImportsIt() {
        slices().matching("city.trace.(**)").should().beFreeOfCycles().check(APP);
    }

    @Test
    void theProofFormatAndVerifierArePlainJava() {
        noClasses().that().resideInAnyPackage("city.trace.proof..", "city.trace.merkle..", "city.trace.chain.contract..",
                "city.trace.epcis.hash..", "city.trace.epcis.xml..", "city.trace.device.coldchain..",
                "city.trace.signedreadings..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta.enterprise..", "jakarta.inject..",
                        "jakarta.persistence..", "jakarta.ws.rs..", "io.smallrye..", "io.vertx..")
                .check(APP);
    }
}
