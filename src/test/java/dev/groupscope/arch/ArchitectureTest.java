package dev.groupscope.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the arrows of ARCHITECTURE.md pointing one way. The model (kafka, sim, scenario, diagram) and the words
 * (i18n) know nothing of JavaFX, so they run in the CLI, in tests and in exports without a toolkit; only the app
 * reaches into the UI; and Kafka's rules stand on the JDK alone. Packages not yet written are allowed to be empty.
 */
@AnalyzeClasses(packages = "dev.groupscope", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule modelAndWordsDoNotUseJavaFx = noClasses()
            .that().resideInAnyPackage("dev.groupscope.kafka..", "dev.groupscope.sim..",
                    "dev.groupscope.scenario..", "dev.groupscope.diagram..", "dev.groupscope.i18n..",
                    "dev.groupscope.lab..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyTheAppUsesTheUi = noClasses()
            .that().resideOutsideOfPackages("dev.groupscope.ui..", "dev.groupscope.app..")
            .should().dependOnClassesThat().resideInAPackage("dev.groupscope.ui..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule kafkaRulesStandOnTheJdkAlone = classes()
            .that().resideInAPackage("dev.groupscope.kafka..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.groupscope.kafka..", "java..", "javax..")
            .allowEmptyShould(true);

    /** The assignor lab's books are plain data over Kafka's assignors: usable from tests and exports alike. */
    @ArchTest
    static final ArchRule theLabStandsOnKafkaRulesAndTheJdk = classes()
            .that().resideInAPackage("dev.groupscope.lab..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.groupscope.lab..", "dev.groupscope.kafka..",
                    "java..")
            .allowEmptyShould(true);
}
