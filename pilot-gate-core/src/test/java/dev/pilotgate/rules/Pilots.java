package dev.pilotgate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pilotgate.decision.Finding;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.model.DataSource;
import dev.pilotgate.model.Direction;
import dev.pilotgate.model.MetricKind;
import dev.pilotgate.model.Owner;
import dev.pilotgate.model.OwnerKind;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.Stage;
import dev.pilotgate.model.SuccessCriterion;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shared test fixture: a fully "clean" pilot at any stage (criteria, owner and data all in
 * order, so stages 1-3 give GO with no gap), which a test breaks one thing at a time.
 *
 * <pre>{@code
 * Pilots.clean(Stage.DATA_AUDIT).source(Pilots.source().duplicateRate(0.03)).build()
 * }</pre>
 *
 * <p>Every date is fixed relative to {@link #AS_OF}, the day every test evaluates on.
 */
final class Pilots {
  /** The day every decision in these tests is for. */
  static final LocalDate AS_OF = LocalDate.of(2026, 3, 2);
  /** When the clean pilot launched. */
  static final LocalDate LAUNCHED_ON = LocalDate.of(2026, 1, 5);
  /** When the clean pilot is planned to end (after {@link #AS_OF}, so no deadline has passed). */
  static final LocalDate PLANNED_END_ON = LocalDate.of(2026, 6, 30);
  /** When the clean criterion was agreed: before launch, so it is also when the design started. */
  static final LocalDate CRITERIA_DEFINED_ON = LocalDate.of(2025, 12, 15);
  /** When the clean owner got involved: before the design started. */
  static final LocalDate OWNER_INVOLVED_SINCE = LocalDate.of(2025, 12, 1);
  /** When the clean data source was audited: 41 days before {@link #AS_OF}. */
  static final LocalDate AUDITED_ON = LocalDate.of(2026, 1, 20);

  static final String PILOT_ID = "sales-assistant";
  static final String METRIC = "ai_assisted_outreach_share";
  static final String OWNER_NAME = "Dana Reyes";
  static final String SOURCE_NAME = "CRM";

  private Pilots() {}

  /** A clean pilot at {@code stage}: one complete business criterion, an accountable individual owner, one clean source. */
  static PilotSpec clean(Stage stage) {
    return new PilotSpec(stage);
  }

  /** A clean business criterion (0.10 to 0.70, higher is better), defined before launch. */
  static CriterionSpec criterion() {
    return new CriterionSpec();
  }

  /** A clean owner: one accountable individual involved before the design started. */
  static OwnerSpec owner() {
    return new OwnerSpec();
  }

  /** A clean data source: audited recently, well within every limit, governed, production data, no devices. */
  static SourceSpec source() {
    return new SourceSpec();
  }

  /** The messages' percent format, written out independently: three significant digits of the decimal, half up. */
  static String percent(double share) {
    return java.math.BigDecimal.valueOf(share).movePointRight(2)
        .round(new java.math.MathContext(3, java.math.RoundingMode.HALF_UP)).stripTrailingZeros().toPlainString() + "%";
  }

  /** The one finding with {@code code}; fails if there is none or several. */
  static Finding only(GateDecision decision, String code) {
    List<Finding> matching = all(decision, code);
    assertThat(matching).as("findings with code %s in %s", code, codes(decision)).hasSize(1);
    return matching.get(0);
  }

  /** Every finding with {@code code}. */
  static List<Finding> all(GateDecision decision, String code) {
    return decision.findings().stream().filter(f -> f.code().equals(code)).toList();
  }

  /** The codes of every finding, in the decision's order. */
  static List<String> codes(GateDecision decision) {
    return decision.findings().stream().map(Finding::code).toList();
  }

  /** A pilot under construction; each setter replaces one part. Not thread-safe. */
  static final class PilotSpec {
    private Stage stage;
    private String id = PILOT_ID;
    private String name = "AI assistant for the sales team";
    private LocalDate launchedOn = LAUNCHED_ON;
    private LocalDate plannedEndOn = PLANNED_END_ON;
    private final List<SuccessCriterion> criteria = new ArrayList<>(List.of(Pilots.criterion().build()));
    private Owner owner = Pilots.owner().build();
    private final List<DataSource> sources = new ArrayList<>(List.of(Pilots.source().build()));

    private PilotSpec(Stage stage) {
      this.stage = stage;
    }

    PilotSpec stage(Stage stage) {
      this.stage = stage;
      return this;
    }

    PilotSpec id(String id) {
      this.id = id;
      return this;
    }

    PilotSpec name(String name) {
      this.name = name;
      return this;
    }

    PilotSpec plannedEndOn(LocalDate plannedEndOn) {
      this.plannedEndOn = plannedEndOn;
      return this;
    }

    PilotSpec launchedOn(LocalDate launchedOn) {
      this.launchedOn = launchedOn;
      return this;
    }

    /** Replaces every criterion by these. */
    PilotSpec criteria(CriterionSpec... specs) {
      criteria.clear();
      Arrays.stream(specs).map(CriterionSpec::build).forEach(criteria::add);
      return this;
    }

    PilotSpec noCriteria() {
      return criteria();
    }

    PilotSpec owner(OwnerSpec spec) {
      this.owner = spec.build();
      return this;
    }

    PilotSpec noOwner() {
      this.owner = null;
      return this;
    }

    /** Replaces every data source by these. */
    PilotSpec sources(SourceSpec... specs) {
      sources.clear();
      Arrays.stream(specs).map(SourceSpec::build).forEach(sources::add);
      return this;
    }

    /** Replaces every data source by this one. */
    PilotSpec source(SourceSpec spec) {
      return sources(spec);
    }

    PilotSpec noSources() {
      return sources();
    }

    Pilot build() {
      Pilot.Builder b = Pilot.builder(id, stage)
          .name(name)
          .launchedOn(launchedOn)
          .plannedEndOn(plannedEndOn)
          .softwareMonthlyCost(2_000.0)
          .implementationBudget(60_000.0)
          .owner(owner);
      criteria.forEach(b::successCriterion);
      sources.forEach(b::dataSource);
      return b.build();
    }
  }

  /** A success criterion under construction. */
  static final class CriterionSpec {
    private String metric = METRIC;
    private MetricKind kind = MetricKind.BUSINESS;
    private Double baseline = 0.10;
    private Double target = 0.70;
    private Direction direction = Direction.HIGHER_IS_BETTER;
    private LocalDate deadlineOn = PLANNED_END_ON;
    private LocalDate definedOn = CRITERIA_DEFINED_ON;

    CriterionSpec metric(String metric) {
      this.metric = metric;
      return this;
    }

    CriterionSpec kind(MetricKind kind) {
      this.kind = kind;
      return this;
    }

    CriterionSpec baseline(Double baseline) {
      this.baseline = baseline;
      return this;
    }

    CriterionSpec target(Double target) {
      this.target = target;
      return this;
    }

    CriterionSpec direction(Direction direction) {
      this.direction = direction;
      return this;
    }

    CriterionSpec deadlineOn(LocalDate deadlineOn) {
      this.deadlineOn = deadlineOn;
      return this;
    }

    CriterionSpec definedOn(LocalDate definedOn) {
      this.definedOn = definedOn;
      return this;
    }

    SuccessCriterion build() {
      return new SuccessCriterion(metric, kind, baseline, target, direction, deadlineOn, definedOn);
    }
  }

  /** An owner under construction. */
  static final class OwnerSpec {
    private String name = OWNER_NAME;
    private String role = "Sales Director";
    private OwnerKind kind = OwnerKind.INDIVIDUAL;
    private boolean accountable = true;
    private LocalDate involvedSince = OWNER_INVOLVED_SINCE;

    OwnerSpec name(String name) {
      this.name = name;
      return this;
    }

    OwnerSpec role(String role) {
      this.role = role;
      return this;
    }

    OwnerSpec kind(OwnerKind kind) {
      this.kind = kind;
      return this;
    }

    OwnerSpec accountable(boolean accountable) {
      this.accountable = accountable;
      return this;
    }

    OwnerSpec involvedSince(LocalDate involvedSince) {
      this.involvedSince = involvedSince;
      return this;
    }

    Owner build() {
      return new Owner(name, role, kind, accountable, involvedSince);
    }
  }

  /** A data source under construction. */
  static final class SourceSpec {
    private String name = SOURCE_NAME;
    private LocalDate auditedOn = AUDITED_ON;
    private Double duplicateRate = 0.005;
    private Integer missingHistoryMonths = 0;
    private Double inconsistentFormatRate = 0.01;
    private boolean curatedForDemo = false;
    private boolean governanceDocumented = true;
    private final Map<String, Double> deviceOffsets = new LinkedHashMap<>();

    SourceSpec name(String name) {
      this.name = name;
      return this;
    }

    SourceSpec auditedOn(LocalDate auditedOn) {
      this.auditedOn = auditedOn;
      return this;
    }

    SourceSpec duplicateRate(Double duplicateRate) {
      this.duplicateRate = duplicateRate;
      return this;
    }

    SourceSpec missingHistoryMonths(Integer missingHistoryMonths) {
      this.missingHistoryMonths = missingHistoryMonths;
      return this;
    }

    SourceSpec inconsistentFormatRate(Double inconsistentFormatRate) {
      this.inconsistentFormatRate = inconsistentFormatRate;
      return this;
    }

    SourceSpec curatedForDemo(boolean curatedForDemo) {
      this.curatedForDemo = curatedForDemo;
      return this;
    }

    SourceSpec governanceDocumented(boolean governanceDocumented) {
      this.governanceDocumented = governanceDocumented;
      return this;
    }

    SourceSpec device(String device, double offset) {
      deviceOffsets.put(device, offset);
      return this;
    }

    DataSource build() {
      return new DataSource(name, auditedOn, duplicateRate, missingHistoryMonths, inconsistentFormatRate,
          curatedForDemo, governanceDocumented, deviceOffsets);
    }
  }
}
