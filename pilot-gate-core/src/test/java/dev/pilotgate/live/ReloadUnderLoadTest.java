package dev.pilotgate.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.ruleset.RuleSetEvent;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.Pilot;
import java.io.IOException;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reloads under load: evaluations never fail and never mix versions while good and bad
 * rule sets alternate; thousands of reloads do not grow metaspace or the loaded classes.
 */
class ReloadUnderLoadTest {
  private static final Pilot PILOT = LiveRulesTest.duplicatesPilot();

  @Test
  void reloads_whileThreadsEvaluate_everyDecisionComesFromOneGoodVersion(@TempDir Path root) throws Exception {
    // Two good rule sets that decide differently, and a bad one, prepared once.
    Path go = TinyRules.write(Files.createDirectories(root.resolve("go")), true);
    Path hold = TinyRules.write(Files.createDirectories(root.resolve("hold")), false);
    String goVersion = RuleDirs.versionOf(go);
    String holdVersion = RuleDirs.versionOf(hold);
    Map<String, GateOutcome> expected = Map.of(goVersion, GateOutcome.GO, holdVersion, GateOutcome.HOLD);

    Path live = TinyRules.write(Files.createDirectories(root.resolve("live")), true);
    try (GateEvaluator evaluator = GateEvaluator.fromDirectory(live)) {
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong decisions = new AtomicLong();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Map<String, AtomicLong> perVersion = new ConcurrentHashMap<>();
      int threads = 4;
      CountDownLatch started = new CountDownLatch(threads);
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Thread worker = new Thread(() -> {
          started.countDown();
          while (!stop.get()) {
            try {
              GateDecision d = evaluator.evaluate(PILOT, LiveRulesTest.AS_OF);
              GateOutcome want = expected.get(d.rulesVersion());
              if (want == null || d.outcome() != want) {
                throw new AssertionError("decision " + d.outcome() + " from version " + d.rulesVersion()
                    + " but that version decides " + want);
              }
              perVersion.computeIfAbsent(d.rulesVersion(), v -> new AtomicLong()).incrementAndGet();
              decisions.incrementAndGet();
            } catch (Throwable e) {
              failure.compareAndSet(null, e);
              return;
            }
          }
        }, "evaluator-" + t);
        worker.start();
        workers.add(worker);
      }
      started.await();

      int reloads = 300;
      int activated = 0;
      int rejected = 0;
      for (int i = 0; i < reloads && failure.get() == null; i++) {
        switch (i % 3) {
          case 0 -> copy(hold, live);
          case 1 -> Files.writeString(live.resolve("tiny.drl"), TinyRules.DRL.replace("then", "then then"));
          default -> copy(go, live);
        }
        RuleSetEvent event = evaluator.reload();
        if (event != null && event.kind() == RuleSetEvent.Kind.ACTIVATED) {
          activated++;
        } else if (event != null) {
          rejected++;
        }
      }
      stop.set(true);
      for (Thread w : workers) {
        w.join();
      }

      assertThat(failure.get()).as("evaluation failure").isNull();
      assertThat(activated).isEqualTo(reloads / 3 * 2);
      assertThat(rejected).isEqualTo(reloads / 3);
      assertThat(decisions.get()).isPositive();
      assertThat(perVersion.keySet()).containsExactlyInAnyOrder(goVersion, holdVersion);
      assertThat(evaluator.status().rejections()).isEqualTo(rejected);
    }
  }

  @Test
  void thousandsOfReloads_doNotGrowMetaspaceOrLoadedClasses(@TempDir Path root) throws Exception {
    Path go = TinyRules.write(Files.createDirectories(root.resolve("go")), true);
    Path hold = TinyRules.write(Files.createDirectories(root.resolve("hold")), false);
    Path live = TinyRules.write(Files.createDirectories(root.resolve("live")), true);
    try (GateEvaluator evaluator = GateEvaluator.fromDirectory(live)) {
      reloadAlternating(evaluator, go, hold, live, 200); // warm up: JIT, Drools' own caches
      Usage before = Usage.measure();
      int reloads = 2000;
      reloadAlternating(evaluator, go, hold, live, reloads);
      Usage after = Usage.measure();

      long metaspaceGrowth = after.metaspaceBytes - before.metaspaceBytes;
      long classGrowth = after.loadedClasses - before.loadedClasses;
      System.out.printf("%d reloads: metaspace %,d -> %,d bytes (%+,d), loaded classes %,d -> %,d (%+,d)%n",
          reloads, before.metaspaceBytes, after.metaspaceBytes, metaspaceGrowth,
          before.loadedClasses, after.loadedClasses, classGrowth);
      // Each build defines a few dozen classes; kept, 2,000 builds would add tens of thousands and
      // tens of megabytes. The ceilings leave room for JIT and class-data noise only.
      assertThat(classGrowth).as("loaded classes grown by").isLessThan(2_000);
      assertThat(metaspaceGrowth).as("metaspace grown by").isLessThan(16L * 1024 * 1024);
      assertThat(evaluator.evaluate(PILOT, LiveRulesTest.AS_OF).outcome()).isIn(GateOutcome.GO, GateOutcome.HOLD);
    }
  }

  private static void reloadAlternating(GateEvaluator evaluator, Path go, Path hold, Path live, int n) throws IOException {
    for (int i = 0; i < n; i++) {
      copy(i % 2 == 0 ? hold : go, live);
      RuleSetEvent event = evaluator.reload();
      assertThat(event).isNotNull();
      assertThat(event.kind()).isEqualTo(RuleSetEvent.Kind.ACTIVATED);
      evaluator.evaluate(PILOT, LiveRulesTest.AS_OF);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    for (String name : List.of("tiny.drl", "policy.properties")) {
      Files.copy(from.resolve(name), to.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Used metaspace and loaded classes after the collector has had its chance to unload classes. */
  private record Usage(long metaspaceBytes, long loadedClasses) {
    static Usage measure() throws InterruptedException {
      for (int i = 0; i < 3; i++) {
        System.gc();
        Thread.sleep(100);
      }
      long metaspace = ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getName().equals("Metaspace"))
          .mapToLong(p -> p.getUsage().getUsed()).sum();
      ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
      return new Usage(metaspace, classes.getLoadedClassCount());
    }
  }
}
