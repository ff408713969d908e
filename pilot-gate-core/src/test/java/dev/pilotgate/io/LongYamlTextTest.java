package dev.pilotgate.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pilotgate.io.PilotReader.Format;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A YAML text over the length limit is refused while it is scanned, not after SnakeYAML has read
 * it whole: a 4.9 MB document holding one text is refused naming the field and the limit, in every
 * way a text can be written.
 *
 * <p>Besides the ordinary test run, surefire runs this class alone with {@code -Xmx48m} (execution
 * {@code small-heap} in pilot-gate-core/pom.xml): before the scan guard, refusing one such
 * document allocated about 45 GB and needed more than 64 MB of heap, since SnakeYAML copies its
 * look-ahead window of code points each time it reads 1,024 more characters. Allocation is checked
 * on this thread, time never.
 */
class LongYamlTextTest {
  private static final PilotReader READER = PilotReader.create();
  /** Far above the guard's cost (the look-ahead window up to 84,096 code points, about 14 MB in all). */
  private static final long MAX_ALLOCATED = 48L * 1024 * 1024;
  private static final String TOO_LONG = "holds a text longer than 10000 characters; shorten it, or raise the reader's"
      + " maxStringLength";
  private static final int SIZE = 4_900_000;

  @BeforeAll
  static void heap() {
    System.out.printf("LongYamlTextTest: max heap %d MB%n", Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }

  /** Bytes allocated on this thread while {@code refusal} runs. */
  static long allocated(Runnable refusal) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    refusal.run();
    return threads.getCurrentThreadAllocatedBytes() - before;
  }

  static void refused(String doc, String expected) {
    long bytes = allocated(() -> assertThatThrownBy(() -> READER.read(doc, Format.YAML, "long.yaml"))
        .isInstanceOf(PilotValidationException.class)
        .hasMessage(expected));
    assertThat(bytes).as("bytes allocated").isLessThan(MAX_ALLOCATED);
  }

  @Test
  void read_fiveMegabyteFileOfOneText_isRefusedNamingTheFieldAndTheLimit(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("long.yaml");
    Files.writeString(file, "id: long\nstage: DATA_AUDIT\nname: " + "x".repeat(SIZE) + "\n");
    assertThat(Files.size(file)).isLessThan(PilotReader.DEFAULT_MAX_DOCUMENT_SIZE);
    assertThatThrownBy(() -> READER.read(file))
        .isInstanceOf(PilotValidationException.class)
        .hasMessage(file + ":3: name: " + TOO_LONG);
  }

  @Test
  void read_longTextInEveryStyle_isRefusedWhileScanned() {
    String x = "x".repeat(SIZE);
    String head = "id: long\nstage: DATA_AUDIT\n";
    refused(head + "name: " + x + "\n", "long.yaml:3: name: " + TOO_LONG);
    refused(head + "name: \"" + x + "\"\n", "long.yaml:3: name: " + TOO_LONG);
    refused(head + "name: '" + x + "'\n", "long.yaml:3: name: " + TOO_LONG);
    refused(head + "name: |\n  " + x + "\n", "long.yaml:3: name: " + TOO_LONG);
    // words and spaces: each word is short, the text is not
    refused(head + "name: " + "x ".repeat(SIZE / 2) + "\n", "long.yaml:3: name: " + TOO_LONG);
    // many short lines, folded into one text; and lines that start with # inside a block scalar
    refused(head + "name: >\n" + ("  " + "x".repeat(98) + "\n").repeat(SIZE / 100), "long.yaml:3: name: " + TOO_LONG);
    refused(head + "name: |\n" + ("  # " + "x".repeat(96) + "\n").repeat(SIZE / 100), "long.yaml:3: name: " + TOO_LONG);
    // the value on the line after its key, after a comment
    refused(head + "name:\n  # the name\n  " + x + "\n", "long.yaml:5: name: " + TOO_LONG);
  }

  @Test
  void read_longTextInAList_namesTheEntry() {
    String doc = "id: long\nstage: DATA_AUDIT\nrollout:\n  startedOn: 2026-01-01\n  eligibleUsers: 3\n  deployedUsers: 3\n"
        + "  earlyAdopters:\n    - ann\n    - " + "x".repeat(SIZE) + "\n";
    refused(doc, "long.yaml:9: rollout.earlyAdopters[1]: " + TOO_LONG);
    String flow = "id: long\nstage: DATA_AUDIT\nrollout: {startedOn: 2026-01-01, eligibleUsers: 3, deployedUsers: 3,"
        + " earlyAdopters: [ann, bo, " + "x".repeat(SIZE) + "]}\n";
    refused(flow, "long.yaml:3: rollout.earlyAdopters[2]: " + TOO_LONG);
  }

  @Test
  void read_longFieldName_isRefused() {
    refused("id: long\nstage: DATA_AUDIT\n" + "x".repeat(SIZE) + ": 1\n", "long.yaml:3: " + TOO_LONG);
  }

  @Test
  void read_longCommentOrIndentation_isRefused() {
    String limit = "holds a comment line or an indentation longer than 10000 characters; shorten it, or raise the"
        + " reader's maxStringLength";
    refused("# " + "x ".repeat(SIZE / 2) + "\nid: long\nstage: DATA_AUDIT\n", "long.yaml:1: " + limit);
    refused("id: long\nstage: DATA_AUDIT\n" + " ".repeat(SIZE) + "\nname: a\n", "long.yaml:3: stage: " + limit);
  }

  @Test
  void read_longLineOfShortValues_isRead() {
    // a flow list on one line: every value is short, so nothing is over a limit
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      names.append(i == 0 ? "" : ", ").append("user").append(i);
    }
    String doc = "id: wide\nstage: DATA_AUDIT\nrollout: {startedOn: 2026-01-01, eligibleUsers: 20000, deployedUsers: 3,"
        + " earlyAdopters: [" + names + "]}\n";
    assertThat(doc.length()).isGreaterThan(200_000);
    assertThat(READER.read(doc, Format.YAML, "wide.yaml").rollout().earlyAdopters()).hasSize(20_000);
  }

  @Test
  void read_textsWithinTheLimit_areReadEvenWhenWrittenLong() {
    // 9,000 characters written as 54,000 (escapes of six characters each), a comment block longer than any
    // limit, and a block scalar whose lines start with #
    String doc = "# " + "c".repeat(9_000) + "\n" + ("# " + "c".repeat(90) + "\n").repeat(2_000)
        + "id: escaped\nstage: DATA_AUDIT\nname: \"" + "\\u00e9".repeat(9_000) + "\"\n"
        + "owner:\n  name: |\n" + ("    # " + "y".repeat(90) + "\n").repeat(90) + "  kind: INDIVIDUAL\n";
    var pilot = READER.read(doc, Format.YAML, "e.yaml");
    assertThat(pilot.name()).hasSize(9_000).matches("é+");
    assertThat(pilot.owner().name()).hasSize(90 * 93).startsWith("# yyy");
  }
}
