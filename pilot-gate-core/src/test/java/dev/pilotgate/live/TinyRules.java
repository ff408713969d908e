package dev.pilotgate.live;

import dev.pilotgate.internal.engine.RuleSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A one-rule rule set whose decision is set by the policy key {@code tiny.go} (1: GO, 0:
 * HOLD), so that a decision shows which version made it. Small, so that tests can reload it
 * hundreds of times.
 */
final class TinyRules {
  static final String DRL = """
      package dev.pilotgate.rules;

      import dev.pilotgate.policy.Policy;
      import dev.pilotgate.decision.Finding;
      import dev.pilotgate.decision.Readiness;
      import dev.pilotgate.decision.ReadinessLevel;
      import dev.pilotgate.decision.RootCause;
      import dev.pilotgate.decision.Severity;
      import dev.pilotgate.model.GateOutcome;
      import dev.pilotgate.model.Pilot;
      import java.util.List;
      import java.util.Map;

      rule "TINY_GATE"
      when
          $p : Policy()
          Pilot()
      then
          boolean go = $p.getInt("tiny.go") == 1;
          insert(new Finding(go ? "TINY_GO" : "TINY_HOLD", RootCause.GOVERNANCE, go ? Severity.INFO : Severity.BLOCKER,
              go ? GateOutcome.GO : GateOutcome.HOLD, "tiny", Map.of(), null, drools.getRule().getName()));
          insert(new Readiness(ReadinessLevel.HIGH, 1, 2, List.of()));
      end
      """;

  private TinyRules() {}

  /** Writes the tiny rule set into {@code dir} with {@code tiny.go} set to {@code go}. */
  static Path write(Path dir, boolean go) {
    try {
      String policy = new String(RuleSource.bundled(TinyRules.class.getClassLoader()).policyFile().content(),
          java.nio.charset.StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("tiny.drl"), DRL);
      Files.writeString(dir.resolve(RuleSource.POLICY_FILE), policy + "\n# 1: the tiny rule says GO, 0: HOLD\ntiny.go=" + (go ? 1 : 0) + "\n");
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
