package dev.pilotgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pilotgate.decision.AdoptionSnapshot;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.Rollout;
import dev.pilotgate.model.Stage;
import dev.pilotgate.model.UsageRecord;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ActivityStripTest {
  private static final LocalDate END = LocalDate.of(2026, 6, 1);

  @Test
  void usage_isShownForTheEarlyAdopter_trimmedAndIgnoringCase() {
    Pilot pilot = Pilot.builder("p", Stage.CONTROLLED_ROLLOUT)
        .rollout(new Rollout(LocalDate.of(2026, 4, 1), 10, 2, List.of("Maria ", "tom"), false))
        .usage(new UsageRecord("maria", END.minusDays(1), 1))
        .usage(new UsageRecord(" MARIA", END, 1))
        .build();
    AdoptionSnapshot a = new AdoptionSnapshot(14, END.minusDays(13), END, 61, 2, List.of("Maria "), List.of("tom"), 0.5,
        10, 2, 0.2, 1, 0.1, 0, 0);
    StringBuilder out = new StringBuilder();
    ActivityStrip.render(out, "a", pilot, a);
    Element svg = Jsoup.parse(out.toString()).selectFirst("svg.activity");
    assertThat(svg.select("g.adopter")).extracting(g -> g.attr("data-user") + ": " + g.select("rect.act-on").size())
        .containsExactly("Maria : 2", "tom: 0");
  }
}
