package dev.pilotgate.examples.cli;

import dev.pilotgate.io.PilotReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The content of a portfolio's pilot documents at one moment, for {@code watch} to see
 * whether anything changed: each named file, and each {@code *.yaml}, {@code *.yml} and
 * {@code *.json} file directly in a named directory (as {@link PilotReader#readAll} reads
 * them), with its text or why it could not be read. Two snapshots are equal when the same
 * files hold the same text, so a change is judged on content, not on timestamps (which
 * coarse or network file systems get wrong), and touching a file is no change. Immutable.
 *
 * @param files    the documents, in the order given, each directory's in name order
 * @param problems inputs that could not be listed or do not exist, one line each ({@code PATH: message})
 */
record PortfolioSnapshot(List<Document> files, List<String> problems) {

  /**
   * One pilot document as read.
   *
   * @param file    where it is
   * @param content its text, or {@code null} when it could not be read
   * @param error   why it could not be read, or {@code null}
   */
  record Document(Path file, String content, String error) {}

  PortfolioSnapshot {
    files = List.copyOf(files);
    problems = List.copyOf(problems);
  }

  /** Reads every document of {@code inputs} now; never throws for a missing or unreadable file. */
  static PortfolioSnapshot read(List<Path> inputs) {
    List<Path> paths = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        try (Stream<Path> listing = Files.list(input)) {
          listing.filter(f -> PilotReader.formatOf(f) != null && Files.isRegularFile(f)).sorted().forEach(paths::add);
        } catch (IOException e) {
          problems.add(input + ": cannot be listed: " + e);
        }
      } else if (Files.exists(input)) {
        paths.add(input);
      } else {
        problems.add(input + ": does not exist");
      }
    }
    List<Document> files = new ArrayList<>(paths.size());
    for (Path p : paths) {
      try {
        files.add(new Document(p, Files.readString(p), null));
      } catch (IOException e) {
        files.add(new Document(p, null, "cannot be read: " + e));
      }
    }
    return new PortfolioSnapshot(files, problems);
  }
}
