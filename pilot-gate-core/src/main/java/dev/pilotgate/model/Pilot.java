package dev.pilotgate.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything known about one AI pilot: the facts a gate decision is made from.
 *
 * <p>Only {@code id} and {@code stage} are required; every other part may be absent, and
 * what is absent is a finding for the rules (no owner, no criteria), not an error here. Every
 * date is in the years {@link #FIRST_YEAR} to {@link #LAST_YEAR}, and none of the pilot's records
 * is dated more than {@link #YEARS_BEFORE_DESIGN} years before its design started.
 * Lists are copied and unmodifiable; {@code null} lists become empty. Immutable and
 * thread-safe. Build one with {@link #builder(String, Stage)} or read one with
 * {@code dev.pilotgate.io.PilotReader}.
 *
 * @param id                    unique in a portfolio; required, not blank
 * @param name                  human-readable name; defaults to {@code id}
 * @param stage                 the stage the pilot is in; required
 * @param launchedOn            when the pilot launched, or {@code null}
 * @param plannedEndOn          when it was planned to end, or {@code null}; not before {@code launchedOn}
 * @param softwareMonthlyCost   monthly cost of the AI software, or {@code null}; not negative
 * @param implementationBudget  one-time implementation budget, or {@code null}; not negative
 * @param successCriteria       the success criteria (stage 1 output)
 * @param owner                 the operator owner (stage 2 output), or {@code null}
 * @param dataSources           the data sources (stage 3 output)
 * @param rollout               the controlled rollout, or {@code null} before it starts
 * @param usage                 who used the system, when
 * @param observations          metric values over time
 * @param playbook              the adoption playbook, or {@code null}
 * @param decisions             gate decisions already on record
 * @param waivers               findings accepted for a while by someone with the authority to (DESIGN §5)
 */
public record Pilot(
    String id,
    String name,
    Stage stage,
    LocalDate launchedOn,
    LocalDate plannedEndOn,
    Double softwareMonthlyCost,
    Double implementationBudget,
    List<SuccessCriterion> successCriteria,
    Owner owner,
    List<DataSource> dataSources,
    Rollout rollout,
    List<UsageRecord> usage,
    List<Observation> observations,
    Playbook playbook,
    List<RecordedDecision> decisions,
    List<Waiver> waivers) {

  /** The earliest year a date of a pilot may have; an earlier one is a typing mistake (year 0, 1026). */
  public static final int FIRST_YEAR = 1900;
  /** The latest year a date of a pilot may have; a later one is a typing mistake or a placeholder (9999). */
  public static final int LAST_YEAR = 2200;
  /**
   * How many years before the pilot's design started (its earliest criterion definition, or its
   * launch) a rollout start, criterion, audit, usage record, observation, recorded decision or waiver may
   * be dated; one dated earlier is refused as a mistyped year (2016 for 2026).
   */
  public static final int YEARS_BEFORE_DESIGN = 5;

  public Pilot {
    Checks c = new Checks();
    c.requiredText(id, "id");
    if (name == null || name.isBlank()) {
      name = id;
    }
    c.required(stage, "stage", Stage.values());
    LocalDate launch = c.date(launchedOn, "launchedOn");
    c.notAfter(launch, c.date(plannedEndOn, "plannedEndOn"), "launchedOn", "plannedEndOn");
    c.nonNegative(softwareMonthlyCost, "softwareMonthlyCost");
    c.nonNegative(implementationBudget, "implementationBudget");
    successCriteria = c.list(successCriteria, "successCriteria");
    for (int i = 0; i < successCriteria.size(); i++) {
      SuccessCriterion criterion = successCriteria.get(i);
      if (criterion != null && criterion.deadlineOn() != null && launch != null
          && criterion.deadlineOn().isBefore(launch)) {
        c.problem("successCriteria[" + i + "].deadlineOn", "(" + criterion.deadlineOn()
            + ") must not be before launchedOn (" + launch + "): a deadline falls after the launch", "launchedOn");
      }
    }
    dataSources = c.list(dataSources, "dataSources");
    usage = c.list(usage, "usage");
    observations = c.list(observations, "observations");
    decisions = c.list(decisions, "decisions");
    waivers = c.list(waivers, "waivers");
    notYearsBeforeDesign(c, launch, successCriteria, dataSources, rollout, usage, observations, decisions, waivers);
    observationsInRange(c, successCriteria, observations);
    c.done();
  }

  /** A pilot without waivers: the constructor before waivers were part of the document. */
  public Pilot(String id, String name, Stage stage, LocalDate launchedOn, LocalDate plannedEndOn,
      Double softwareMonthlyCost, Double implementationBudget, List<SuccessCriterion> successCriteria, Owner owner,
      List<DataSource> dataSources, Rollout rollout, List<UsageRecord> usage, List<Observation> observations,
      Playbook playbook, List<RecordedDecision> decisions) {
    this(id, name, stage, launchedOn, plannedEndOn, softwareMonthlyCost, implementationBudget, successCriteria, owner,
        dataSources, rollout, usage, observations, playbook, decisions, List.of());
  }

  /**
   * A problem for each observation outside the {@code range} of a criterion on its metric: the range
   * says what the metric can be at all, so such a value is a typing or unit mistake (62 for 0.62).
   */
  private static void observationsInRange(Checks c, List<SuccessCriterion> criteria, List<Observation> observations) {
    for (int j = 0; j < criteria.size(); j++) {
      SuccessCriterion criterion = criteria.get(j);
      if (criterion == null || criterion.range() == null) {
        continue;
      }
      MetricRange range = criterion.range();
      for (int i = 0; i < observations.size(); i++) {
        Observation o = observations.get(i);
        if (o != null && o.metric().equals(criterion.metric()) && !range.contains(o.value())) {
          c.problem("observations[" + i + "].value", "(" + o.value() + ") must lie within the range of "
              + criterion.metric() + " (" + (range.min() == null ? "" : "min " + range.min())
              + (range.min() != null && range.max() != null ? ", " : "") + (range.max() == null ? "" : "max " + range.max())
              + ", successCriteria[" + j + "].range): check the value and its unit", "successCriteria[" + j + "].range");
        }
      }
    }
  }

  /**
   * A problem for each date more than {@link #YEARS_BEFORE_DESIGN} years before the design started:
   * first a criterion's {@code definedOn} against the launch, then, against the earliest of the launch
   * and the definitions that passed, every rollout start, deadline (when there is no launch to check
   * it against), audit, usage record, observation and recorded decision. Invalid parts are skipped.
   * Allocates nothing when every date is in order.
   */
  private static void notYearsBeforeDesign(Checks c, LocalDate launch, List<SuccessCriterion> criteria,
      List<DataSource> sources, Rollout rollout, List<UsageRecord> usage, List<Observation> observations,
      List<RecordedDecision> decisions, List<Waiver> waivers) {
    LocalDate start = launch;
    int startCriterion = -1;
    LocalDate launchLimit = launch == null ? null : launch.minusYears(YEARS_BEFORE_DESIGN);
    for (int i = 0; i < criteria.size(); i++) {
      LocalDate defined = criteria.get(i) == null ? null : criteria.get(i).definedOn();
      if (defined == null) {
        continue;
      }
      if (launchLimit != null && defined.isBefore(launchLimit)) {
        c.problem("successCriteria[" + i + "].definedOn", "(" + defined + ") is more than " + YEARS_BEFORE_DESIGN
            + " years before launchedOn (" + launch + "): check the year", "launchedOn");
      } else if (start == null || defined.isBefore(start)) {
        start = defined;
        startCriterion = i;
      }
    }
    if (start == null) {
      return;
    }
    Design design = new Design(c, start, startCriterion, start.minusYears(YEARS_BEFORE_DESIGN));
    if (launch == null) {
      for (int i = 0; i < criteria.size(); i++) {
        if (design.tooEarly(criteria.get(i) == null ? null : criteria.get(i).deadlineOn())) {
          design.problem("successCriteria[" + i + "].deadlineOn", criteria.get(i).deadlineOn());
        }
      }
    }
    if (rollout != null && design.tooEarly(rollout.startedOn())) {
      design.problem("rollout.startedOn", rollout.startedOn());
    }
    for (int i = 0; i < sources.size(); i++) {
      if (design.tooEarly(sources.get(i) == null ? null : sources.get(i).auditedOn())) {
        design.problem("dataSources[" + i + "].auditedOn", sources.get(i).auditedOn());
      }
    }
    for (int i = 0; i < usage.size(); i++) {
      if (design.tooEarly(usage.get(i) == null ? null : usage.get(i).date())) {
        design.problem("usage[" + i + "].date", usage.get(i).date());
      }
    }
    for (int i = 0; i < observations.size(); i++) {
      if (design.tooEarly(observations.get(i) == null ? null : observations.get(i).date())) {
        design.problem("observations[" + i + "].date", observations.get(i).date());
      }
    }
    for (int i = 0; i < decisions.size(); i++) {
      if (design.tooEarly(decisions.get(i) == null ? null : decisions.get(i).date())) {
        design.problem("decisions[" + i + "].date", decisions.get(i).date());
      }
    }
    for (int i = 0; i < waivers.size(); i++) {
      if (design.tooEarly(waivers.get(i) == null ? null : waivers.get(i).approvedOn())) {
        design.problem("waivers[" + i + "].approvedOn", waivers.get(i).approvedOn());
      }
    }
  }

  /** When the design started ({@code criterion} -1 for the launch), and the problem for a date years before it. */
  private record Design(Checks c, LocalDate start, int criterion, LocalDate limit) {
    boolean tooEarly(LocalDate date) {
      return date != null && date.isBefore(limit);
    }

    void problem(String field, LocalDate date) {
      String startField = criterion < 0 ? "launchedOn" : "successCriteria[" + criterion + "].definedOn";
      c.problem(field, "(" + date + ") is more than " + YEARS_BEFORE_DESIGN + " years before the pilot's design started ("
          + start + ", " + startField + "): check the year", startField);
    }
  }

  /** A builder for a pilot with the two required fields set. Not thread-safe. */
  public static Builder builder(String id, Stage stage) {
    return new Builder(id, stage);
  }

  /** A builder starting from this pilot's values, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder(id, stage)
        .name(name).launchedOn(launchedOn).plannedEndOn(plannedEndOn)
        .softwareMonthlyCost(softwareMonthlyCost).implementationBudget(implementationBudget)
        .owner(owner).rollout(rollout).playbook(playbook);
    b.successCriteria.addAll(successCriteria);
    b.dataSources.addAll(dataSources);
    b.usage.addAll(usage);
    b.observations.addAll(observations);
    b.decisions.addAll(decisions);
    b.waivers.addAll(waivers);
    return b;
  }

  /**
   * Collects a pilot's parts; {@link #build()} validates and copies them, so a builder can
   * be reused. Not thread-safe.
   */
  public static final class Builder {
    private String id;
    private Stage stage;
    private String name;
    private LocalDate launchedOn;
    private LocalDate plannedEndOn;
    private Double softwareMonthlyCost;
    private Double implementationBudget;
    private final List<SuccessCriterion> successCriteria = new ArrayList<>();
    private Owner owner;
    private final List<DataSource> dataSources = new ArrayList<>();
    private Rollout rollout;
    private final List<UsageRecord> usage = new ArrayList<>();
    private final List<Observation> observations = new ArrayList<>();
    private Playbook playbook;
    private final List<RecordedDecision> decisions = new ArrayList<>();
    private final List<Waiver> waivers = new ArrayList<>();

    private Builder(String id, Stage stage) {
      this.id = id;
      this.stage = stage;
    }

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder stage(Stage stage) {
      this.stage = stage;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder launchedOn(LocalDate launchedOn) {
      this.launchedOn = launchedOn;
      return this;
    }

    public Builder plannedEndOn(LocalDate plannedEndOn) {
      this.plannedEndOn = plannedEndOn;
      return this;
    }

    public Builder softwareMonthlyCost(Double softwareMonthlyCost) {
      this.softwareMonthlyCost = softwareMonthlyCost;
      return this;
    }

    public Builder implementationBudget(Double implementationBudget) {
      this.implementationBudget = implementationBudget;
      return this;
    }

    public Builder successCriterion(SuccessCriterion criterion) {
      successCriteria.add(criterion);
      return this;
    }

    public Builder owner(Owner owner) {
      this.owner = owner;
      return this;
    }

    public Builder dataSource(DataSource source) {
      dataSources.add(source);
      return this;
    }

    public Builder rollout(Rollout rollout) {
      this.rollout = rollout;
      return this;
    }

    public Builder usage(UsageRecord record) {
      usage.add(record);
      return this;
    }

    public Builder observation(Observation observation) {
      observations.add(observation);
      return this;
    }

    public Builder playbook(Playbook playbook) {
      this.playbook = playbook;
      return this;
    }

    public Builder decision(RecordedDecision decision) {
      decisions.add(decision);
      return this;
    }

    public Builder waiver(Waiver waiver) {
      waivers.add(waiver);
      return this;
    }

    /** Validates and returns a new immutable pilot; throws {@link InvalidFieldException} if a part is invalid. */
    public Pilot build() {
      return new Pilot(id, name, stage, launchedOn, plannedEndOn, softwareMonthlyCost,
          implementationBudget, successCriteria, owner, dataSources, rollout, usage,
          observations, playbook, decisions, waivers);
    }
  }
}
