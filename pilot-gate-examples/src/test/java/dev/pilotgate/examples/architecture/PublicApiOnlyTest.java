package dev.pilotgate.examples.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The examples are what a host application writes: they, and their tests, use the public API of
 * pilot-gate-core only, never its {@code internal} packages (which may change in any release).
 */
class PublicApiOnlyTest {
  @Test
  void examplesAndTheirTests_useNoInternalPackage() {
    noClasses().that().resideInAPackage("dev.pilotgate.examples..")
        .should().dependOnClassesThat().resideInAPackage("dev.pilotgate.internal..")
        .check(new ClassFileImporter().importPackages("dev.pilotgate.examples"));
  }
}
