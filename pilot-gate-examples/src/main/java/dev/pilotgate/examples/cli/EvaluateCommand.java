package dev.pilotgate.examples.cli;

import dev.pilotgate.GateEvaluationException;
import dev.pilotgate.GateEvaluator;
import dev.pilotgate.RuleSetException;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.io.DecisionJson;
import dev.pilotgate.io.PilotDocumentException;
import dev.pilotgate.io.PilotReader;
import dev.pilotgate.model.Pilot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code evaluate}: reads a portfolio of pilot documents, decides each pilot's gate and
 * prints the decisions as a text report or a JSON array.
 *
 * <p>All or nothing: when a document cannot be read, the rules cannot be loaded, or the
 * rules fail on a pilot, nothing is printed on stdout and every problem goes to stderr,
 * one a line, with exit code 2.
 *
 * <p>On a portfolio of more than {@value Progress#THRESHOLD} pilots, run in a terminal, a
 * progress line ({@code deciding 37/250 pilots}) is drawn on stderr and cleared before the
 * output; never in a pipe, a file or a test.
 */
@Command(
    name = "evaluate",
    description = "Decides the stage gate of each pilot and prints the decisions.",
    sortOptions = false)
final class EvaluateCommand implements Callable<Integer> {

  /** How to print the decisions. */
  enum Format { text, json }

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--rules", paramLabel = "DIR",
      description = "Directory with the .drl files and policy.properties to use. Default: the bundled rules.")
  Path rules;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = IsoDate.class,
      description = "The day to decide for, so that a run is reproducible. Default: today.")
  LocalDate asOf;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      description = "text: a report for people; json: an array, one object per pilot. Default: ${DEFAULT-VALUE}.")
  Format format;

  @Parameters(arity = "1..*", paramLabel = "FILE|DIR",
      description = "Pilot documents (.yaml, .yml, .json), or directories of them.")
  List<Path> inputs;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean debug = PilotGateCli.debug(spec);

    // 1. The portfolio (cheap, so bad input is reported before the rules are compiled).
    List<Pilot> pilots;
    try {
      pilots = PilotReader.create().readAll(inputs);
    } catch (PilotDocumentException e) {
      ErrorReport.pilotDocument(err, e, debug);
      return PilotGateCli.EXIT_BAD_INPUT;
    }
    if (pilots.isEmpty()) {
      err.println("error: no pilot document (*.yaml, *.yml, *.json) in " + describe(inputs));
      return PilotGateCli.EXIT_BAD_INPUT;
    }

    // 2. The rules.
    GateEvaluator evaluator;
    try {
      evaluator = rules == null ? GateEvaluator.create() : GateEvaluator.fromDirectory(rules);
    } catch (RuleSetException e) {
      ErrorReport.ruleSet(err, e, debug);
      return PilotGateCli.EXIT_BAD_INPUT;
    }

    // 3. The decisions, all of them before anything is printed.
    LocalDate day = asOf != null ? asOf : LocalDate.now();
    List<GateDecision> decisions = new ArrayList<>();
    List<GateEvaluationException> failures = new ArrayList<>();
    Progress progress = Progress.of(err, "pilots", pilots.size(), PilotGateCli.terminal(spec));
    for (Pilot pilot : pilots) {
      try {
        decisions.add(evaluator.evaluate(pilot, day));
      } catch (GateEvaluationException e) {
        failures.add(e);
      }
      progress.step();
    }
    progress.done();
    if (!failures.isEmpty()) {
      ErrorReport.evaluation(err, failures, evaluator.rulesSource(), debug);
      return PilotGateCli.EXIT_BAD_INPUT;
    }

    // 4. The output.
    if (format == Format.json) {
      out.println(DecisionJson.toJson(decisions));
    } else {
      out.print(new TextReport(TextReport.Symbols.forCharset(PilotGateCli.outputCharset())).render(decisions));
    }
    out.flush();
    return PilotGateCli.EXIT_OK;
  }

  private static String describe(List<Path> paths) {
    return paths.size() == 1 ? paths.get(0).toString() : paths.toString();
  }

  /** Parses {@code YYYY-MM-DD}, with a message that says which form is expected. */
  static final class IsoDate implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("'" + value + "' is not a date of the form YYYY-MM-DD");
      }
    }
  }
}
