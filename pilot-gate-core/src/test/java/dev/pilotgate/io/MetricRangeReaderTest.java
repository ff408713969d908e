package dev.pilotgate.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pilotgate.io.PilotReader.Format;
import dev.pilotgate.model.MetricRange;
import dev.pilotgate.model.Pilot;
import org.junit.jupiter.api.Test;

/** A criterion's optional {@code range: {min, max}}, read from YAML and JSON and validated with field paths. */
class MetricRangeReaderTest {
  private static final PilotReader READER = PilotReader.create();

  private static final String YAML = """
      id: outreach
      stage: CONTROLLED_ROLLOUT
      successCriteria:
        - metric: ai_assisted_outreach_share
          kind: BUSINESS
          baseline: 0.10
          target: 0.70
          direction: HIGHER_IS_BETTER
          range: { min: 0, max: 1 }
        - metric: handle_minutes
          kind: BUSINESS
          baseline: 14
          target: 10
          direction: LOWER_IS_BETTER
          range: { min: 0 }
      observations:
        - { metric: ai_assisted_outreach_share, date: 2026-01-15, value: VALUE }
      """;

  @Test
  void range_readFromYamlAndJson() {
    Pilot yaml = READER.read(YAML.replace("VALUE", "0.12"), Format.YAML, "outreach.yaml");
    assertThat(yaml.successCriteria().get(0).range()).isEqualTo(new MetricRange(0.0, 1.0));
    assertThat(yaml.successCriteria().get(1).range()).isEqualTo(new MetricRange(0.0, null));
    Pilot json = READER.read("""
        {"id": "outreach", "stage": "CONTROLLED_ROLLOUT", "successCriteria": [
          {"metric": "ai_assisted_outreach_share", "kind": "BUSINESS", "baseline": 0.1, "target": 0.7,
           "direction": "HIGHER_IS_BETTER", "range": {"min": 0, "max": 1}}]}
        """, Format.JSON, "outreach.json");
    assertThat(json.successCriteria().get(0).range()).isEqualTo(MetricRange.SHARE);
  }

  @Test
  void observationOutsideTheRange_isAProblemNamingBoth() {
    assertThatThrownBy(() -> READER.read(YAML.replace("VALUE", "12"), Format.YAML, "outreach.yaml"))
        .isInstanceOfSatisfying(PilotDocumentException.class, e -> assertThat(e.problems())
            .extracting(p -> p.line() + ": " + p.path() + ": " + p.message())
            .containsExactly("17: observations[0].value: (12.0) must lie within the range of ai_assisted_outreach_share"
                + " (min 0.0, max 1.0, successCriteria[0].range): check the value and its unit"));
  }

  @Test
  void baselineOutsideAOneSidedRange_isAProblem() {
    assertThatThrownBy(() -> READER.read(YAML.replace("VALUE", "0.12").replace("baseline: 14", "baseline: -1"),
        Format.YAML, "outreach.yaml"))
        .isInstanceOfSatisfying(PilotDocumentException.class, e -> assertThat(e.problems())
            .extracting(p -> p.line() + ": " + p.path() + ": " + p.message())
            .containsExactly("12: successCriteria[1].baseline: (-1.0) must lie within the range (min 0.0)"));
  }
}
