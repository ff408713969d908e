package dev.pilotgate.internal.engine;

import dev.pilotgate.ruleset.RuleProblem;
import dev.pilotgate.ruleset.RuleSetException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files of one rule set, read into memory: every {@code *.drl} of a folder (not
 * recursive), its {@code policy.properties}, its finding catalogue and the scenario files under its
 * {@code scenarios/} folder (recursive). {@link #version()} is a short content hash of all of them:
 * what decides.
 */
public record RuleSource(String origin, List<RuleFile> drlFiles, RuleFile policyFile, List<RuleFile> scenarioFiles,
    RuleFile catalogueFile) {
  public static final String POLICY_FILE = "policy.properties";
  /** The folder, inside a rule set, of the scenarios that test it. */
  public static final String SCENARIO_FOLDER = "scenarios";
  /** Where the bundled rule set lives on the classpath (the pilot-gate-rules jar). */
  public static final String BUNDLED_FOLDER = "dev/pilotgate/rules";

  public RuleSource {
    drlFiles = List.copyOf(drlFiles);
    scenarioFiles = List.copyOf(scenarioFiles);
    if (catalogueFile == null) {
      catalogueFile = bundledCatalogue();
    }
  }

  /** A rule set with the bundled finding catalogue. */
  public RuleSource(String origin, List<RuleFile> drlFiles, RuleFile policyFile, List<RuleFile> scenarioFiles) {
    this(origin, drlFiles, policyFile, scenarioFiles, null);
  }

  /** The bundled finding catalogue: a rules directory without its own {@code findings.properties} uses it. */
  static RuleFile bundledCatalogue() {
    String resource = BUNDLED_FOLDER + "/" + Catalogue.FILE;
    try (var in = RuleSource.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new RuleSetException("classpath:" + BUNDLED_FOLDER, List.of(new RuleProblem("classpath:" + resource, 0,
            "not found on the classpath; is pilot-gate-rules a dependency?")));
      }
      return new RuleFile(Catalogue.FILE, "classpath:" + resource, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a rule set from a directory, refusing one that anyone but its owner may write to (see {@link RulePermissions}). */
  public static RuleSource fromDirectory(Path directory) {
    return fromDirectory(directory, RulePermissions.Writers.OWNER);
  }

  /**
   * Reads a rule set from a directory. A directory, rule set file or parent that more than
   * {@code accepted} may write to, or a rule set file that links outside the directory, is a problem
   * ({@link RulePermissions}): rules are code.
   */
  public static RuleSource fromDirectory(Path directory, RulePermissions.Writers accepted) {
    String origin = directory.toString();
    if (!Files.isDirectory(directory)) {
      throw new RuleSetException(origin, List.of(new RuleProblem(origin, 0, "is not a directory")));
    }
    List<RuleProblem> problems = RulePermissions.check(directory, accepted);
    if (!problems.isEmpty()) {
      throw new RuleSetException(origin, problems);
    }
    return read(directory, origin, directory);
  }

  /** Reads the rule set bundled in pilot-gate-rules, from a jar or a classes folder. */
  public static RuleSource bundled(ClassLoader loader) {
    String origin = "classpath:" + BUNDLED_FOLDER;
    URL url = loader.getResource(BUNDLED_FOLDER + "/" + POLICY_FILE);
    if (url == null) {
      throw new RuleSetException(origin, List.of(new RuleProblem(origin + "/" + POLICY_FILE, 0,
          "not found on the classpath; is pilot-gate-rules a dependency?")));
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        boolean close = true;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
          close = false;
        }
        try {
          Path folder = fs.provider().getPath(uri).getParent();
          return read(folder, origin, Path.of(BUNDLED_FOLDER));
        } finally {
          if (close) {
            fs.close();
          }
        }
      }
      return read(Path.of(uri).getParent(), origin, Path.of(BUNDLED_FOLDER));
    } catch (URISyntaxException e) {
      throw new IllegalStateException("bad classpath URL " + url, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RuleSource read(Path folder, String origin, Path displayFolder) {
    List<RuleFile> drls = new ArrayList<>();
    List<Path> paths;
    try (Stream<Path> listing = Files.list(folder)) {
      paths = listing.filter(p -> p.getFileName().toString().endsWith(".drl") && Files.isRegularFile(p))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new RuleSetException(origin, List.of(new RuleProblem(origin, 0, "cannot be listed: " + e)));
    }
    List<RuleProblem> problems = new ArrayList<>();
    for (Path p : paths) {
      RuleFile file = readFile(p, displayFolder, problems);
      if (file != null) {
        drls.add(file);
      }
    }
    Path policyPath = folder.resolve(POLICY_FILE);
    RuleFile policy = null;
    if (!Files.isRegularFile(policyPath)) {
      problems.add(new RuleProblem(displayFolder.resolve(POLICY_FILE).toString(), 0,
          "missing: a rule set needs its policy file of thresholds"));
    } else {
      policy = readFile(policyPath, displayFolder, problems);
    }
    List<RuleFile> scenarios = new ArrayList<>();
    Path scenarioFolder = folder.resolve(SCENARIO_FOLDER);
    if (Files.isDirectory(scenarioFolder)) {
      try (Stream<Path> walk = Files.walk(scenarioFolder)) {
        for (Path p : walk.filter(Files::isRegularFile).filter(RuleSource::isYaml).sorted().toList()) {
          String relative = folder.relativize(p).toString();
          try {
            scenarios.add(new RuleFile(relative, displayFolder.resolve(relative).toString(), Files.readAllBytes(p)));
          } catch (IOException e) {
            problems.add(new RuleProblem(displayFolder.resolve(relative).toString(), 0, "cannot be read: " + e));
          }
        }
      } catch (IOException e) {
        problems.add(new RuleProblem(displayFolder.resolve(SCENARIO_FOLDER).toString(), 0, "cannot be listed: " + e));
      }
    }
    if (drls.isEmpty() && problems.isEmpty()) {
      problems.add(new RuleProblem(origin, 0, "has no .drl file"));
    }
    if (!problems.isEmpty()) {
      throw new RuleSetException(origin, problems);
    }
    Path cataloguePath = folder.resolve(Catalogue.FILE);
    RuleFile catalogue = Files.isRegularFile(cataloguePath) ? readFile(cataloguePath, displayFolder, problems) : null;
    if (!problems.isEmpty()) {
      throw new RuleSetException(origin, problems);
    }
    return new RuleSource(origin, drls, policy, scenarios, catalogue);
  }

  private static boolean isYaml(Path p) {
    String name = p.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  private static RuleFile readFile(Path p, Path displayFolder, List<RuleProblem> problems) {
    String name = p.getFileName().toString();
    String display = displayFolder.resolve(name).toString();
    try {
      return new RuleFile(name, display, Files.readAllBytes(p));
    } catch (IOException e) {
      problems.add(new RuleProblem(display, 0, "cannot be read: " + e));
      return null;
    }
  }

  /**
   * The first 12 hex digits of a SHA-256 over the names and contents of everything that decides: the
   * rule files, the policy, the finding catalogue and the scenarios (which decide whether rules are
   * activated). Scenario files are named by their path under the rule set with {@code /} on every
   * platform, so the same files give the same version anywhere.
   */
  public String version() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (RuleFile f : drlFiles) {
        digest(sha, f);
      }
      digest(sha, policyFile);
      digest(sha, catalogueFile);
      List<RuleFile> scenarios = scenarioFiles.stream()
          .map(f -> new RuleFile(f.name().replace('\\', '/'), f.display(), f.content()))
          .sorted(Comparator.comparing(RuleFile::name))
          .toList();
      for (RuleFile f : scenarios) {
        digest(sha, f);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void digest(MessageDigest sha, RuleFile f) {
    sha.update(f.name().getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
    sha.update(f.content());
    sha.update((byte) 0);
  }
}
