package dev.pilotgate.examples.cli;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.io.PilotDocumentException;
import dev.pilotgate.ruleset.RuleProblem;
import dev.pilotgate.ruleset.RuleSetException;
import dev.pilotgate.scenario.ScenarioReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code validate --rules DIR}: builds the rule set in {@code DIR} exactly as
 * {@link GateEvaluator#fromDirectory} does (every {@code *.drl} compiles, the policy is
 * complete, and every scenario under {@code DIR/scenarios/} passes), so that an edit can be
 * checked before it is deployed or saved into a watched directory.
 *
 * <p>Valid: exit 0 and one line on stdout,
 * {@code rules VERSION from DIR: N rule files, M scenarios passed}. Invalid: exit 2 and one
 * line on stderr per problem, {@code FILE:LINE: message}, as a compiler reports.
 */
@Command(
    name = "validate",
    description = "Checks a rules directory: its .drl files compile, its policy is complete and its scenarios pass.",
    sortOptions = false)
final class ValidateCommand implements Callable<Integer> {

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--rules", paramLabel = "DIR", required = true,
      description = "Directory with the .drl files, policy.properties and scenarios/ to check.")
  Path rules;

  @Mixin
  TrustedRulesOption trust;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean debug = PilotGateCli.debug(spec);

    String version;
    try (GateEvaluator evaluator = GateEvaluator.builder().rulesDirectory(rules).trustedRules(trust.trusted).build()) {
      version = evaluator.rulesVersion();
      // valid, but most likely a mistake (a policy key no rule reads): said, without failing the check
      for (RuleProblem w : evaluator.warnings()) {
        err.println("warning: " + w);
      }
    } catch (RuleSetException e) {
      ErrorReport.ruleProblems(err, e, debug);
      return PilotGateCli.EXIT_BAD_INPUT;
    }

    // The rule set is valid, so its files were all readable a moment ago: count them for the summary.
    long ruleFiles;
    int scenarios;
    try {
      ruleFiles = countRuleFiles(rules);
      Path scenarioFolder = rules.resolve("scenarios");
      scenarios = Files.isDirectory(scenarioFolder)
          ? ScenarioReader.create().readAll(List.of(scenarioFolder)).size()
          : 0;
    } catch (IOException | PilotDocumentException e) {
      // Changed or removed while being validated: report it as what it now is, a problem.
      err.println(rules + ": changed while it was validated: " + e.getMessage().strip().replaceAll("\\s*\\R\\s*", " "));
      return PilotGateCli.EXIT_BAD_INPUT;
    }
    out.println("rules " + version + " from " + rules + ": "
        + ruleFiles + (ruleFiles == 1 ? " rule file, " : " rule files, ")
        + scenarios + (scenarios == 1 ? " scenario passed" : " scenarios passed"));
    out.flush();
    return PilotGateCli.EXIT_OK;
  }

  /** The {@code *.drl} files the rule set is built from: those directly in {@code dir}. */
  private static long countRuleFiles(Path dir) throws IOException {
    try (Stream<Path> listing = Files.list(dir)) {
      return listing.filter(p -> p.getFileName().toString().endsWith(".drl") && Files.isRegularFile(p)).count();
    }
  }
}
