package dev.pilotgate.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pilotgate.ruleset.RuleProblem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Rule files generated from the DRL grammar's pieces — headers, declarations, functions, rules
 * with attributes, metadata, conditions and consequences, allowed and hostile, whole or cut short —
 * never make the checker throw: it answers with problems (one line each, no stack trace) or none.
 */
class RuleCheckerFuzzProperties {
  private static final List<String> TOP = List.of(
      "import dev.pilotgate.model.Pilot;", "import java.util.List;", "import java.io.File;", "import java.util.*;",
      "import function java.lang.System.exit;", "import accumulate java.lang.Object x;",
      "global dev.pilotgate.policy.Policy policy;", "global java.io.PrintStream out;",
      "declare Tick\n    n : int\nend", "declare System\nend", "declare T\n    @role(event)\n    f : int = 1\nend",
      "declare enum E\n    A(1);\n    v : int\nend", "declare window W\n    Pilot() over window:length(2)\nend",
      "function int f(int n) { return n + 1; }", "function int g(int n) { return g(n); }",
      "function void h() { while (true) { } }", "query \"q\"\n    Pilot()\nend", "\\u000a", "rule", "end", "@",
      "unit X;", "dialect \"mvel\"");
  private static final List<String> ATTRIBUTES = List.of(
      "", "salience 10", "salience -5", "salience (1 + 2)", "no-loop", "no-loop true", "enabled false",
      "enabled (System.exit(1) == null)", "timer (int: 1s)", "duration (10)", "agenda-group \"a\"",
      "dialect \"java\"", "dialect \"mvel\"", "date-effective \"1-Jan-2020\"", "@Meta(\"x\")", "@Meta(1 + 1)",
      "calendars \"c\"", "lock-on-active");
  private static final List<String> CONDITIONS = List.of(
      "Pilot()", "$p : Pilot( id == \"x\" )", "not Pilot()", "exists Pilot()", "Pilot() or Pilot()",
      "eval( true )", "eval( System.nanoTime() > 0 )", "String() from System.getenv().values()",
      "$n : Number() from accumulate( Pilot(), count(1) )",
      "$n : Number() from accumulate( Pilot(), init( int c = 0; ), action( c++; ), result( c ) )",
      "Pilot() from entry-point \"e\"", "Pilot() over window:time(1s)", "if (true) do[x]", "forall( Pilot() )",
      "Pilot( id matches \"(a+)+b\" )", "Pilot( id == (", "$t : Tick( n > 0 )", "Pilot( this != null )",
      "java.util.List() from collect( Pilot() )", "Pilot() @watch(*)");
  private static final List<String> ACTIONS = List.of(
      "", "insert(new Tick(1));", "System.exit(27);", "while (true) { }", "for (;;) { }",
      "drools.getKieRuntime();", "Object k = drools;", "drools.getRule().getName();", "drools.getRule().setNoLoop(true);",
      "synchronized (this) { }", "new Object() { };", "long[] a = new long[Integer.MAX_VALUE];",
      "java.util.stream.Stream.generate(() -> 1).count();", "// \\u000a System.exit(1);", "int x = 1; x++;",
      "modify($t) { setN(1) };", "List<File> l = null;", "Runnable r = System.out::println;", "label: { }",
      "\"unterminated", "{ { {", "java.lang.invoke.MethodHandles.lookup();");

  @Provide
  Arbitrary<String> ruleFiles() {
    Arbitrary<String> rule = Combinators.combine(
        Arbitraries.of(ATTRIBUTES).list().ofMaxSize(3),
        Arbitraries.of(CONDITIONS).list().ofMaxSize(3),
        Arbitraries.of(ACTIONS).list().ofMaxSize(3),
        Arbitraries.integers().between(0, 9)).as((attrs, conds, acts, n) -> "rule \"R" + n + "\"\n"
            + String.join("\n", attrs) + "\nwhen\n    " + String.join("\n    ", conds) + "\nthen\n    "
            + String.join("\n    ", acts) + "\nend\n");
    Arbitrary<String> whole = Combinators.combine(
        Arbitraries.of(TOP).list().ofMaxSize(4),
        rule.list().ofMaxSize(3)).as((top, rules) -> "package dev.pilotgate.rules;\n" + String.join("\n", top) + "\n"
            + String.join("\n", rules));
    // and the same, cut anywhere: an editor's half-saved file
    return Arbitraries.oneOf(whole, whole.flatMap(text -> Arbitraries.integers().between(0, text.length())
        .map(cut -> text.substring(0, cut))));
  }

  @Property(tries = 300)
  void checker_neverThrows_andAnswersInLinesWithoutStackTraces(@ForAll("ruleFiles") String drl) {
    RuleFile file = new RuleFile("fuzz.drl", "rules/fuzz.drl", drl.getBytes(StandardCharsets.UTF_8));
    RuleFile policy = new RuleFile("policy.properties", "rules/policy.properties", new byte[0]);
    RuleSource source = new RuleSource("rules", List.of(file), policy, List.of());

    RuleChecker.Result result = RuleChecker.inspect(source);

    for (RuleProblem p : result.problems()) {
      assertThat(p.file()).isEqualTo("rules/fuzz.drl");
      assertThat(p.line()).isBetween(0, (int) drl.lines().count() + 1);
      assertThat(p.message()).doesNotContain("\n").doesNotContain("\tat ").doesNotContain("Stack trace");
    }
  }
}
