package dev.pilotgate.examples.cli;

import dev.pilotgate.BundledRules;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code init DIR}: starts an operator's own rules directory as a copy of the bundled rule set
 * (the {@code .drl} files, {@code policy.properties}, the finding catalogue {@code findings.properties}
 * and, unless {@code --no-scenarios}, the scenarios that pin them), ready to edit, {@code validate}
 * and {@code watch}. It never overwrites a file: a directory that already holds one of them is
 * refused (exit 2) naming it, with the files written before it left in place.
 */
@Command(
    name = "init",
    description = "Copies the bundled rules, policy, finding catalogue and scenarios into DIR to start your own.",
    sortOptions = false)
final class InitCommand implements Callable<Integer> {

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--no-scenarios", description = "Leave out the bundled scenarios (DIR/scenarios/).")
  boolean noScenarios;

  @Parameters(paramLabel = "DIR", description = "Directory to create or fill; no file in it is overwritten.")
  Path directory;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> written;
    try {
      written = BundledRules.copyTo(directory, !noScenarios);
    } catch (FileAlreadyExistsException e) {
      err.println(e.getFile() + ": exists already; init writes only into a new or empty directory and overwrites"
          + " nothing");
      return PilotGateCli.EXIT_BAD_INPUT;
    } catch (IOException e) {
      err.println(directory + ": cannot be written: " + e);
      return PilotGateCli.EXIT_BAD_INPUT;
    }
    long scenarios = written.stream().filter(p -> p.startsWith(directory.resolve("scenarios"))).count();
    out.println("rules " + BundledRules.version(!noScenarios) + " copied to " + directory + ": " + (written.size() - scenarios)
        + " rule, policy and catalogue files, " + scenarios + " scenario files");
    out.println("next: edit them, then run pilot-gate validate --rules " + directory);
    out.flush();
    return PilotGateCli.EXIT_OK;
  }
}
