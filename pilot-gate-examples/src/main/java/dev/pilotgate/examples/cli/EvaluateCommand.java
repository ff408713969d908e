package dev.pilotgate.examples.cli;

import dev.pilotgate.ruleset.GateEvaluationException;
import dev.pilotgate.GateEvaluator;
import dev.pilotgate.ruleset.RuleSetException;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.io.DecisionJson;
import dev.pilotgate.io.PilotDocumentException;
import dev.pilotgate.io.PilotReader;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.report.HtmlReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code evaluate}: reads a portfolio of pilot documents, decides each pilot's gate and
 * prints the decisions as a text report or a JSON array, or writes them as one
 * self-contained HTML page ({@link HtmlReport}).
 *
 * <p>{@code --output FILE} writes the report to {@code FILE} (UTF-8) instead of stdout and
 * prints one line on stdout, {@code wrote FILE: 10 pilots as of 2026-06-01}. The HTML page
 * is always written to a file: {@code --format html} without {@code --output} is a usage
 * error (exit 2).
 *
 * <p>All or nothing: when a document cannot be read, the rules cannot be loaded, or the
 * rules fail on a pilot, nothing is printed on stdout, no file is written, and every
 * problem goes to stderr, one a line, with exit code 2.
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
  enum Format { text, json, html }

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--rules", paramLabel = "DIR",
      description = "Directory with the .drl files and policy.properties to use. Default: the bundled rules.")
  Path rules;

  @Mixin
  TrustedRulesOption trust;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = IsoDate.class,
      description = "The day to decide for, so that a run is reproducible. Default: today.")
  LocalDate asOf;

  @Option(names = "--format", paramLabel = "text|json|html", defaultValue = "text",
      description = "text: a report for people; json: an array, one object per pilot; "
          + "html: one self-contained page with a stage funnel, a table and charts (needs --output). "
          + "Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--output", paramLabel = "FILE",
      description = "Write the report to FILE (UTF-8, replaced if it exists) instead of stdout. Required for html.")
  Path output;

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
    if (format == Format.html && output == null) {
      throw new ParameterException(spec.commandLine(),
          "Missing required option: '--output=FILE' (--format html writes the report to a file)");
    }

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
      evaluator = rules == null ? GateEvaluator.create()
          : GateEvaluator.builder().rulesDirectory(rules).trustedRules(trust.trusted).build();
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
    if (output == null) {
      out.print(render(pilots, decisions, PilotGateCli.outputCharset()));
      out.flush();
      return PilotGateCli.EXIT_OK;
    }
    try {
      Files.writeString(output, render(pilots, decisions, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println("error: " + output + ": cannot be written: " + reason(e));
      if (debug) {
        e.printStackTrace(err);
      }
      err.flush();
      return PilotGateCli.EXIT_BAD_INPUT;
    }
    out.println("wrote " + output + ": " + pilots.size() + (pilots.size() == 1 ? " pilot" : " pilots") + " as of " + day);
    out.flush();
    return PilotGateCli.EXIT_OK;
  }

  /** The whole report in {@link #format}, ending with a line break; {@code charset} is what it will be encoded in. */
  private String render(List<Pilot> pilots, List<GateDecision> decisions, Charset charset) {
    return switch (format) {
      case json -> DecisionJson.toJson(decisions) + System.lineSeparator();
      case html -> HtmlReport.render(pilots, decisions);
      case text -> new TextReport(TextReport.Symbols.forCharset(charset)).render(decisions);
    };
  }

  /** Why a file could not be written, in words (no exception class names). */
  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
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
