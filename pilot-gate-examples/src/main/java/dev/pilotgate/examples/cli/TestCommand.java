package dev.pilotgate.examples.cli;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.ruleset.RuleSetException;
import dev.pilotgate.io.PilotDocumentException;
import dev.pilotgate.scenario.Scenario;
import dev.pilotgate.scenario.ScenarioReader;
import dev.pilotgate.scenario.ScenarioResult;
import dev.pilotgate.scenario.ScenarioRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code test}: runs scenario files (docs/pilot-document.md, scenario files) against a rule set, the way a policy
 * engine's test command does, so that a rule author can run it after every edit.
 *
 * <p>Output on stdout, in this order:
 * <ul>
 *   <li>with {@code --verbose}, one line per passing scenario: {@code ok    FILE:LINE  #N NAME};
 *   <li>one block per failing scenario: {@code FAIL  FILE:LINE  #N NAME}, then indented, the
 *       outcome (expected and actual) and the missing and unexpected findings
 *       ({@link ScenarioResult#problems()});
 *   <li>with {@code --coverage}, the rules that no scenario fired;
 *   <li>last, exactly {@code N passed, M failed}.
 * </ul>
 * {@code FILE:LINE} is where the scenario's document starts, so editors and terminals can
 * jump to it; {@code #N} is its position in the file.
 *
 * <p>Exit codes: 0 every scenario passed; 1 some failed; 2 a scenario file cannot be read
 * (one stderr line per problem, {@code FILE:LINE: PATH: message}, for every file at once),
 * there is no scenario, or the rules cannot be loaded. The rules of a directory are loaded
 * <em>without</em> running its own {@code scenarios/} (which {@code validate} and the
 * evaluator do): those are what this command reports on, scenario by scenario.
 */
@Command(
    name = "test",
    description = "Runs scenario files against the rules; the last line is 'N passed, M failed'.",
    sortOptions = false)
final class TestCommand implements Callable<Integer> {
  private static final String INDENT = "      ";

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--rules", paramLabel = "DIR",
      description = "Directory with the .drl files and policy.properties to test. Default: the bundled rules.")
  Path rules;

  @Mixin
  TrustedRulesOption trust;

  @Option(names = "--coverage",
      description = "Also list the rules that no scenario fired.")
  boolean coverage;

  @Option(names = {"-v", "--verbose"},
      description = "Also print one line for each scenario that passed.")
  boolean verbose;

  @Parameters(arity = "0..*", paramLabel = "SCENARIO_FILE|DIR",
      description = "Scenario files (.yaml, .yml), or directories of them (searched recursively)."
          + " Default with --rules: DIR/scenarios.")
  List<Path> inputs;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean debug = PilotGateCli.debug(spec);

    List<Path> paths = inputs;
    if (paths == null || paths.isEmpty()) {
      if (rules == null) {
        err.println("error: give scenario files or directories, or --rules DIR to run DIR/scenarios");
        return PilotGateCli.EXIT_BAD_INPUT;
      }
      paths = List.of(rules.resolve("scenarios"));
    }

    // 1. Every scenario file, every problem of every file reported at once.
    List<Scenario> scenarios = new ArrayList<>();
    boolean unreadable = false;
    ScenarioReader reader = ScenarioReader.create();
    for (Path file : scenarioFiles(paths, err)) {
      if (file == null) {
        unreadable = true;
        continue;
      }
      try {
        scenarios.addAll(reader.read(file));
      } catch (PilotDocumentException e) {
        ErrorReport.documentProblems(err, e, debug);
        unreadable = true;
      }
    }
    if (unreadable) {
      return PilotGateCli.EXIT_BAD_INPUT;
    }
    if (scenarios.isEmpty()) {
      err.println("error: no scenario file (*.yaml, *.yml) in " + (paths.size() == 1 ? paths.get(0) : paths));
      return PilotGateCli.EXIT_BAD_INPUT;
    }

    // 2. The rules, without verifying the directory's own scenarios: reporting on them is this command's job.
    GateEvaluator evaluator;
    try {
      evaluator = rules == null
          ? GateEvaluator.create()
          : GateEvaluator.builder().rulesDirectory(rules).verifyScenarios(false).trustedRules(trust.trusted).build();
    } catch (RuleSetException e) {
      ErrorReport.ruleProblems(err, e, debug);
      return PilotGateCli.EXIT_BAD_INPUT;
    }

    // 3. Run, report.
    try (evaluator) {
      List<ScenarioResult> results = ScenarioRunner.runAll(evaluator::explain, scenarios);
      int failed = 0;
      for (ScenarioResult r : results) {
        if (r.passed()) {
          if (verbose) {
            out.println("ok    " + where(r.scenario()));
          }
          continue;
        }
        failed++;
        out.println("FAIL  " + where(r.scenario()));
        for (String line : failure(r)) {
          out.println(INDENT + line);
        }
      }
      if (coverage) {
        coverage(out, evaluator, results);
      }
      int passed = results.size() - failed;
      out.println(passed + " passed, " + failed + " failed");
      out.flush();
      return failed == 0 ? PilotGateCli.EXIT_OK : PilotGateCli.EXIT_SCENARIO_FAILED;
    }
  }

  /**
   * The scenario files of {@code paths} in the order {@link ScenarioReader#readAll} reads them
   * (each named file; each directory's {@code *.yaml} and {@code *.yml} files, recursively, in
   * path order); a {@code null} entry, with its problem on {@code err}, for a path that does not
   * exist or cannot be listed. Listed here rather than by {@code readAll} so that every file's
   * problems are reported, not only the first bad file's.
   */
  private static List<Path> scenarioFiles(List<Path> paths, PrintWriter err) {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile).filter(TestCommand::isScenarioFile).sorted().forEach(files::add);
        } catch (IOException | java.io.UncheckedIOException e) {
          err.println(p + ": cannot be listed: " + e.getMessage());
          files.add(null);
        }
      } else if (Files.exists(p)) {
        files.add(p);
      } else {
        err.println(p + ": does not exist: give a scenario file or a directory of them");
        files.add(null);
      }
    }
    return files;
  }

  private static boolean isScenarioFile(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  /** {@code FILE:LINE  #N NAME}, from the scenario's source {@code FILE#N} and line. */
  static String where(Scenario s) {
    String source = s.source();
    int hash = source.lastIndexOf('#');
    String file = hash < 0 ? source : source.substring(0, hash);
    String position = hash < 0 ? "" : source.substring(hash) + " ";
    return file + (s.line() > 0 ? ":" + s.line() : "") + "  " + position + s.name();
  }

  /** What a failed scenario expected and what the rules said, one item a line. */
  private static List<String> failure(ScenarioResult r) {
    List<String> lines = new ArrayList<>();
    Scenario.Expectation expect = r.scenario().expect();
    if (r.decision() != null && r.outcomeMatches()) {
      // problems() names the outcome only when it is wrong; say it anyway, it frames the rest.
      lines.add(expect.outcome() == null
          ? "outcome " + r.decision().outcome() + " (not checked)"
          : "outcome " + r.decision().outcome() + ", as expected");
    }
    for (String p : r.problems()) {
      lines.add(p.strip().replaceAll("\\s*\\R\\s*", " "));
    }
    return lines;
  }

  private static void coverage(PrintWriter out, GateEvaluator evaluator, List<ScenarioResult> results) {
    List<String> unfired = ScenarioRunner.unfiredRules(evaluator.ruleNames(), results);
    int total = evaluator.ruleNames().size();
    if (unfired.isEmpty()) {
      out.println("coverage: every rule (" + total + ") fired in some scenario");
      return;
    }
    out.println("coverage: " + (total - unfired.size()) + " of " + total + " rules fired; "
        + unfired.size() + (unfired.size() == 1 ? " rule" : " rules") + " fired in no scenario:");
    for (String rule : unfired) {
      out.println("  " + rule);
    }
  }
}
