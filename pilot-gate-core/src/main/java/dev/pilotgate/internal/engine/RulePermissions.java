package dev.pilotgate.internal.engine;

import dev.pilotgate.ruleset.RuleProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whether a rules directory may be trusted to hold rules, judged the way OpenSSH's {@code StrictModes}
 * and sudo judge the files they read: by who, besides their owners, may write the paths that lead to
 * the rules.
 *
 * <ul>
 *   <li>The rules directory, and every file the rule set is read from ({@code *.drl},
 *       {@code policy.properties}, {@code findings.properties}, {@code scenarios/}, every directory and
 *       scenario file under it), must not be writable by others, nor by the group unless the group is
 *       accepted.
 *   <li>The same holds for the rules directory's parents, from the nearest up, until one that only its
 *       owner may write (no group or others write bit): whoever can write a parent can rename the rules
 *       directory and put another in its place, and an owner-only parent stops that, so the walk stops
 *       there. The rules directory itself is never that boundary. A world-writable parent is refused
 *       even with the sticky bit (as {@code /tmp} has): Java does not report that bit, and nothing here
 *       checks who owns the rules directory, so in a sticky directory anyone could have made it. An
 *       owner-only directory <em>below</em> {@code /tmp} ends the walk before {@code /tmp} is reached.
 *   <li>A file of the rule set that is a symbolic link whose real path lies outside the (real) rules
 *       directory is refused: the permissions checked would not be those of what is read. A link from
 *       inside to inside is followed and its target checked.
 * </ul>
 *
 * <p>The directory's path is resolved to its real path first; its parents are those of the real path.
 * On a file system without POSIX permissions the permission bits are not checked (links still are).
 * Owners are not checked.
 */
public final class RulePermissions {
  /** Who, besides a path's owner, may write to it with the rules still accepted. */
  public enum Writers {
    /** Only the owner: group- or world-writable paths are refused (the default). */
    OWNER,
    /** The owner and the file's group: world-writable paths are refused. */
    GROUP,
    /** Anyone: permission bits are not checked (symbolic links leading outside still are). */
    ANYONE
  }

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./@%+=:,-]+");

  private RulePermissions() {}

  /**
   * Every path of the rules directory {@code directory} that is writable by more than {@code accepted}
   * allows, or that is a link leading outside it: one problem per path, each saying what to do. The
   * rules directory first, then its parents from the nearest up, then its files in path order. Empty
   * when the directory cannot be read (reading it reports that).
   */
  public static List<RuleProblem> check(Path directory, Writers accepted) {
    Path realDirectory;
    try {
      realDirectory = directory.toRealPath();
    } catch (IOException e) {
      return List.of();
    }
    boolean bits = accepted != Writers.ANYONE
        && Files.getFileAttributeView(realDirectory, PosixFileAttributeView.class) != null;
    List<RuleProblem> problems = new ArrayList<>();
    if (bits) {
      checkBits(realDirectory, directory.toString(), accepted, false, problems);
      for (Path parent = realDirectory.getParent(); parent != null; parent = parent.getParent()) {
        PosixFileAttributes attributes = checkBits(parent, parent.toString(), accepted, true, problems);
        if (attributes == null || ownerOnly(attributes.permissions())) {
          break;
        }
      }
    }
    List<Path> files;
    try {
      files = files(directory);
    } catch (IOException | UncheckedIOException e) {
      return problems; // reading reports it
    }
    for (Path file : files) {
      String display = file.toString();
      if (Files.isSymbolicLink(file)) {
        Path target;
        try {
          target = file.toRealPath();
        } catch (IOException e) {
          continue; // a dangling link is not read: reading reports a missing policy
        }
        if (!target.startsWith(realDirectory)) {
          problems.add(new RuleProblem(display, 0, "is a symbolic link to " + target + ", outside the rules directory "
              + realDirectory + ": the rules directory's permissions do not cover it; copy the file into the rules"
              + " directory instead (or link to a file inside it)"));
          continue;
        }
      }
      if (bits) {
        checkBits(file, display, accepted, false, problems);
        if (Files.isSymbolicLink(file)) {
          linkedFolders(file, realDirectory, directory, accepted, problems);
        }
      }
    }
    return problems;
  }

  /**
   * The folders between a link's target and the rules directory, which the files' own checks do not
   * cover (the scenario folders are checked as files): whoever can write one can replace the target.
   */
  private static void linkedFolders(Path link, Path realDirectory, Path directory, Writers accepted,
      List<RuleProblem> problems) {
    Path target;
    try {
      target = link.toRealPath();
    } catch (IOException e) {
      return;
    }
    Path realScenarios = realDirectory.resolve(RuleSource.SCENARIO_FOLDER);
    for (Path folder = target.getParent(); folder != null && !folder.equals(realDirectory)
        && folder.startsWith(realDirectory); folder = folder.getParent()) {
      if (folder.startsWith(realScenarios)) {
        continue; // a real scenarios folder: checked with the scenarios
      }
      String display = directory.resolve(realDirectory.relativize(folder)).toString();
      if (problems.stream().noneMatch(p -> p.file().equals(display))) {
        checkBits(folder, display, accepted, false, problems);
      }
    }
  }

  /** The files read from a rules directory, as {@link RuleSource} reads them: each to be checked. */
  private static List<Path> files(Path directory) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> listing = Files.list(directory)) {
      listing.filter(p -> {
        String name = p.getFileName().toString();
        return name.endsWith(".drl") || name.equals(RuleSource.POLICY_FILE) || name.equals(Catalogue.FILE);
      }).filter(Files::isRegularFile).sorted().forEach(files::add);
    }
    Path scenarios = directory.resolve(RuleSource.SCENARIO_FOLDER);
    if (Files.isDirectory(scenarios)) {
      files.add(scenarios);
      if (!Files.isSymbolicLink(scenarios)) {
        try (Stream<Path> walk = Files.walk(scenarios)) {
          walk.filter(p -> !p.equals(scenarios))
              .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) || Files.isRegularFile(p) && isYaml(p))
              .sorted().forEach(files::add);
        }
      }
    }
    return files;
  }

  private static boolean isYaml(Path p) {
    String name = p.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  private static boolean ownerOnly(Set<PosixFilePermission> permissions) {
    return !permissions.contains(PosixFilePermission.GROUP_WRITE) && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
  }

  /** Adds the problem of {@code path} if it is writable by more than {@code accepted}; its attributes, or null. */
  private static PosixFileAttributes checkBits(Path path, String display, Writers accepted, boolean parent,
      List<RuleProblem> problems) {
    PosixFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, PosixFileAttributes.class);
    } catch (NoSuchFileException e) {
      return null; // gone meanwhile: reading reports it if it matters
    } catch (IOException | UnsupportedOperationException e) {
      problems.add(new RuleProblem(display, 0, "its permissions cannot be read (" + e + "); rules are read only"
          + " from a directory whose permissions can be checked"));
      return null;
    }
    String message = message(display, attributes, accepted, parent);
    if (message != null) {
      problems.add(new RuleProblem(display, 0, message));
    }
    return attributes;
  }

  /** What is wrong with a path of these permissions and how to fix it, or null when nothing is. */
  static String message(String display, PosixFileAttributes attributes, Writers accepted, boolean parent) {
    Set<PosixFilePermission> permissions = attributes.permissions();
    boolean others = permissions.contains(PosixFilePermission.OTHERS_WRITE);
    boolean group = accepted == Writers.OWNER && permissions.contains(PosixFilePermission.GROUP_WRITE);
    if (!others && !group) {
      return null;
    }
    String groupName = attributes.group() == null ? "its group" : "group " + attributes.group().getName();
    String who;
    String fix;
    String allow;
    if (others) {
      who = group ? "any user and by every member of " + groupName : "any user";
      fix = group ? "remove the write permission for group and others (chmod go-w " + shell(display) + ")"
          : "remove the write permission for others (chmod o-w " + shell(display) + ")";
      allow = "if that is intended, allow it with GateEvaluator.builder().allowWorldWritableRules(true)";
    } else {
      who = "every member of " + groupName;
      fix = "remove the group's write permission (chmod g-w " + shell(display) + ")";
      allow = "if every member of " + groupName + " may decide the gates, allow it with"
          + " GateEvaluator.builder().allowGroupWritableRules(true)";
    }
    String mode = " (permissions " + PosixFilePermissions.toString(permissions) + ")";
    if (parent) {
      return "is a parent of the rules directory and may be written by " + who + mode + ": whoever can write it can"
          + " put other rules in the rules directory's place; " + fix + ", or keep the rules below a directory that"
          + " only its owner may write (such as one made with mkdir -m 700), where this check stops; or, " + allow;
    }
    return "may be written by " + who + mode + ": rules are code, and anyone who can change them decides the gates; "
        + fix + ", or, " + allow;
  }

  /** {@code path} as a shell word: as it is when it is plain, else in single quotes. */
  static String shell(String path) {
    return PLAIN.matcher(path).matches() ? path : "'" + path.replace("'", "'\\''") + "'";
  }
}
