package dev.pilotgate.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelValidationTest {
  private static final LocalDate DAY = LocalDate.of(2026, 1, 5);

  @Test
  void pilot_blankId_isRefusedByName() {
    assertThatThrownBy(() -> Pilot.builder(" ", Stage.DEFINE_CRITERIA).build())
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
          assertThat(e.field()).isEqualTo("id");
          assertThat(e).hasMessage("id must not be blank but was ' '");
        });
  }

  @Test
  void pilot_missingStage_isRefused() {
    assertThatThrownBy(() -> Pilot.builder("a", null).build()).hasMessage("stage is required (one of [DEFINE_CRITERIA, ACTIVATE_OWNER, DATA_AUDIT, CONTROLLED_ROLLOUT, "
            + "ORG_WIDE_ADOPTION, PRODUCTION])");
  }

  @Test
  void pilot_launchAfterPlannedEnd_isRefusedWithBothDates() {
    assertThatThrownBy(() -> Pilot.builder("a", Stage.DEFINE_CRITERIA)
        .launchedOn(DAY.plusDays(10)).plannedEndOn(DAY).build())
        .hasMessage("launchedOn (2026-01-15) must not be after plannedEndOn (2026-01-05)");
  }

  @Test
  void pilot_negativeBudget_quotesTheValue() {
    assertThatThrownBy(() -> Pilot.builder("a", Stage.DEFINE_CRITERIA).implementationBudget(-1.0).build())
        .hasMessage("implementationBudget must not be negative but was -1.0");
  }

  @Test
  void pilot_lists_areCopiedAndUnmodifiable() {
    List<SuccessCriterion> criteria = new ArrayList<>();
    criteria.add(new SuccessCriterion("m", MetricKind.BUSINESS, 1.0, 2.0, Direction.HIGHER_IS_BETTER, DAY, DAY));
    Pilot p = new Pilot("a", null, Stage.DEFINE_CRITERIA, null, null, null, null, criteria, null, null, null,
        null, null, null, null);
    criteria.clear();
    assertThat(p.successCriteria()).hasSize(1);
    assertThat(p.name()).isEqualTo("a");
    assertThat(p.usage()).isEmpty();
    assertThatThrownBy(() -> p.successCriteria().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void pilot_nullListElement_isRefusedWithIndex() {
    List<Observation> observations = new ArrayList<>();
    observations.add(new Observation("m", DAY, 1));
    observations.add(null);
    assertThatThrownBy(() -> new Pilot("a", null, Stage.DEFINE_CRITERIA, null, null, null, null, null, null,
        null, null, null, observations, null, null))
        .hasMessage("observations[1] is required (an element of the list; remove the empty entry)");
  }

  @Test
  void builder_toBuilder_roundTrips() {
    Pilot p = Pilot.builder("a", Stage.DATA_AUDIT).name("A").launchedOn(DAY)
        .owner(new Owner("Dana", null, OwnerKind.INDIVIDUAL, true, DAY))
        .usage(new UsageRecord("ann", DAY, 2)).build();
    assertThat(p.toBuilder().build()).isEqualTo(p);
    assertThat(p.toBuilder().stage(Stage.PRODUCTION).build().stage()).isEqualTo(Stage.PRODUCTION);
  }

  @Test
  void dataSource_rateOutOfRange_quotesTheValue() {
    assertThatThrownBy(() -> new DataSource("CRM", DAY, 1.2, 0, 0.0, false, true, null))
        .hasMessage("duplicateRate must be between 0 and 1 but was 1.2");
    assertThatThrownBy(() -> new DataSource("CRM", DAY, 0.0, -1, 0.0, false, true, null))
        .hasMessage("missingHistoryMonths must not be negative but was -1");
    assertThatThrownBy(() -> new DataSource("CRM", DAY, Double.NaN, 0, 0.0, false, true, null))
        .hasMessage("duplicateRate must be a finite number but was NaN");
  }

  @Test
  void dataSource_deviceOffsets_areCopiedInOrder() {
    Map<String, Double> offsets = new HashMap<>(Map.of("m7", 0.12));
    DataSource s = new DataSource("CRM", DAY, null, null, null, false, true, offsets);
    offsets.put("m8", 0.5);
    assertThat(s.deviceOffsets()).containsExactly(Map.entry("m7", 0.12));
    assertThatThrownBy(() -> new DataSource("CRM", DAY, null, null, null, false, true, Map.of("m7", Double.POSITIVE_INFINITY)))
        .hasMessage("deviceOffsets.m7 must be a finite number but was Infinity");
  }

  @Test
  void rollout_moreDeployedThanEligible_isRefused() {
    assertThatThrownBy(() -> new Rollout(DAY, 10, 11, List.of(), false))
        .hasMessage("deployedUsers (11) must not exceed eligibleUsers (10)");
  }

  @Test
  void rollout_duplicateEarlyAdopter_isRefusedWithIndex() {
    assertThatThrownBy(() -> new Rollout(DAY, 10, 3, List.of("ann", "bo", "ann"), false))
        .hasMessage("earlyAdopters[2] repeats 'ann' (also earlyAdopters[0]); list each early adopter once");
  }

  @Test
  void rollout_earlyAdoptersDifferingOnlyInCaseOrSpaces_areTheSameUser() {
    assertThatThrownBy(() -> new Rollout(DAY, 10, 3, List.of("Maria ", "ben", "maria", " BEN", "cy"), false))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.problems())
            .extracting(FieldProblem::toString).containsExactly(
                "earlyAdopters[2] repeats 'maria' (also earlyAdopters[0] 'Maria '; user names are compared trimmed and"
                    + " ignoring case); list each early adopter once",
                "earlyAdopters[3] repeats ' BEN' (also earlyAdopters[1] 'ben'; user names are compared trimmed and"
                    + " ignoring case); list each early adopter once"));
    // kept as written
    assertThat(new Rollout(DAY, 10, 3, List.of("Maria ", "ben"), false).earlyAdopters()).containsExactly("Maria ", "ben");
  }

  @Test
  void userIds_areComparedTrimmedAndIgnoringCase() {
    assertThat(UserIds.key(" Maria\t")).isEqualTo("maria");
    assertThat(UserIds.same("Maria ", "maria")).isTrue();
    assertThat(UserIds.same("ÉLISE", "élise")).isTrue();
    assertThat(UserIds.same("maria", "mario")).isFalse();
    assertThat(UserIds.same("ma ria", "maria")).isFalse();
    String plain = "ann";
    assertThat(UserIds.key(plain)).isSameAs(plain);
  }

  @Test
  void criterion_requiredParts_areNamed() {
    assertThatThrownBy(() -> new SuccessCriterion("m", null, 1.0, 2.0, Direction.HIGHER_IS_BETTER, DAY, DAY))
        .hasMessage("kind is required (one of [BUSINESS, TECHNOLOGY])");
    assertThatThrownBy(() -> new SuccessCriterion("m", MetricKind.BUSINESS, 1.0, 2.0, null, DAY, DAY))
        .hasMessage("direction is required (one of [HIGHER_IS_BETTER, LOWER_IS_BETTER])");
  }

  @Test
  void criterion_targetBetterThanBaseline_honoursDirection() {
    var higher = new SuccessCriterion("m", MetricKind.BUSINESS, 0.73, 0.82, Direction.HIGHER_IS_BETTER, DAY, DAY);
    var lower = new SuccessCriterion("m", MetricKind.BUSINESS, 0.73, 0.82, Direction.LOWER_IS_BETTER, DAY, DAY);
    var open = new SuccessCriterion("m", MetricKind.BUSINESS, null, 0.82, Direction.LOWER_IS_BETTER, DAY, DAY);
    assertThat(higher.targetBetterThanBaseline()).isTrue();
    assertThat(lower.targetBetterThanBaseline()).isFalse();
    assertThat(open.targetBetterThanBaseline()).isFalse();
    assertThat(open.complete()).isFalse();
  }

  @Test
  void usageRecord_zeroSessionsIsNoUse_andWithoutSessionsIsOne() {
    // installed, not used: 0 stays 0, so it does not count as activity
    assertThat(new UsageRecord("ann", DAY, 0).sessions()).isZero();
    assertThat(new UsageRecord("ann", DAY).sessions()).isEqualTo(1);
    assertThatThrownBy(() -> new UsageRecord("ann", DAY, -2)).hasMessage("sessions must not be negative but was -2");
  }

  @Test
  void stage_next_followsTheFramework() {
    assertThat(Stage.DEFINE_CRITERIA.next()).contains(Stage.ACTIVATE_OWNER);
    assertThat(Stage.CONTROLLED_ROLLOUT.next()).contains(Stage.ORG_WIDE_ADOPTION);
    assertThat(Stage.PRODUCTION.next()).isEmpty();
    assertThat(Stage.DATA_AUDIT.number()).isEqualTo(3);
  }

  @Test
  void gateOutcome_precedence_isKillDiagnoseHoldGo() {
    assertThat(GateOutcome.GO.max(GateOutcome.HOLD)).isEqualTo(GateOutcome.HOLD);
    assertThat(GateOutcome.KILL.max(GateOutcome.DIAGNOSE)).isEqualTo(GateOutcome.KILL);
    assertThat(GateOutcome.HOLD.max(GateOutcome.DIAGNOSE)).isEqualTo(GateOutcome.DIAGNOSE);
    assertThat(GateOutcome.GO.max(null)).isEqualTo(GateOutcome.GO);
  }
}
