package dev.pilotgate.bench;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.bench.fixtures.BundledRules;
import dev.pilotgate.ruleset.RuleSetEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One reload of a rules directory, on a copy of the bundled rules as they are now, with their
 * scenarios (which a reload runs before it activates) and finding catalogue:
 * <ul>
 *   <li>{@code watched}: end to end, from writing an edited {@code policy.properties} to the
 *       listener being told the new version is ACTIVATED; includes the debounce (the
 *       directory must stay unchanged that long), so it is measured at the default 300 ms
 *       and at 50 ms;
 *   <li>{@code reloadCall}: {@code evaluator.reload()} after the same edit, not watched:
 *       read, hash, compile, policy, scenarios, swap.
 * </ul>
 * Each measured invocation flips one policy value, so every reload is a real change.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4)
@Measurement(iterations = 10)
@Fork(1)
public class ReloadBenchmark {

  /** A copy of the bundled rules in a temporary directory, and the edit that flips one policy value. */
  abstract static class RulesCopy {
    static final String POLICY_FILE = "policy.properties";
    Path dir;
    private String policy;
    private int flip;

    void copy() throws IOException {
      // a folder inside an owner-only temporary one: rules directly in /tmp are refused (docs/security.md)
      dir = Files.createDirectory(Files.createTempDirectory("pilot-gate-reload").resolve("rules"));
      BundledRules.copyTo(dir);
      policy = Files.readString(dir.resolve(POLICY_FILE));
      if (!policy.contains("engine.maxRuleFirings=10000")) {
        throw new IllegalStateException("the bundled policy no longer sets engine.maxRuleFirings=10000, "
            + "the value this benchmark flips");
      }
    }

    /** An edit that changes the rules' version and no decision: the firing limit, 10000 or 10001. */
    void editPolicy() {
      flip++;
      String edited = policy.replace("engine.maxRuleFirings=10000", "engine.maxRuleFirings=1000" + (flip % 2));
      try {
        Files.writeString(dir.resolve(POLICY_FILE), edited);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void delete() throws IOException {
      try (Stream<Path> files = Files.walk(dir.getParent())) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @State(Scope.Benchmark)
  public static class Watched extends RulesCopy {
    @Param({"300", "50"})
    public int debounceMillis;

    GateEvaluator evaluator;
    final BlockingQueue<RuleSetEvent> events = new LinkedBlockingQueue<>();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      copy();
      evaluator = GateEvaluator.builder().rulesDirectory(dir).watch(true)
          .debounce(Duration.ofMillis(debounceMillis)).listener(events::add).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      evaluator.close();
      delete();
    }
  }

  @State(Scope.Benchmark)
  public static class Unwatched extends RulesCopy {
    GateEvaluator evaluator;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      copy();
      evaluator = GateEvaluator.builder().rulesDirectory(dir).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      evaluator.close();
      delete();
    }
  }

  @Benchmark
  public RuleSetEvent watched(Watched w) throws InterruptedException {
    w.events.clear();
    w.editPolicy();
    RuleSetEvent e = w.events.poll(60, TimeUnit.SECONDS);
    if (e == null || e.kind() != RuleSetEvent.Kind.ACTIVATED) {
      throw new IllegalStateException("no activation: " + e);
    }
    return e;
  }

  @Benchmark
  public RuleSetEvent reloadCall(Unwatched u) {
    u.editPolicy();
    RuleSetEvent e = u.evaluator.reload();
    if (e == null || e.kind() != RuleSetEvent.Kind.ACTIVATED) {
      throw new IllegalStateException("no activation: " + e);
    }
    return e;
  }
}
