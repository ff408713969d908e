package dev.pilotgate.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.decision.Finding;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.decision.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code toPass} over the bundled scenarios: every BLOCKER that compares a measured value with a
 * threshold says what it would take to clear it, in words with the numbers filled in.
 */
class ToPassScenariosTest {
  /** The bundled codes that compare a measured value with a threshold (some only in a variant). */
  private static final Set<String> THRESHOLD_CODES = Set.of("DATA_DUPLICATES", "DATA_MISSING_HISTORY",
      "DATA_INCONSISTENT_FORMATS", "DATA_SENSOR_BIAS", "LOW_EARLY_ADOPTER_USAGE", "LOW_SUSTAINED_USAGE",
      "USAGE_DECAY", "COHORT_SIZE", "PREMATURE_FULL_ROLLOUT", "IMPLEMENTATION_UNDERFUNDED", "DEADLINE_MISSED");

  private static final List<Finding> FINDINGS = new ArrayList<>();

  @BeforeAll
  static void decideEveryScenario() {
    GateEvaluator evaluator = GateEvaluator.create();
    for (Scenario s : BundledScenariosTest.bundledScenarios()) {
      GateDecision d = evaluator.evaluate(s.pilot(), s.asOf());
      FINDINGS.addAll(d.findings());
    }
  }

  @Test
  void everyThresholdBlocker_carriesToPass() {
    assertThat(FINDINGS).filteredOn(f -> f.severity() == Severity.BLOCKER && THRESHOLD_CODES.contains(f.code()))
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.toPass()).as(f.code() + ": " + f.message()).isNotNull());
  }

  @Test
  void anAuditTooOld_carriesToPass_andANeverAuditedSourceDoesNot() {
    assertThat(FINDINGS).filteredOn(f -> f.code().equals("DATA_NOT_AUDITED") && f.evidence().containsKey("ageDays"))
        .isNotEmpty().allSatisfy(f -> assertThat(f.toPass()).isNotNull());
    assertThat(FINDINGS).filteredOn(f -> f.code().equals("DATA_NOT_AUDITED") && !f.evidence().containsKey("ageDays"))
        .allSatisfy(f -> assertThat(f.toPass()).isNull());
  }

  @Test
  void everyThresholdCode_isSeenWithToPassInSomeScenario() {
    Set<String> seen = new TreeSet<>();
    FINDINGS.stream().filter(f -> f.toPass() != null).forEach(f -> seen.add(f.code()));
    assertThat(seen).containsAll(THRESHOLD_CODES);
  }

  @Test
  void toPassTexts_haveEveryNumberFilledIn_andNeverAskForLessThanOne() {
    assertThat(FINDINGS).filteredOn(f -> f.toPass() != null).allSatisfy(f -> {
      for (String part : List.of(f.toPass().current(), f.toPass().required(), f.toPass().text())) {
        assertThat(part).as(f.code()).isNotBlank().doesNotContain("none", "{", "}", "NaN");
      }
      assertThat(f.toPass().text()).as(f.code()).doesNotStartWith("0 more").doesNotContain("by 0:", " -");
    });
  }

  @Test
  void examples_readAsAManagerWouldSayThem() {
    Map<String, Set<String>> texts = new TreeMap<>();
    FINDINGS.stream().filter(f -> f.toPass() != null)
        .forEach(f -> texts.computeIfAbsent(f.code(), c -> new TreeSet<>()).add(f.toPass().text()));
    assertThat(texts.get("LOW_EARLY_ADOPTER_USAGE")).anySatisfy(t ->
        assertThat(t).matches("\\d more of \\d early adopters active in the 14-day window"));
    assertThat(texts.get("DATA_DUPLICATES")).anySatisfy(t -> assertThat(t).matches(".+ [\\d.]+% → at most 2%"));
    assertThat(texts.get("DATA_NOT_AUDITED")).anySatisfy(t ->
        assertThat(t).matches("audit .+ again: the last is \\d+ days old, at most 180"));
  }
}
