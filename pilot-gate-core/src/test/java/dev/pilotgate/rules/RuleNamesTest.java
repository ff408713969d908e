package dev.pilotgate.rules;

import static dev.pilotgate.rules.Pilots.AS_OF;
import static dev.pilotgate.rules.Pilots.clean;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.decision.Finding;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.decision.ReadinessLevel;
import dev.pilotgate.model.Stage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every finding names the DRL rule that produced it, and every rule in the five rule files
 * this suite covers is exercised by some scenario (a new rule without a test fails here).
 */
class RuleNamesTest {
  private static final GateEvaluator EVALUATOR = GateEvaluator.create();
  private static final List<String> FINDING_FILES = List.of("criteria.drl", "owner.drl", "data.drl");
  /** Every rule file of the bundled rule set. */
  private static final List<String> ALL_FILES =
      dev.pilotgate.internal.engine.RuleSource.bundled(RuleNamesTest.class.getClassLoader()).drlFiles().stream()
          .map(dev.pilotgate.internal.engine.RuleFile::name).toList();
  private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]+)\"");

  private static String drl(String file) {
    String path = "dev/pilotgate/rules/" + file;
    try (InputStream in = RuleNamesTest.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as("classpath resource %s", path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> ruleNames(String file) {
    Set<String> names = new TreeSet<>();
    Matcher m = RULE.matcher(drl(file));
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** Every scenario this suite uses: each staged gap at and before its stage, the warnings, the clean pilots. */
  private static List<GateDecision> scenarios() {
    List<Pilots.PilotSpec> pilots = new ArrayList<>();
    for (Stage stage : StageSeverityTest.GATED_STAGES) {
      pilots.add(clean(stage));
      StageSeverityTest.STAGED_GAPS.forEach(g -> pilots.add(g.breaker().apply(clean(stage))));
      StageSeverityTest.ALWAYS_WARNING_GAPS.forEach(g -> pilots.add(g.breaker().apply(clean(stage))));
    }
    // many gaps at once, for the low readiness level
    pilots.add(clean(Stage.DEFINE_CRITERIA).noOwner().noSources()
        .criteria(Pilots.criterion().definedOn(Pilots.LAUNCHED_ON.plusDays(1))));
    return pilots.stream().map(p -> EVALUATOR.evaluate(p.build(), AS_OF)).toList();
  }

  @Test
  void ruleNames_everyFinding_namesADeclaredRuleMatchingItsCode() {
    Set<String> declared = ALL_FILES.stream().flatMap(f -> ruleNames(f).stream()).collect(Collectors.toSet());

    for (GateDecision d : scenarios()) {
      for (Finding f : d.findings()) {
        assertThat(declared).as("rule of %s", f.code()).contains(f.rule());
        // the rule is named after the code, optionally followed by ": <variant>"
        assertThat(f.rule().split(":", 2)[0]).as("rule name of %s", f.code()).isEqualTo(f.code());
      }
    }
  }

  @Test
  void ruleNames_everyDeclaredFindingRule_isExercised() {
    Set<String> declared = FINDING_FILES.stream().flatMap(f -> ruleNames(f).stream())
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> fired = scenarios().stream().flatMap(d -> d.findings().stream()).map(Finding::rule)
        .collect(Collectors.toCollection(TreeSet::new));

    assertThat(declared).isNotEmpty();
    assertThat(fired).as("rules fired by this suite's scenarios").containsAll(declared);
  }

  @Test
  void ruleNames_readinessRules_oneForEachLevelAndEachLevelReached() {
    assertThat(ruleNames("readiness.drl")).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(ReadinessLevel.values()).map(l -> "READINESS_" + l.name()).toList());

    Set<ReadinessLevel> reached = scenarios().stream().map(d -> d.readiness().level())
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(ReadinessLevel.class)));
    assertThat(reached).containsExactlyInAnyOrder(ReadinessLevel.values());
  }

  @Test
  void ruleNames_unique_acrossCoveredFiles() {
    List<String> all = ALL_FILES.stream()
        .flatMap(f -> {
          List<String> names = new ArrayList<>();
          Matcher m = RULE.matcher(drl(f));
          while (m.find()) {
            names.add(m.group(1));
          }
          return names.stream();
        }).toList();

    assertThat(all).doesNotHaveDuplicates();
  }
}
