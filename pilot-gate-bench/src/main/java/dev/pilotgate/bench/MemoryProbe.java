package dev.pilotgate.bench;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.bench.drools.DroolsBuild;
import dev.pilotgate.bench.easyrules.EasyRulesGate;
import dev.pilotgate.bench.fixtures.BundledRules;
import dev.pilotgate.bench.fixtures.FrozenRules;
import dev.pilotgate.bench.fixtures.RuleText;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a built rule set keeps in memory: heap (after full collections), metaspace and loaded
 * classes, per build, for Drools' two builds of the bundled DRL, a whole {@code GateEvaluator}
 * and Easy Rules (the frozen rules' checks, {@link FrozenRules}). Each kind is built {@code n} times and all builds are kept alive, so the
 * per-build figure is the growth divided by {@code n} (after one warm-up build of each kind, so
 * that the engines' own classes are not counted).
 *
 * <pre>java -cp pilot-gate-bench/target/benchmarks.jar dev.pilotgate.bench.MemoryProbe [n]</pre>
 */
public final class MemoryProbe {
  private MemoryProbe() {}

  public static void main(String[] args) throws InterruptedException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    List<RuleText> drl = BundledRules.drlFiles();
    try (FrozenRules frozen = FrozenRules.open(false)) {
      System.out.printf("%-26s %14s %14s %10s%n", "per build", "heap (KB)", "metaspace (KB)", "classes");
      probe("Drools classic (MVEL)", n, () -> DroolsBuild.build(drl, DroolsBuild.Kind.MVEL));
      probe("Drools executable model", n, () -> DroolsBuild.build(drl, DroolsBuild.Kind.EXECUTABLE_MODEL));
      probe("GateEvaluator.create()", n, GateEvaluator::create);
      probe("Easy Rules (MVEL)", n, () -> new EasyRulesGate(frozen.evaluator()));
    }
  }

  private static void probe(String name, int n, Supplier<Object> build) throws InterruptedException {
    List<Object> keep = new ArrayList<>();
    keep.add(build.get()); // warm-up: the engine's own classes load here
    long[] before = measure();
    for (int i = 0; i < n; i++) {
      keep.add(build.get());
    }
    long[] after = measure();
    System.out.printf("%-26s %14d %14d %10d%n", name, (after[0] - before[0]) / 1024 / n,
        (after[1] - before[1]) / 1024 / n, (after[2] - before[2]) / n);
    for (Object o : keep) {
      if (o instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  /** Heap used after full collections, metaspace used, classes loaded. */
  private static long[] measure() throws InterruptedException {
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
    }
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long metaspace = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.NON_HEAP && pool.getName().equals("Metaspace")) {
        metaspace = pool.getUsage().getUsed();
      }
    }
    ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
    return new long[] {heap, metaspace, classes.getLoadedClassCount()};
  }
}
