package dev.pilotgate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pilotgate.ruleset.GateEvaluationException;
import dev.pilotgate.GateEvaluator;
import dev.pilotgate.ruleset.RuleExecutionException;
import dev.pilotgate.ruleset.RuleProblem;
import dev.pilotgate.ruleset.RuleSetEvent;
import dev.pilotgate.ruleset.RuleSetException;
import dev.pilotgate.internal.engine.RuleChecker;
import dev.pilotgate.internal.engine.RuleFile;
import dev.pilotgate.internal.engine.RuleSource;
import dev.pilotgate.model.Direction;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.MetricKind;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.Stage;
import dev.pilotgate.model.SuccessCriterion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rules are code: what the checker refuses, how failing rules are reported, and that the evaluator survives both. */
class RuleSafetyTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);
  private static final String HEADER = """
      package dev.pilotgate.rules;
      import dev.pilotgate.model.Pilot;
      """;

  @TempDir
  static Path liveDir;
  /** One live evaluator for the table below: each forbidden rule file is offered to it as an edit. */
  private static GateEvaluator live;

  @BeforeAll
  static void startLive() throws IOException {
    live = GateEvaluator.builder().rulesDirectory(copyBundled(liveDir)).build();
  }

  @AfterAll
  static void stopLive() {
    live.close();
  }

  static Path copyBundled(Path dir) throws IOException {
    RuleSource bundled = RuleSource.bundled(RuleSafetyTest.class.getClassLoader());
    for (RuleFile f : bundled.drlFiles()) {
      Files.write(dir.resolve(f.name()), f.content());
    }
    Files.write(dir.resolve(RuleSource.POLICY_FILE), bundled.policyFile().content());
    return dir;
  }

  static Pilot pilot(String id) {
    return Pilot.builder(id, Stage.DEFINE_CRITERIA)
        .launchedOn(LocalDate.of(2026, 1, 5))
        .successCriterion(new SuccessCriterion("hours_saved", MetricKind.BUSINESS, 10.0, 40.0,
            // a deadline a year out: a timeline that can be met, so that stage 1 passes
            Direction.HIGHER_IS_BETTER, LocalDate.of(2027, 6, 30), LocalDate.of(2025, 12, 1)))
        .build();
  }

  @Test
  void check_bundledRules_useOnlyWhatIsAllowed() {
    assertThat(RuleChecker.check(RuleSource.bundled(getClass().getClassLoader()))).isEmpty();
  }

  /**
   * One rule file per forbidden API. {@code body} is the rest of the file after the header
   * (lines 1-2); {@code line} is where the forbidden use is; {@code used} is what the message names.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      System.exit in an action       | `rule R when Pilot() then\\n    System.exit(1);\\nend` | 4 | uses java.lang.System: not allowed in rules
      System fully qualified inline  | `rule R when Pilot() then\\n    java.lang.System.exit(0);\\nend` | 4 | uses java.lang.System: not allowed in rules
      System.getenv in a condition   | `rule R when\\n    Pilot( id == System.getenv("USER") )\\nthen end` | 4 | uses java.lang.System: not allowed in rules
      System in eval                 | `rule R when\\n    eval( System.nanoTime() > 0 )\\nthen end` | 4 | uses java.lang.System: not allowed in rules
      System in from                 | `rule R when\\n    String() from System.getenv().values()\\nthen end` | 4 | uses java.lang.System: not allowed in rules
      Runtime.exec                   | `rule R when Pilot() then\\n    Runtime.getRuntime().exec("id");\\nend` | 4 | uses java.lang.Runtime: not allowed in rules
      ProcessBuilder                 | `rule R when Pilot() then\\n    new ProcessBuilder("id").start();\\nend` | 4 | uses java.lang.ProcessBuilder: not allowed in rules
      Thread                         | `rule R when Pilot() then\\n    new Thread(() -> {}).start();\\nend` | 4 | uses java.lang.Thread: not allowed in rules
      Thread.sleep                   | `rule R when Pilot() then\\n    Thread.sleep(10000);\\nend` | 4 | uses java.lang.Thread: not allowed in rules
      Class.forName                  | `rule R when Pilot() then\\n    Class.forName("x.Y");\\nend` | 4 | uses java.lang.Class: not allowed in rules
      getClass().getClassLoader()    | `rule R when $p : Pilot() then\\n    Object l = $p.getClass().getClassLoader();\\nend` | 4 | calls getClass(): reflection and class loading are not allowed in rules
      class literal                  | `rule R when Pilot() then\\n    Object c = String.class;\\nend` | 4 | uses String.class: reflection is not allowed in rules
      enum getDeclaringClass         | `rule R when $p : Pilot() then\\n    $p.stage().getDeclaringClass();\\nend` | 4 | calls getDeclaringClass(): reflection and class loading are not allowed in rules
      java.lang.reflect import       | `import java.lang.reflect.Method;\\nrule R when Pilot() then end` | 3 | uses java.lang.reflect.Method: not allowed in rules
      MethodHandles inline           | `rule R when Pilot() then\\n    java.lang.invoke.MethodHandles.lookup();\\nend` | 4 | uses java.lang.invoke.MethodHandles: not allowed in rules
      ClassLoader                    | `rule R when Pilot() then\\n    ClassLoader.getSystemClassLoader();\\nend` | 4 | uses java.lang.ClassLoader: not allowed in rules
      java.io import                 | `import java.io.File;\\nrule R when Pilot() then end` | 3 | uses java.io.File: not allowed in rules
      java.io wildcard import        | `import java.io.*;\\nrule R when Pilot() then end` | 3 | imports java.io.*: not allowed in rules
      java.io inline                 | `rule R when Pilot() then\\n    new java.io.File("/tmp/x").delete();\\nend` | 4 | uses java.io.File: not allowed in rules
      java.nio                       | `rule R when Pilot() then\\n    java.nio.file.Files.delete(java.nio.file.Path.of("/x"));\\nend` | 4 | uses java.nio.file.Files: not allowed in rules
      java.net                       | `rule R when Pilot() then\\n    new java.net.URL("http://x").openStream();\\nend` | 4 | uses java.net.URL: not allowed in rules
      java.util.concurrent           | `rule R when Pilot() then\\n    java.util.concurrent.Executors.newSingleThreadExecutor();\\nend` | 4 | uses java.util.concurrent.Executors: not allowed in rules
      ServiceLoader                  | `rule R when Pilot() then\\n    java.util.ServiceLoader.load(Runnable.class);\\nend` | 4 | uses java.util.ServiceLoader: not allowed in rules
      global of a forbidden type     | `global java.io.PrintStream out;\\nrule R when Pilot() then end` | 3 | uses java.io.PrintStream: not allowed in rules
      declared type field            | `declare Evil\\n    f : java.io.File\\nend` | 4 | uses java.io.File: not allowed in rules
      function body                  | `function void boom() {\\n    int x = 1;\\n    System.exit(1);\\n}` | 5 | uses java.lang.System: not allowed in rules
      import function                | `import function java.lang.System.exit;\\nrule R when Pilot() then end` | 3 | imports a function (import function): not allowed in rules
      drools.getKieRuntime           | `rule R when Pilot() then\\n    drools.getKieRuntime().halt();\\nend` | 4 | calls drools.getKieRuntime(): on drools and kcontext a rule may call only
      inside a modify block          | `rule R when $p : Pilot() then\\n    modify($p) { setName(System.getProperty("x")) };\\nend` | 4 | uses java.lang.System: not allowed in rules
      """)
  void load_forbiddenApi_isRefusedLikeACompileError_andTheLastGoodRulesServe(String name, String body, int line,
      String used) throws IOException {
    Path dir = liveDir;
    Path evil = dir.resolve("evil.drl");
    Files.writeString(evil, HEADER + body.replace("\\n", "\n") + "\n");

    assertThatThrownBy(() -> GateEvaluator.fromDirectory(dir))
        .isInstanceOfSatisfying(RuleSetException.class, e -> {
          RuleProblem p = e.problems().stream().filter(q -> q.message().startsWith(used)).findFirst()
              .orElseThrow(() -> new AssertionError("no problem starting '" + used + "' in " + e.getMessage()));
          assertThat(p.file()).isEqualTo(evil.toString());
          assertThat(p.line()).isEqualTo(line);
          assertThat(p.message()).startsWith(used).contains("(allowed: the model and facts").doesNotContain("\n");
          assertThat(e.getMessage()).contains(evil + ":" + line + ": " + used);
        });

    // a live evaluator refuses the edit and keeps deciding with the last good rules
    RuleSetEvent event = live.reload();
    assertThat(event.kind()).isEqualTo(RuleSetEvent.Kind.REJECTED);
    assertThat(event.problems()).extracting(RuleProblem::message).anyMatch(m -> m.startsWith(used));
    assertThat(live.evaluate(pilot("p1"), AS_OF).outcome()).isEqualTo(GateOutcome.GO);
    Files.delete(evil);
  }

  @Test
  void load_severalForbiddenUses_areAllListedBeforeAnythingCompiles(@TempDir Path dir) throws IOException {
    copyBundled(dir);
    Files.writeString(dir.resolve("evil.drl"), HEADER + """
        import java.io.File;
        rule "EVIL"
        when
            Pilot( id == System.getProperty("user.name") )
        then
            new File("/tmp/x").delete();
            Runtime.getRuntime().halt(0);
        end
        """);
    assertThatThrownBy(() -> GateEvaluator.fromDirectory(dir))
        .isInstanceOfSatisfying(RuleSetException.class, e -> assertThat(e.problems())
            .extracting(p -> p.line() + " " + p.message().substring(0, p.message().indexOf(':')))
            .containsExactly("3 uses java.io.File", "6 uses java.lang.System", "8 uses java.io.File",
                "9 uses java.lang.Runtime"));
  }

  @Test
  void evaluate_throwingAction_isARuleExecutionExceptionNamingRulePilotAndCause(@TempDir Path dir) throws IOException {
    copyBundled(dir);
    Files.writeString(dir.resolve("bad.drl"), HEADER + """
        rule "EXPLODES"
        when
            Pilot( id == "boom" )
        then
            throw new IllegalStateException("deliberate");
        end
        """);
    GateEvaluator evaluator = GateEvaluator.fromDirectory(dir);
    assertThatThrownBy(() -> evaluator.evaluate(pilot("boom"), AS_OF))
        .isInstanceOfSatisfying(RuleExecutionException.class, e -> {
          assertThat(e.pilotId()).isEqualTo("boom");
          assertThat(e.rule()).isEqualTo("EXPLODES");
          assertThat(e.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("deliberate");
          assertThat(e).isInstanceOf(GateEvaluationException.class).hasMessage("pilot 'boom', rule 'EXPLODES' (rules "
              + evaluator.rulesVersion() + "): the rule's action threw java.lang.IllegalStateException: deliberate;"
              + " no decision was made for this pilot: fix the rule so that it handles this pilot's data (or correct"
              + " the data), then evaluate again");
        });
    assertThat(evaluator.evaluate(pilot("fine"), AS_OF).outcome()).isEqualTo(GateOutcome.GO);
  }

  @Test
  void evaluate_throwingCondition_isARuleExecutionExceptionNamingTheRule(@TempDir Path dir) throws IOException {
    copyBundled(dir);
    Files.writeString(dir.resolve("bad.drl"), HEADER + """
        rule "BAD_CONDITION"
        when
            Pilot( id.substring(100) == "x" )
        then
        end
        """);
    GateEvaluator evaluator = GateEvaluator.fromDirectory(dir);
    assertThatThrownBy(() -> evaluator.evaluate(pilot("short"), AS_OF))
        .isInstanceOfSatisfying(RuleExecutionException.class, e -> {
          assertThat(e.pilotId()).isEqualTo("short");
          assertThat(e.rule()).isEqualTo("BAD_CONDITION");
          assertThat(e.getMessage()).contains("the rule's conditions threw java.lang.StringIndexOutOfBoundsException");
        });
  }

  @Test
  void evaluate_loopingRules_areStoppedAtTheFiringLimit_namingTheRule(@TempDir Path dir) throws IOException {
    copyBundled(dir);
    Path policy = dir.resolve("policy.properties");
    Files.writeString(policy, Files.readString(policy).replace("engine.maxRuleFirings=10000", "engine.maxRuleFirings=500"));
    Files.writeString(dir.resolve("loop.drl"), HEADER + """
        declare Tick
            n : int
        end
        rule "START"
        when
            Pilot()
        then
            insert(new Tick(0));
        end
        rule "LOOP"
        when
            $t : Tick( n >= 0 )
        then
            modify($t) { setN($t.getN() + 1) };
        end
        """);
    GateEvaluator evaluator = GateEvaluator.fromDirectory(dir);
    long start = System.nanoTime();
    assertThatThrownBy(() -> evaluator.evaluate(pilot("p1"), AS_OF))
        .isInstanceOfSatisfying(GateEvaluationException.class, e -> {
          assertThat(e.rule()).isEqualTo("LOOP");
          assertThat(e.getMessage()).contains("the rules did not settle within engine.maxRuleFirings (500) firings;"
              + " rules may be re-activating each other (most fired: 'LOOP' ")
              .contains("raise engine.maxRuleFirings in the policy if that many firings are intended");
        });
    assertThat((System.nanoTime() - start) / 1_000_000).as("ms to stop the loop").isLessThan(5_000);
  }

  @Test
  void evaluate_rulesRunningPastTheTimeLimit_areStoppedNamingTheRule_andTheEvaluatorStaysUsable(@TempDir Path dir)
      throws IOException {
    copyBundled(dir);
    Path policy = dir.resolve("policy.properties");
    // so many firings allowed that only the time limit can stop the loop
    Files.writeString(policy, Files.readString(policy)
        .replace("engine.maxRuleFirings=10000", "engine.maxRuleFirings=2000000000")
        .replace("engine.maxEvaluationMillis=1000", "engine.maxEvaluationMillis=300"));
    Files.writeString(dir.resolve("loop.drl"), HEADER + """
        declare Tick
            n : long
        end
        rule "START"
        when
            Pilot( id == "endless" )
        then
            insert(new Tick(0));
        end
        rule "FOREVER"
        when
            $t : Tick( n >= 0 )
        then
            modify($t) { setN($t.getN() + 1) };
        end
        """);
    try (GateEvaluator evaluator = GateEvaluator.fromDirectory(dir)) {
      assertThatThrownBy(() -> evaluator.evaluate(pilot("endless"), AS_OF))
          .isInstanceOfSatisfying(GateEvaluationException.class, e -> {
            assertThat(e.rule()).isEqualTo("FOREVER");
            assertThat(e.getMessage()).contains("the rules did not finish within engine.maxEvaluationMillis (300 ms)"
                + " and were stopped (fired most: 'FOREVER' ").contains("raise engine.maxEvaluationMillis");
          });
      // the same evaluator decides the next pilot, on a fresh session
      assertThat(evaluator.evaluate(pilot("p2"), AS_OF).outcome()).isNotNull();
    }
  }

  @Test
  void load_worldWritableDirectory_isRefusedUnlessAllowed(@TempDir Path dir) throws IOException {
    copyBundled(dir);
    Path policy = dir.resolve("policy.properties");
    Files.setPosixFilePermissions(policy, PosixFilePermissions.fromString("rw-r--rw-"));
    assertThatThrownBy(() -> GateEvaluator.fromDirectory(dir))
        .isInstanceOfSatisfying(RuleSetException.class, e -> assertThat(e.problems()).singleElement()
            .satisfies(p -> {
              assertThat(p.file()).isEqualTo(policy.toString());
              assertThat(p.message()).isEqualTo("may be written by any user (permissions rw-r--rw-): rules are code,"
                  + " and anyone who can change them decides the gates; remove the write permission for others"
                  + " (chmod o-w " + policy + "), or, if that is intended, allow it with"
                  + " GateEvaluator.builder().allowWorldWritableRules(true)");
            }));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    assertThatThrownBy(() -> GateEvaluator.fromDirectory(dir))
        .isInstanceOfSatisfying(RuleSetException.class, e -> assertThat(e.problems())
            .extracting(RuleProblem::file).containsExactly(dir.toString(), policy.toString()));

    GateEvaluator allowed = GateEvaluator.builder().rulesDirectory(dir).allowWorldWritableRules(true).build();
    assertThat(allowed.evaluate(pilot("p1"), AS_OF).outcome()).isEqualTo(GateOutcome.GO);
  }

  @Test
  void reload_rulesMadeWorldWritable_isRejected_andTheLastGoodServes(@TempDir Path dir) throws IOException {
    copyBundled(dir);
    GateEvaluator live = GateEvaluator.builder().rulesDirectory(dir).build();
    Path owner = dir.resolve("owner.drl");
    Files.writeString(owner, Files.readString(owner) + "\n// edited\n");
    Files.setPosixFilePermissions(owner, PosixFilePermissions.fromString("rw-r--rw-"));
    RuleSetEvent event = live.reload();
    assertThat(event.kind()).isEqualTo(RuleSetEvent.Kind.REJECTED);
    assertThat(event.problems()).extracting(RuleProblem::file).containsExactly(owner.toString());
    assertThat(live.evaluate(pilot("p1"), AS_OF).outcome()).isEqualTo(GateOutcome.GO);
    live.close();
  }

  @Test
  void check_javaInDrlThatCannotBeParsed_isRefusedAsUncheckable() {
    RuleSource bundled = RuleSource.bundled(getClass().getClassLoader());
    RuleSource src = new RuleSource("mem", List.of(new RuleFile("odd.drl", "odd.drl", (HEADER + """
        rule R
        when
            Pilot()
        then
            int x = ;
        end
        """).getBytes(java.nio.charset.StandardCharsets.UTF_8))), bundled.policyFile(), List.of());
    assertThat(RuleChecker.check(src)).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(7);
      assertThat(p.message()).startsWith("the consequence of rule 'R' cannot be checked: it is not valid Java");
    });
  }
}
