import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * Build step (run by exec-maven-plugin in the {@code package} phase, as a single-file source
 * program): makes {@code target/pilot-gate.jsa}, an AppCDS archive of the classes the CLI
 * loads to evaluate the example portfolio, so that
 * {@code java -XX:SharedArchiveFile=target/pilot-gate.jsa -jar target/pilot-gate.jar ...}
 * starts faster.
 *
 * <p>Why a static archive from a class list, not {@code -XX:ArchiveClassesAtExit}: on JDK 17
 * (17.0.15) the dynamic dump of an {@code evaluate} run crashes the JVM (SIGSEGV in
 * {@code SystemDictionaryShared::adjust_lambda_proxy_class_dictionary}) because of one lambda
 * in drools-ecj whose interface ({@code org.eclipse.jdt.internal.compiler.ICompilerRequestor})
 * lives in a signed jar (ecj), which CDS excludes. A class list lets us leave out the lambda
 * proxies that name a class of a signed jar; {@code -Xshare:dump} then succeeds.
 *
 * <p>Steps: (1) run the CLI over the portfolio with {@code -XX:DumpLoadedClassList};
 * (2) drop the {@code @lambda-proxy} lines naming a class of a signed jar on the class path;
 * (3) {@code -Xshare:dump}. The JVMs' output goes to {@code target/cds/*.log}.
 *
 * <p>Never fails the build: on any problem the archive is absent (a stale one is deleted
 * first), one warning line goes to stderr and the reason to {@code target/cds/result.txt};
 * on success nothing is printed.
 *
 * <p>Arguments: JAVA_HOME JAR ARCHIVE WORK_DIR, then the CLI arguments of the training run.
 */
public final class AppCdsArchive {

  public static void main(String[] args) {
    Path archive = Path.of(args[2]).toAbsolutePath().normalize();
    Path work = Path.of(args[3]).toAbsolutePath().normalize();
    Path result = work.resolve("result.txt");
    try {
      Files.createDirectories(work);
      Files.deleteIfExists(result);
      Files.deleteIfExists(archive);
      int kept = build(Path.of(args[0]), Path.of(args[1]).toAbsolutePath().normalize(), archive, work,
          List.of(args).subList(4, args.length));
      Files.writeString(result, "built " + archive + " from " + kept + " class list lines\n", StandardCharsets.UTF_8);
    } catch (Throwable e) {
      // Whatever went wrong, the build goes on without an archive: one line says why.
      String reason = e instanceof IllegalStateException ? e.getMessage() : e.toString();
      try {
        Files.writeString(result, "not built: " + reason + "\n", StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException ignored) {
        // the warning below still says it
      }
      System.err.println("[WARNING] " + archive.getFileName() + " (class data sharing) not built: " + reason);
    }
  }

  /** Builds the archive; the number of class list lines it was built from. */
  private static int build(Path javaHome, Path jar, Path archive, Path work, List<String> training)
      throws IOException, InterruptedException {
    String java = javaHome.resolve("bin").resolve("java").toString();
    // a JVM that crashes (as the dynamic dump did) writes its report here, not in the sources
    String errorFile = "-XX:ErrorFile=" + work.resolve("hs_err_pid%p.log");
    Path rawList = work.resolve("classes.lst");
    Path list = work.resolve("classes-filtered.lst");
    Path partial = archive.resolveSibling(archive.getFileName() + ".part");
    Files.deleteIfExists(rawList);
    Files.deleteIfExists(partial);

    // 1. The classes (and lambda proxies) loaded by a real run. The jar is named by its
    //    absolute path: the archive records it, and a run from any directory matches it.
    List<String> run = new ArrayList<>(List.of(java, errorFile, "-XX:DumpLoadedClassList=" + rawList,
        "-jar", jar.toString()));
    run.addAll(training);
    int code = exec(run, work, work.resolve("training-run.log"));
    if (code != 0 || !Files.isRegularFile(rawList) || Files.size(rawList) == 0) {
      throw new IllegalStateException("the training run exited with " + code + " (see " + work.resolve("training-run.log") + ")");
    }

    // 2. Without the lambda proxies that name a class of a signed jar (see the class comment).
    Set<String> signed = signedJarClasses(jar);
    List<String> lines = Files.readAllLines(rawList, StandardCharsets.UTF_8);
    List<String> kept = lines.stream()
        .filter(line -> !line.startsWith("@lambda-proxy") || signed.stream().noneMatch(line::contains))
        .collect(Collectors.toList());
    Files.write(list, kept, StandardCharsets.UTF_8);

    // 3. The archive, written aside and moved in place only when the dump succeeded.
    code = exec(List.of(java, errorFile, "-Xshare:dump", "-XX:SharedClassListFile=" + list,
        "-XX:SharedArchiveFile=" + partial, "-jar", jar.toString()), work, work.resolve("dump.log"));
    if (code != 0 || !Files.isRegularFile(partial)) {
      throw new IllegalStateException("-Xshare:dump exited with " + code + " (see " + work.resolve("dump.log") + ")");
    }
    Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return kept.size();
  }

  /** Runs a JVM in {@code directory} with its output in {@code log}; its exit code. */
  private static int exec(List<String> command, Path directory, Path log) throws IOException, InterruptedException {
    Files.writeString(log, String.join(" ", command) + "\n\n", StandardCharsets.UTF_8);
    Process p = new ProcessBuilder(command)
        .directory(directory.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    p.getOutputStream().close();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly().waitFor();
      throw new IllegalStateException("timed out after 5 minutes: " + String.join(" ", command));
    }
    return p.exitValue();
  }

  /** "a/b/C" names of the classes in the signed jars of the jar's manifest class path. */
  private static Set<String> signedJarClasses(Path jar) throws IOException {
    Set<String> classes = new HashSet<>();
    String classPath;
    try (JarFile j = new JarFile(jar.toFile())) {
      classPath = j.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
    }
    if (classPath == null) {
      return classes;
    }
    for (String entry : classPath.trim().split("\\s+")) {
      Path dependency = jar.resolveSibling(entry);
      if (!Files.isRegularFile(dependency)) {
        continue;
      }
      try (JarFile j = new JarFile(dependency.toFile())) {
        boolean isSigned = j.stream().anyMatch(e -> e.getName().startsWith("META-INF/") && e.getName().endsWith(".SF"));
        if (isSigned) {
          j.stream().map(JarEntry::getName)
              .filter(n -> n.endsWith(".class") && !n.contains("-"))
              .forEach(n -> classes.add(n.substring(0, n.length() - ".class".length())));
        }
      }
    }
    return classes;
  }
}
