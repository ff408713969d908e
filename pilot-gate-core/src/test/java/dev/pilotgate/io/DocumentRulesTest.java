package dev.pilotgate.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.decision.AdoptionSnapshot;
import dev.pilotgate.io.PilotReader.Format;
import dev.pilotgate.model.Pilot;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The document rules of issue 12 seen from a document to a decision: user ids matched trimmed and
 * ignoring case, dates in sensible bounds and order, records after the decision day warned about.
 * The single-record messages are in {@link ValidationTableTest} and {@code ModelValidationTest}.
 */
class DocumentRulesTest {
  private static final PilotReader READER = PilotReader.create();
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);
  private static GateEvaluator evaluator;

  @BeforeAll
  static void rules() {
    evaluator = GateEvaluator.create();
  }

  @AfterAll
  static void close() {
    evaluator.close();
  }

  static AdoptionSnapshot adoption(Pilot pilot) {
    return evaluator.facts(pilot, AS_OF).stream().filter(AdoptionSnapshot.class::isInstance)
        .map(AdoptionSnapshot.class::cast).findFirst().orElseThrow();
  }

  @Test
  void usage_matchesEarlyAdopters_trimmedAndIgnoringCase() {
    Pilot pilot = READER.read("""
        id: users
        stage: CONTROLLED_ROLLOUT
        launchedOn: 2026-03-01
        rollout:
          startedOn: 2026-04-01
          eligibleUsers: 10
          deployedUsers: 3
          earlyAdopters: ["Maria ", tom, Lee]
        usage:
          - { user: maria, date: 2026-05-30 }
          - { user: MARIA, date: 2026-05-31 }
          - { user: " lee", date: 2026-05-25 }
          - { user: Tom, date: 2026-04-02 }
          - { user: "ana", date: 2026-05-31 }
        """, Format.YAML, "users.yaml");
    AdoptionSnapshot a = adoption(pilot);
    // the names as the rollout writes them; each user once, however written
    assertThat(a.activeEarlyAdopters()).containsExactly("Maria ", "Lee");
    assertThat(a.inactiveEarlyAdopters()).containsExactly("tom");
    assertThat(a.activeUsers()).isEqualTo(3);
  }
}
