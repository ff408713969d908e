package dev.pilotgate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The package structure a newcomer reads from the folder tree, enforced: every package of
 * {@code pilot-gate-core} (the root {@code dev.pilotgate} included) is a node of an acyclic graph;
 * what a rule may see (the model, the decision, the facts, the policy) depends on neither Drools nor
 * Jackson nor the implementation; and the implementation ({@code internal}) is used by the public
 * entry points only.
 */
class ArchitectureTest {
  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.pilotgate");

  /** Each package is its own slice, so a cycle through the root package counts too. */
  private static final SliceAssignment BY_PACKAGE = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      return javaClass.getPackageName().startsWith("dev.pilotgate")
          ? SliceIdentifier.of(javaClass.getPackageName())
          : SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
      return "packages of dev.pilotgate";
    }
  };

  @Test
  void packages_haveNoCycles() {
    slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles().check(CORE);
  }

  @Test
  void whatRulesSee_dependsOnNeitherDroolsNorJacksonNorTheImplementation() {
    noClasses().that().resideInAnyPackage("dev.pilotgate.model..", "dev.pilotgate.decision..",
            "dev.pilotgate.facts..", "dev.pilotgate.policy..")
        .should().dependOnClassesThat().resideInAnyPackage("org.drools..", "org.kie..",
            "com.fasterxml.jackson..", "dev.pilotgate.internal..")
        .because("rule authors compile against these types; they are the stable contract (docs/rules.md)")
        .check(CORE);
  }

  @Test
  void theImplementation_isUsedOnlyByTheEntryPoints() {
    noClasses().that().resideOutsideOfPackage("dev.pilotgate.internal..")
        .and().haveNameNotMatching(
            "dev\\.pilotgate\\.(GateEvaluator|BundledRules|io\\.PilotReader|scenario\\.ScenarioReader)(\\$.*)?")
        .should().dependOnClassesThat().resideInAPackage("dev.pilotgate.internal..")
        .because("internal may change in any release; only the entry points that hide it may use it")
        .check(CORE);
  }

  @Test
  void drools_isUsedOnlyByTheEngine() {
    noClasses().that().resideOutsideOfPackage("dev.pilotgate.internal.engine..")
        .should().dependOnClassesThat().resideInAnyPackage("org.drools..", "org.kie..")
        .because("the engine is replaceable behind GateEvaluator; the rest of the library knows findings, not Drools")
        .check(CORE);
  }
}
