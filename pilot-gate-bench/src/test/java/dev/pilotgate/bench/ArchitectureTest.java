package dev.pilotgate.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The bench uses pilot-gate the way a user does: through its public API, never its
 * {@code dev.pilotgate.internal} packages, so that a change inside the engine, or to the bundled
 * rules, needs no change here. Benchmarks, yardsticks and tests alike.
 */
@AnalyzeClasses(packages = "dev.pilotgate.bench")
class ArchitectureTest {
  @ArchTest
  static final ArchRule noInternalPackages = noClasses().that().resideInAPackage("dev.pilotgate.bench..")
      .should().dependOnClassesThat().resideInAPackage("dev.pilotgate.internal..")
      .because("the bench measures and checks pilot-gate through its public API (GateEvaluator, facts, policy)");
}
