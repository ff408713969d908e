package dev.pilotgate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.pilotgate.BundledRules;
import dev.pilotgate.GateEvaluator;
import dev.pilotgate.internal.engine.RulePermissions;
import dev.pilotgate.internal.engine.RuleSource;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.Stage;
import dev.pilotgate.ruleset.RuleProblem;
import dev.pilotgate.ruleset.RuleSetEvent;
import dev.pilotgate.ruleset.RuleSetException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may write a rules directory (docs/security.md, "Who may write the rules"): real directories,
 * real files, real permission bits, real symbolic links. Every directory and file is given its mode
 * explicitly, so the outcome does not depend on the umask.
 *
 * <p>{@code tmp} is owner-only ({@code rwx------}) and so ends the walk up the parents unless a test
 * changes it; the rules live in {@code tmp/home/rules} or {@code tmp/rules}.
 */
class RulePermissionsTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);
  private static final String DRL = """
      package dev.pilotgate.rules;

      import dev.pilotgate.decision.Finding;
      import dev.pilotgate.decision.Readiness;
      import dev.pilotgate.decision.ReadinessLevel;
      import dev.pilotgate.decision.RootCause;
      import dev.pilotgate.decision.Severity;
      import dev.pilotgate.model.GateOutcome;
      import dev.pilotgate.model.Pilot;
      import java.util.List;
      import java.util.Map;

      rule "PERMITTED"
      when
          Pilot()
      then
          insert(new Finding("PERMITTED", RootCause.GOVERNANCE, Severity.INFO, GateOutcome.GO, "permitted", Map.of(),
              null, drools.getRule().getName()));
          insert(new Readiness(ReadinessLevel.HIGH, 1, 2, List.of()));
      end
      """;
  private static final String SCENARIO = """
      name: any pilot goes
      asOf: 2026-06-01
      pilot: { id: a, stage: DEFINE_CRITERIA }
      expect: { outcome: GO }
      """;
  private static final String PERMISSIONS_DOC = " rules are code, and anyone who can change them decides the gates; ";

  @TempDir
  Path tmp;
  private String group;

  @BeforeEach
  void groupOfNewFiles() throws IOException {
    group = Files.readAttributes(tmp, PosixFileAttributes.class).group().getName();
  }

  // --- the rules directory and its files

  @Test
  void worldWritableRulesDirectory_isRefused_namingItAndTheFix() throws IOException {
    Path rules = rules(tmp.resolve("rules"));
    chmod(rules, "rwxrwxrwx");

    assertThat(refusal(GateEvaluator.builder().rulesDirectory(rules))).containsExactly(new RuleProblem(
        rules.toString(), 0, "may be written by any user and by every member of group " + group
        + " (permissions rwxrwxrwx):" + PERMISSIONS_DOC + "remove the write permission for group and others (chmod go-w "
        + rules + "), or, if that is intended, allow it with GateEvaluator.builder().allowWorldWritableRules(true)"));

    chmod(rules, "rwxr-xrwx");
    assertThat(refusal(GateEvaluator.builder().rulesDirectory(rules))).containsExactly(new RuleProblem(
        rules.toString(), 0, "may be written by any user (permissions rwxr-xrwx):" + PERMISSIONS_DOC
        + "remove the write permission for others (chmod o-w " + rules + "), or, if that is intended, allow it with"
        + " GateEvaluator.builder().allowWorldWritableRules(true)"));
    // allowing the group does not allow the world
    assertThat(refusal(GateEvaluator.builder().rulesDirectory(rules).allowGroupWritableRules(true)))
        .extracting(RuleProblem::file).containsExactly(rules.toString());
    // the escape hatch
    try (GateEvaluator evaluator = GateEvaluator.builder().rulesDirectory(rules).allowWorldWritableRules(true).build()) {
      assertThat(evaluator.evaluate(pilot(), AS_OF).outcome()).isEqualTo(GateOutcome.GO);
    }
  }

  @Test
  void groupWritableFile_isRefused_namingItTheGroupAndBothFixes() throws IOException {
    Path rules = rules(tmp.resolve("rules"));
    Path policy = rules.resolve(RuleSource.POLICY_FILE);
    chmod(policy, "rw-rw-r--");

    assertThat(refusal(GateEvaluator.builder().rulesDirectory(rules))).containsExactly(new RuleProblem(
        policy.toString(), 0, "may be written by every member of group " + group + " (permissions rw-rw-r--):"
        + PERMISSIONS_DOC + "remove the group's write permission (chmod g-w " + policy + "), or, if every member of"
        + " group " + group + " may decide the gates, allow it with GateEvaluator.builder().allowGroupWritableRules(true)"));
  }

  @Test
  void groupWritable_isAccepted_whenTheGroupIsAllowed_theWorldStillIsNot() throws IOException {
    Path home = dir(tmp.resolve("home"), "rwxrwxr-x");
    Path rules = rules(home.resolve("rules"));
    chmod(rules, "rwxrwxr-x");
    chmod(rules.resolve("permitted.drl"), "rw-rw-r--");

    try (GateEvaluator evaluator = GateEvaluator.builder().rulesDirectory(rules).allowGroupWritableRules(true).build()) {
      assertThat(evaluator.evaluate(pilot(), AS_OF).outcome()).isEqualTo(GateOutcome.GO);
    }

    Path policy = rules.resolve(RuleSource.POLICY_FILE);
    chmod(policy, "rw-rw-rw-");
    assertThat(refusal(GateEvaluator.builder().rulesDirectory(rules).allowGroupWritableRules(true)))
        .containsExactly(new RuleProblem(policy.toString(), 0, "may be written by any user (permissions rw-rw-rw-):"
            + PERMISSIONS_DOC + "remove the write permission for others (chmod o-w " + policy + "), or, if that is"
            + " intended, allow it with GateEvaluator.builder().allowWorldWritableRules(true)"));
  }

  @Test
  void catalogueScenariosFoldersAndFiles_groupWritable_areRefused_allProblemsTogether() throws IOException {
    Path rules = rules(tmp.resolve("rules"));
    Path scenarios = dir(rules.resolve("scenarios"), "rwxrwxr-x");
    Path nested = dir(scenarios.resolve("nested"), "rwxrwxr-x");
    Path scenario = file(nested.resolve("go.yaml"), SCENARIO, "rw-rw-r--");
    file(scenarios.resolve("README.txt"), "not read, not checked", "rw-rw-rw-");
    Path drl = rules.resolve("permitted.drl");
    chmod(drl, "rw-rw-r--");
    Path catalogue = file(rules.resolve("findings.properties"), new String(RuleSource.bundled(getClass().getClassLoader())
        .catalogueFile().content(), StandardCharsets.UTF_8), "rw-rw-r--");

    assertThat(refusal(GateEvaluator.builder().rulesDirectory(rules))).extracting(RuleProblem::file, RuleProblem::message)
        .containsExactly(
            tuple(catalogue.toString(), groupMessage(catalogue, "rw-rw-r--")),
            tuple(drl.toString(), groupMessage(drl, "rw-rw-r--")),
            tuple(scenarios.toString(), groupMessage(scenarios, "rwxrwxr-x")),
            tuple(nested.toString(), groupMessage(nested, "rwxrwxr-x")),
            tuple(scenario.toString(), groupMessage(scenario, "rw-rw-r--")));

    try (GateEvaluator evaluator = GateEvaluator.builder().rulesDirectory(rules).allowGroupWritableRules(true).build()) {
      assertThat(evaluator.rulesVersion()).isEqualTo(RuleSource.fromDirectory(rules, anyone()).version());
    }
  }

  // --- the parents

  @Test
  void worldWritableParent_isRefused_evenThoughTheRulesDirectoryIsOwnerOnly() throws IOException {
    Path shared = dir(tmp.resolve("shared"), "rwxrwxrwx");
    Path rules = rules(shared.resolve("rules"));

    assertThat(refusal(GateEvaluator.builder().rulesDirectory(rules))).containsExactly(new RuleProblem(
        shared.toString(), 0, "is a parent of the rules directory and may be written by any user and by every member"
        + " of group " + group + " (permissions rwxrwxrwx): whoever can write it can put other rules in the rules"
        + " directory's place; remove the write permission for group and others (chmod go-w " + shared + "), or keep"
        + " the rules below a directory that only its owner may write (such as one made with mkdir -m 700), where"
        + " this check stops; or, if that is intended, allow it with"
        + " GateEvaluator.builder().allowWorldWritableRules(true)"));
    // the walk stopped at tmp (rwx------): nothing above it is named
  }

  @Test
  void ownerOnlyParent_stopsTheWalk_andAParentThatIsNot_continuesIt() throws IOException {
    chmod(tmp, "rwxrwxrwx"); // like /tmp, without the sticky bit Java cannot see anyway
    Path home = dir(tmp.resolve("home"), "rwxr-xr-x");
    Path rules = rules(home.resolve("rules"));

    // home is owner-only: the walk stops there and never reaches the world-writable tmp
    try (GateEvaluator evaluator = GateEvaluator.builder().rulesDirectory(rules).build()) {
      assertThat(evaluator.evaluate(pilot(), AS_OF).outcome()).isEqualTo(GateOutcome.GO);
    }

    // home group-writable: refused, and the walk goes on to tmp, refused too, the nearest first
    chmod(home, "rwxrwxr-x");
    assertThat(refusal(GateEvaluator.builder().rulesDirectory(rules))).extracting(RuleProblem::file)
        .containsExactly(home.toString(), tmp.toString());
    // with the group allowed, home is fine but not owner-only: the walk still reaches tmp, refused for others alone
    assertThat(refusal(GateEvaluator.builder().rulesDirectory(rules).allowGroupWritableRules(true)))
        .containsExactly(new RuleProblem(tmp.toString(), 0, "is a parent of the rules directory and may be written by"
            + " any user (permissions rwxrwxrwx): whoever can write it can put other rules in the rules directory's"
            + " place; remove the write permission for others (chmod o-w " + tmp + "), or keep the rules below a"
            + " directory that only its owner may write (such as one made with mkdir -m 700), where this check stops;"
            + " or, if that is intended, allow it with GateEvaluator.builder().allowWorldWritableRules(true)"));
  }

  // --- symbolic links

  @Test
  void symbolicLinkToAFileOutside_isRefused_evenWithWorldWritableAllowed() throws IOException {
    Path rules = rules(tmp.resolve("rules"));
    Path outside = file(dir(tmp.resolve("elsewhere"), "rwxr-xr-x").resolve("extra.drl"),
        DRL.replace("PERMITTED", "EXTRA"), "rw-r--r--");
    Path link = Files.createSymbolicLink(rules.resolve("extra.drl"), outside);

    String message = "is a symbolic link to " + outside.toRealPath() + ", outside the rules directory "
        + rules.toRealPath() + ": the rules directory's permissions do not cover it; copy the file into the rules"
        + " directory instead (or link to a file inside it)";
    assertThat(refusal(GateEvaluator.builder().rulesDirectory(rules)))
        .containsExactly(new RuleProblem(link.toString(), 0, message));
    assertThat(refusal(GateEvaluator.builder().rulesDirectory(rules).allowWorldWritableRules(true)))
        .containsExactly(new RuleProblem(link.toString(), 0, message));
  }

  @Test
  void symbolicLinkInside_isAccepted_andTheFolderOfItsTargetIsChecked() throws IOException {
    Path rules = rules(tmp.resolve("rules"));
    Path library = dir(rules.resolve("library"), "rwxr-xr-x");
    file(library.resolve("extra.drl"), DRL.replace("PERMITTED", "EXTRA"), "rw-r--r--");
    Files.createSymbolicLink(rules.resolve("extra.drl"), Path.of("library", "extra.drl"));

    try (GateEvaluator evaluator = GateEvaluator.builder().rulesDirectory(rules).build()) {
      assertThat(evaluator.ruleNames()).containsExactly("EXTRA", "PERMITTED");
    }

    chmod(library, "rwxrwxr-x"); // whoever may write library/ may replace what the link reads
    assertThat(refusal(GateEvaluator.builder().rulesDirectory(rules))).containsExactly(
        new RuleProblem(library.toString(), 0, groupMessage(library, "rwxrwxr-x")));
  }

  // --- reloads

  @Test
  void reload_afterChmodGroupWrite_isRejected_andTheLastGoodRulesKeepDeciding() throws IOException {
    Path rules = rules(tmp.resolve("rules"));
    try (GateEvaluator evaluator = GateEvaluator.builder().rulesDirectory(rules).build()) {
      String good = evaluator.rulesVersion();
      Path drl = rules.resolve("permitted.drl");
      chmod(drl, "rw-rw-r--");

      RuleSetEvent event = evaluator.reload();

      assertThat(event.kind()).isEqualTo(RuleSetEvent.Kind.REJECTED);
      assertThat(event.problems()).containsExactly(new RuleProblem(drl.toString(), 0, groupMessage(drl, "rw-rw-r--")));
      assertThat(evaluator.status().lastError()).isEqualTo(event.problems());
      assertThat(evaluator.rulesVersion()).isEqualTo(good);
      assertThat(evaluator.evaluate(pilot(), AS_OF).rulesVersion()).isEqualTo(good);
    }
  }

  @Test
  void watched_editAfterChmodGroupWrite_isRejected_andTheLastGoodRulesKeepDeciding() throws Exception {
    Path rules = rules(tmp.resolve("rules"));
    BlockingQueue<RuleSetEvent> events = new LinkedBlockingQueue<>();
    try (GateEvaluator evaluator = GateEvaluator.builder().rulesDirectory(rules).watch(true)
        .debounce(Duration.ofMillis(100)).pollInterval(Duration.ofMillis(200)).listener(events::add).build()) {
      String good = evaluator.rulesVersion();
      Path drl = rules.resolve("permitted.drl");
      chmod(drl, "rw-rw-r--");
      Files.writeString(drl, DRL.replace("\"permitted\"", "\"edited by the group\""));

      RuleSetEvent event = events.poll(60, TimeUnit.SECONDS);

      assertThat(event).as("an event within 60 s").isNotNull();
      assertThat(event.kind()).isEqualTo(RuleSetEvent.Kind.REJECTED);
      assertThat(event.problems()).containsExactly(new RuleProblem(drl.toString(), 0, groupMessage(drl, "rw-rw-r--")));
      assertThat(evaluator.status().lastAttemptFailed()).isTrue();
      assertThat(evaluator.evaluate(pilot(), AS_OF).rulesVersion()).isEqualTo(good);
    }
  }

  // --- the version covers the scenarios

  @Test
  void scenarioEdit_changesTheVersion_andAReloadActivatesIt() throws IOException {
    Path rules = rules(tmp.resolve("rules"));
    Path scenarios = dir(rules.resolve("scenarios"), "rwxr-xr-x");
    Path scenario = file(scenarios.resolve("go.yaml"), SCENARIO, "rw-r--r--");
    try (GateEvaluator evaluator = GateEvaluator.builder().rulesDirectory(rules).verifyScenarios(false).build()) {
      String before = evaluator.rulesVersion();

      Files.writeString(scenario, SCENARIO.replace("any pilot goes", "every pilot goes"));
      String edited = RuleSource.fromDirectory(rules).version();
      assertThat(edited).isNotEqualTo(before);
      RuleSetEvent event = evaluator.reload();
      assertThat(event.kind()).isEqualTo(RuleSetEvent.Kind.ACTIVATED);
      assertThat(evaluator.rulesVersion()).isEqualTo(event.version()).isEqualTo(edited);

      // a scenario added, and one moved to another folder, are changes too
      file(scenarios.resolve("more.yaml"), SCENARIO, "rw-r--r--");
      String added = RuleSource.fromDirectory(rules).version();
      assertThat(added).isNotIn(before, edited);
      Files.move(scenarios.resolve("more.yaml"), dir(scenarios.resolve("moved"), "rwxr-xr-x").resolve("more.yaml"));
      assertThat(RuleSource.fromDirectory(rules).version()).isNotIn(before, edited, added);
    }
  }

  @Test
  void bundledVersion_isTheVersionOfACopyWithItsScenarios_notOfOneWithout() throws IOException {
    Path with = tmp.resolve("with");
    BundledRules.copyTo(with, true);
    Path without = tmp.resolve("without");
    BundledRules.copyTo(without, false);

    // the copies' modes come from the umask: not what this test is about
    assertThat(RuleSource.fromDirectory(with, anyone()).version()).isEqualTo(BundledRules.version());
    assertThat(RuleSource.fromDirectory(without, anyone()).version()).isNotEqualTo(BundledRules.version());
  }

  // --- the builder

  @Test
  void builder_permissionSettingMadeTwice_isRefused() {
    assertThatThrownBy(() -> GateEvaluator.builder().allowGroupWritableRules(true).allowGroupWritableRules(false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("allowGroupWritableRules is set twice (first to true, then to false); set each option once");
    assertThatThrownBy(() -> GateEvaluator.builder().allowWorldWritableRules(false).allowWorldWritableRules(false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("allowWorldWritableRules is set twice (first to false, then to false); set each option once");
  }

  // --- helpers

  private String groupMessage(Path path, String permissions) {
    return "may be written by every member of group " + group + " (permissions " + permissions + "):" + PERMISSIONS_DOC
        + "remove the group's write permission (chmod g-w " + path + "), or, if every member of group " + group
        + " may decide the gates, allow it with GateEvaluator.builder().allowGroupWritableRules(true)";
  }

  private static RulePermissions.Writers anyone() {
    return RulePermissions.Writers.ANYONE;
  }

  /** A one-rule rule set (every pilot GO) in a new directory, everything owner-only ({@code rwxr-xr-x}, {@code rw-r--r--}). */
  private static Path rules(Path directory) throws IOException {
    dir(directory, "rwxr-xr-x");
    String policy = new String(RuleSource.bundled(RulePermissionsTest.class.getClassLoader()).policyFile().content(),
        StandardCharsets.UTF_8);
    file(directory.resolve("permitted.drl"), DRL, "rw-r--r--");
    file(directory.resolve(RuleSource.POLICY_FILE), policy, "rw-r--r--");
    return directory;
  }

  private static Path dir(Path directory, String permissions) throws IOException {
    Files.createDirectory(directory);
    return chmod(directory, permissions);
  }

  private static Path file(Path file, String content, String permissions) throws IOException {
    Files.writeString(file, content);
    return chmod(file, permissions);
  }

  private static Path chmod(Path path, String permissions) throws IOException {
    return Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
  }

  private static List<RuleProblem> refusal(GateEvaluator.Builder builder) {
    try (GateEvaluator unexpected = builder.build()) {
      throw new AssertionError("loaded, but should have been refused: " + unexpected);
    } catch (RuleSetException e) {
      return e.problems();
    }
  }

  private static Pilot pilot() {
    return Pilot.builder("p1", Stage.DEFINE_CRITERIA).launchedOn(LocalDate.of(2026, 1, 5)).build();
  }
}
