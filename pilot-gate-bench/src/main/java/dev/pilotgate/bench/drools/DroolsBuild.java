package dev.pilotgate.bench.drools;

import dev.pilotgate.bench.fixtures.RuleText;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/**
 * Drools' two ways to build DRL at runtime, side by side, with the public KIE API the way the
 * core builds (a KieFileSystem under a unique release id, removed from the repository once the
 * base exists), from DRL text (e.g. {@code FrozenRules.drlFiles()}, {@code BundledRules.drlFiles()}):
 * <ul>
 *   <li>{@link Kind#MVEL}: {@code KieBuilder.buildAll()}, the classic build: constraints
 *       interpreted by MVEL and JIT-compiled to bytecode after some evaluations, consequences
 *       compiled to Java;
 *   <li>{@link Kind#EXECUTABLE_MODEL}: {@code KieBuilder.buildAll(ExecutableModelProject.class)}
 *       (drools-model-compiler): the DRL translated to Java sources of the executable model
 *       (lambdas for every constraint) and compiled at runtime.
 * </ul>
 */
public final class DroolsBuild implements AutoCloseable {
  public enum Kind { MVEL, EXECUTABLE_MODEL }

  private static final AtomicLong BUILDS = new AtomicLong();
  private static final String RESOURCE_ROOT = "src/main/resources/dev/pilotgate/rules/";

  private final Kind kind;
  private final KieContainer container;
  private final KieBase kieBase;

  private DroolsBuild(Kind kind, KieContainer container) {
    this.kind = kind;
    this.container = container;
    this.kieBase = container.getKieBase();
  }

  /** Builds {@code drlFiles} (each written under its name) as {@code kind}; fails with Drools' errors. */
  public static DroolsBuild build(List<RuleText> drlFiles, Kind kind) {
    KieServices ks = KieServices.get();
    ReleaseId id = ks.newReleaseId("dev.pilotgate.bench", "rules-" + kind + "-" + BUILDS.incrementAndGet(), "1.0.0");
    KieFileSystem kfs = ks.newKieFileSystem();
    kfs.generateAndWritePomXML(id);
    for (RuleText f : drlFiles) {
      kfs.write(RESOURCE_ROOT + f.name(), f.text());
    }
    KieBuilder builder = ks.newKieBuilder(kfs);
    if (kind == Kind.EXECUTABLE_MODEL) {
      builder.buildAll(ExecutableModelProject.class);
    } else {
      builder.buildAll();
    }
    List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
    if (!errors.isEmpty()) {
      ks.getRepository().removeKieModule(id);
      throw new IllegalStateException(kind + " build failed: " + errors);
    }
    try {
      return new DroolsBuild(kind, ks.newKieContainer(id));
    } finally {
      ks.getRepository().removeKieModule(id);
    }
  }

  public Kind kind() {
    return kind;
  }

  public KieContainer container() {
    return container;
  }

  public KieBase kieBase() {
    return kieBase;
  }

  @Override
  public void close() {
    container.dispose();
  }
}
