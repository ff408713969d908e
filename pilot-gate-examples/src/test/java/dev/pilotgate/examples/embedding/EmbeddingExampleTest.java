package dev.pilotgate.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The embedding example runs as written, against the real bundled rules. */
class EmbeddingExampleTest {

  @Test
  void main_printsDecision() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream original = System.out;
    try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      EmbeddingExample.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    String out = buffer.toString(StandardCharsets.UTF_8);

    assertThat(out).startsWith("demand-forecasting: HOLD (readiness MEDIUM, 17-24 weeks to production)");
    assertThat(out).contains("BLOCKER DATA_MISSING_HISTORY: ERP order history is missing 3 months of history")
        .contains("action: ")
        .contains("as of 2026-06-01");
  }
}
