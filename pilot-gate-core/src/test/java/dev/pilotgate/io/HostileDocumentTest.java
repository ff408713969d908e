package dev.pilotgate.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pilotgate.io.PilotReader.Format;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents built to hurt: each is refused quickly, with a clear error, allocating little. The
 * inputs are generated here; none is committed. Time and allocation are measured on this thread
 * (com.sun.management.ThreadMXBean) and printed, for docs/security.md; allocation is asserted, time
 * is not (a busy machine makes any time bound flaky, and allocation follows the work done).
 */
class HostileDocumentTest {
  private static final PilotReader READER = PilotReader.create();
  /** A generous bound; the measured values are far below. */
  private static final long MAX_ALLOCATED = 64L * 1024 * 1024;

  /** What one refusal cost. */
  record Cost(long millis, long allocatedBytes) {}

  static Cost measure(String what, Runnable refusal) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long bytesBefore = threads.getThreadAllocatedBytes(id);
    long start = System.nanoTime();
    refusal.run();
    Cost cost = new Cost((System.nanoTime() - start) / 1_000_000, threads.getThreadAllocatedBytes(id) - bytesBefore);
    System.out.printf("hostile document %-40s refused in %4d ms, %,12d bytes allocated%n", what, cost.millis(),
        cost.allocatedBytes());
    return cost;
  }

  static void refusedCheaply(String what, Supplier<?> read, String message) {
    Cost cost = measure(what, () -> assertThatThrownBy(read::get)
        .isInstanceOf(PilotValidationException.class)
        .hasMessageContaining(message));
    assertThat(cost.allocatedBytes()).as("bytes allocated").isLessThan(MAX_ALLOCATED);
  }

  /** "Billion laughs": nine levels of ten aliases each would expand to 10^9 strings. */
  static String aliasBomb() {
    StringBuilder yaml = new StringBuilder("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (int level = 1; level <= 9; level++) {
      String prev = "*a" + (level - 1);
      yaml.append("a").append(level).append(": &a").append(level).append(" [")
          .append(String.join(",", java.util.Collections.nCopies(10, prev))).append("]\n");
    }
    return "id: bomb\nstage: DATA_AUDIT\n" + yaml;
  }

  @Test
  void read_aliasBomb_isRefusedAtTheFirstAlias() {
    refusedCheaply("alias bomb (billion laughs)", () -> READER.read(aliasBomb(), Format.YAML, "bomb.yaml"),
        "bomb.yaml:4: a1[0]: uses the YAML alias '*a0': aliases and anchors are not allowed in pilot documents");
  }

  @Test
  void read_aliasInAField_isRefused() {
    assertThatThrownBy(() -> READER.read("id: &x a\nname: *x\nstage: DATA_AUDIT\n", Format.YAML, "a.yaml"))
        .isInstanceOfSatisfying(PilotValidationException.class, e -> assertThat(e.problems()).singleElement()
            .satisfies(p -> {
              assertThat(p.path()).isEqualTo("name");
              assertThat(p.line()).isEqualTo(2);
            }));
  }

  @Test
  void read_fiftyMegabyteFile_isRefusedBeforeItIsRead(@TempDir Path dir) throws IOException {
    Path big = dir.resolve("big.yaml");
    try (Writer w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
      w.write("id: big\nstage: DATA_AUDIT\nname: \"");
      char[] chunk = new char[1 << 20];
      java.util.Arrays.fill(chunk, 'x');
      for (int i = 0; i < 50; i++) {
        w.write(chunk);
      }
      w.write("\"\n");
    }
    refusedCheaply("50 MB file", () -> READER.read(big),
        big + ": is " + Files.size(big) + " bytes; the limit is 5242880 bytes: split the document, or raise"
            + " PilotReader.builder().maxDocumentSize(...)");
  }

  @Test
  void read_fiftyMegabyteText_isRefusedBeforeItIsParsed() {
    String big = "id: big\nstage: DATA_AUDIT\nobservations:\n" + "  - { metric: m, date: 2026-01-01, value: 1 }\n"
        .repeat(50 * 1024 * 1024 / 44);
    refusedCheaply("50 MB text", () -> READER.read(big, Format.YAML, "big.yaml"),
        "big.yaml: is " + big.length() + " characters long; the limit is 5242880: split the document");
  }

  @Test
  void read_tenThousandLevelsOfNesting_isRefusedAtTheLimit() {
    String yaml = "id: deep\nstage: DATA_AUDIT\nname: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
    refusedCheaply("10,000 nested YAML lists", () -> READER.read(yaml, Format.YAML, "deep.yaml"),
        "deep.yaml:3: name");
    assertThatThrownBy(() -> READER.read(yaml, Format.YAML, "deep.yaml"))
        .hasMessageContaining("nests deeper than 50 levels; a pilot document needs about 5: check the brackets and"
            + " indentation");
    String json = "{\"id\": \"deep\", \"stage\": \"DATA_AUDIT\", \"name\": " + "{\"a\":".repeat(10_000) + "1"
        + "}".repeat(10_001);
    refusedCheaply("10,000 nested JSON objects", () -> READER.read(json, Format.JSON, "deep.json"),
        "nests deeper than 50 levels");
  }

  @Test
  void read_yamlTagsThatNameJavaTypes_areRefused() {
    for (String tag : new String[] {"!!java.io.File", "!!javax.script.ScriptEngineManager", "!custom"}) {
      String doc = "id: tagged\nstage: DATA_AUDIT\nname: " + tag + " /etc/passwd\n";
      assertThatThrownBy(() -> READER.read(doc, Format.YAML, "t.yaml"))
          .isInstanceOf(PilotValidationException.class)
          .hasMessage("t.yaml:3: name: uses the YAML tag '" + tag + "': tags are not allowed in pilot documents (no"
              + " type is ever constructed from a document); write a plain value");
    }
    // the core schema's own tags are plain values
    assertThat(READER.read("id: !!str 42\nstage: DATA_AUDIT\n", Format.YAML, "t.yaml").id()).isEqualTo("42");
  }

  @Test
  void read_veryLongText_isRefused() {
    String doc = "id: long\nstage: DATA_AUDIT\nname: " + "x".repeat(20_000) + "\n";
    refusedCheaply("20,000-character text", () -> READER.read(doc, Format.YAML, "l.yaml"),
        "l.yaml:3: name: holds a text longer than 10000 characters; shorten it, or raise the reader's"
            + " maxStringLength");
  }

  @Test
  void read_manyProblems_areListedUpToALimit() {
    StringBuilder doc = new StringBuilder("id: many\nstage: DATA_AUDIT\n");
    for (int i = 0; i < 5_000; i++) {
      doc.append("unknown").append(i).append(": 1\n");
    }
    assertThatThrownBy(() -> READER.read(doc.toString(), Format.YAML, "m.yaml"))
        .isInstanceOfSatisfying(PilotValidationException.class, e -> {
          assertThat(e.problems()).hasSize(PilotReader.MAX_PROBLEMS + 1);
          assertThat(e.problems().get(PilotReader.MAX_PROBLEMS).message())
              .isEqualTo("and 4900 more problems not listed; fix the ones above first");
        });
  }

  @Test
  void builder_limits_areConfigurable() {
    PilotReader small = PilotReader.builder().maxDocumentSize(20).maxNestingDepth(8).maxStringLength(5).build();
    assertThatThrownBy(() -> small.read("id: abcdef\nstage: DATA_AUDIT\n", Format.YAML, "s.yaml"))
        .hasMessage("s.yaml: is 29 characters long; the limit is 20: split the document, or raise the reader's"
            + " maxDocumentSize");
    PilotReader shortTexts = PilotReader.builder().maxStringLength(5).build();
    assertThatThrownBy(() -> shortTexts.read("id: abcdef\nstage: DATA_AUDIT\n", Format.YAML, "s.yaml"))
        .hasMessageContaining("s.yaml:1: id: holds a text longer than 5 characters");
    assertThatThrownBy(() -> PilotReader.builder().maxNestingDepth(2))
        .hasMessage("maxNestingDepth must be at least 8 (a pilot document needs about 5) but was 2");
  }
}
