package dev.groupscope.kafka;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Kafka's rules are pure functions of the JDK: no Kafka classes, no JavaFX, no GroupScope layers above them. */
class JdkOnlyArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.groupscope.kafka");

    @Test
    void kafkaPackagesDependOnlyOnTheJdkAndThemselves() {
        classes().that().resideInAPackage("dev.groupscope.kafka..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.groupscope.kafka..")
                .check(MAIN);
    }
}
