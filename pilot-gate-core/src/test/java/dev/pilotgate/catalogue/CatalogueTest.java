package dev.pilotgate.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.decision.Finding;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.decision.RootCause;
import dev.pilotgate.decision.Severity;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.Stage;
import dev.pilotgate.ruleset.RuleProblem;
import dev.pilotgate.ruleset.RuleSetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule set's own finding catalogue: a rule names the code and binds the evidence, the catalogue
 * gives root cause, severity, outcome, message and action; every mistake in either is refused when
 * the rules load, at the file and line where it is.
 */
class CatalogueTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);

  /** A rule file with one finding rule and a gate rule; shared with ToPassCatalogueTest. */
  static final String RULE = """
      package acme.gates;

      import dev.pilotgate.decision.Finding;
      import dev.pilotgate.decision.Readiness;
      import dev.pilotgate.decision.ReadinessLevel;
      import dev.pilotgate.decision.Severity;
      import dev.pilotgate.facts.Findings;
      import dev.pilotgate.model.Pilot;
      import dev.pilotgate.policy.Policy;
      import java.util.List;

      global Policy policy;
      global Findings findings;

      rule "COST_CAP"
      when
          $p : Pilot( softwareMonthlyCost != null, softwareMonthlyCost > policy.get("acme.monthlyCost.max") )
      then
          findings.add("ACME_COST_CAP", "cost", $p.softwareMonthlyCost(), "max", policy.get("acme.monthlyCost.max"),
              "owners", List.of("dana"));
          insert(new Readiness(ReadinessLevel.HIGH, 1, 2, List.of()));
      end

      rule "GATE"
          salience -10
      when
          Pilot()
          not Finding( severity == Severity.BLOCKER )
      then
          findings.add("ACME_GATE");
      end
      """;

  private static final String CATALOGUE = """
      # the ACME finding catalogue
      ACME_COST_CAP.rootCause=GOVERNANCE
      ACME_COST_CAP.stage=ACTIVATE_OWNER
      ACME_COST_CAP.means=software costs more per month than the cap
      ACME_COST_CAP.message=The software costs {cost} a month; the cap is {max} ({owners#} {owners?owner|owners}: {owners}).
      ACME_COST_CAP.action=Renegotiate below {max} or stop.

      ACME_GATE.rootCause=GOVERNANCE
      ACME_GATE.severity=INFO
      ACME_GATE.outcome=GO
      ACME_GATE.means=nothing holds the pilot
      ACME_GATE.message=Nothing holds the pilot.
      """;

  static Path ruleSet(Path dir, String drl, String catalogue) throws IOException {
    Files.writeString(dir.resolve("cost.drl"), drl);
    Files.writeString(dir.resolve("policy.properties"), "# highest monthly software cost\nacme.monthlyCost.max=1000\n");
    Files.writeString(dir.resolve("findings.properties"), catalogue);
    return dir;
  }

  static Pilot pilot(Stage stage, double cost) {
    return Pilot.builder("p1", stage).softwareMonthlyCost(cost).build();
  }

  static int lineOf(String text, String part) {
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(part)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line with " + part);
  }

  static List<String> problems(Path dir) {
    try {
      GateEvaluator.fromDirectory(dir).close();
    } catch (RuleSetException e) {
      return e.problems().stream().map(RuleProblem::toString).toList();
    }
    throw new AssertionError("the rule set loaded");
  }

  @Test
  void finding_takesEverythingButTheEvidenceFromTheCatalogue_andTheRuleNameFromTheEngine(@TempDir Path dir)
      throws IOException {
    try (GateEvaluator evaluator = GateEvaluator.fromDirectory(ruleSet(dir, RULE, CATALOGUE))) {
      GateDecision atStage = evaluator.evaluate(pilot(Stage.ACTIVATE_OWNER, 1234.5), AS_OF);
      GateDecision before = evaluator.evaluate(pilot(Stage.DEFINE_CRITERIA, 1234.5), AS_OF);

      Finding f = atStage.findings().stream().filter(x -> x.code().equals("ACME_COST_CAP")).findFirst().orElseThrow();
      assertThat(f.code()).isEqualTo("ACME_COST_CAP");
      assertThat(f.rule()).isEqualTo("COST_CAP");
      assertThat(f.rootCause()).isEqualTo(RootCause.GOVERNANCE);
      assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
      assertThat(f.message()).isEqualTo("The software costs 1230 a month; the cap is 1000 (1 owner: dana).");
      assertThat(f.action()).isEqualTo("Renegotiate below 1000 or stop.");
      assertThat(f.evidence()).containsEntry("cost", 1234.5).containsEntry("max", 1000.0);
      assertThat(atStage.outcome()).isEqualTo(GateOutcome.HOLD);
      // the stage whose output it is has not been reached: a warning
      assertThat(before.findings()).extracting(Finding::code, Finding::severity)
          .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("ACME_COST_CAP", Severity.WARNING),
              org.assertj.core.groups.Tuple.tuple("ACME_GATE", Severity.INFO));
      assertThat(before.outcome()).isEqualTo(GateOutcome.GO);
    }
  }

  @Test
  void unknownCode_isRefusedAtTheCallNamingTheKnownCodes(@TempDir Path dir) throws IOException {
    String drl = RULE.replace("findings.add(\"ACME_COST_CAP\"", "findings.add(\"ACME_COST_CAPP\"");
    ruleSet(dir, drl, CATALOGUE);

    assertThat(problems(dir)).containsExactly(dir.resolve("cost.drl") + ":" + lineOf(drl, "ACME_COST_CAPP")
        + ": reports finding 'ACME_COST_CAPP', which the finding catalogue does not define; add it to"
        + " findings.properties (root cause, severity or stage, outcome, message, action) or use one of [ACME_COST_CAP, ACME_GATE]");
  }

  @Test
  void placeholderTheCallDoesNotBind_isRefusedAtTheCall(@TempDir Path dir) throws IOException {
    String drl = RULE.replace(", \"max\", policy.get(\"acme.monthlyCost.max\"),\n", ",\n");
    assertThat(drl).isNotEqualTo(RULE);
    ruleSet(dir, drl, CATALOGUE);

    assertThat(problems(dir)).containsExactly(dir.resolve("cost.drl") + ":" + lineOf(drl, "findings.add")
        + ": reports finding 'ACME_COST_CAP' without max, which its message or action (findings.properties line 2)"
        + " uses: bind it in the call");
  }

  @Test
  void computedCode_isRefused(@TempDir Path dir) throws IOException {
    String drl = RULE.replace("findings.add(\"ACME_COST_CAP\"", "findings.add(\"ACME_\" + \"COST_CAP\"");
    ruleSet(dir, drl, CATALOGUE);

    assertThat(problems(dir)).singleElement().asString()
        .startsWith(dir.resolve("cost.drl") + ":" + lineOf(drl, "findings.add") + ": calls findings.add without a"
            + " literal code and literal evidence names in pairs");
  }

  @Test
  void blockerCallingForGo_isRefusedAtTheOutcomeLine(@TempDir Path dir) throws IOException {
    String catalogue = CATALOGUE + "ACME_COST_CAP.outcome=GO\n";
    ruleSet(dir, RULE, catalogue);

    assertThat(problems(dir)).containsExactly(dir.resolve("findings.properties") + ":" + lineOf(catalogue, "ACME_COST_CAP.outcome=")
        + ": ACME_COST_CAP: a BLOCKER cannot call for GO");
  }

  @Test
  void warningCallingForKill_isRefused(@TempDir Path dir) throws IOException {
    String catalogue = CATALOGUE.replace("ACME_COST_CAP.stage=ACTIVATE_OWNER", "ACME_COST_CAP.severity=WARNING")
        + "ACME_COST_CAP.outcome=KILL\n";
    ruleSet(dir, RULE, catalogue);

    assertThat(problems(dir)).containsExactly(dir.resolve("findings.properties") + ":" + lineOf(catalogue, "ACME_COST_CAP.outcome=")
        + ": ACME_COST_CAP: only a BLOCKER can call for KILL, but this is WARNING");
  }

  @Test
  void unknownRootCause_isRefusedNamingTheChoices(@TempDir Path dir) throws IOException {
    String catalogue = CATALOGUE.replace("ACME_COST_CAP.rootCause=GOVERNANCE", "ACME_COST_CAP.rootCause=MONEY");
    ruleSet(dir, RULE, catalogue);

    assertThat(problems(dir)).containsExactly(dir.resolve("findings.properties") + ":2: ACME_COST_CAP.rootCause must be"
        + " one of [SUCCESS_CRITERIA, OPERATOR_OWNER, DATA_READINESS, ADOPTION, OUTCOME, GOVERNANCE] but was 'MONEY'");
  }

  @Test
  void unreadablePlaceholder_isRefusedAtItsLine(@TempDir Path dir) throws IOException {
    String catalogue = CATALOGUE.replace("Renegotiate below {max}", "Renegotiate below {max");
    ruleSet(dir, RULE, catalogue);

    assertThat(problems(dir)).singleElement().asString().startsWith(dir.resolve("findings.properties") + ":"
        + lineOf(catalogue, ".action=") + ": ACME_COST_CAP.action has a brace that opens no placeholder the catalogue"
        + " knows ({name}, {name%}, {name#}, {name?one|other}) in 'Renegotiate below {max or stop.'");
  }

  @Test
  void bothStageAndSeverity_isRefused(@TempDir Path dir) throws IOException {
    String catalogue = CATALOGUE + "ACME_COST_CAP.severity=BLOCKER\n";
    ruleSet(dir, RULE, catalogue);

    assertThat(problems(dir)).singleElement().asString()
        .startsWith(dir.resolve("findings.properties") + ":").contains("ACME_COST_CAP").contains("not both");
  }
}
