package dev.pilotgate.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.pilotgate.internal.engine.Catalogue;
import dev.pilotgate.internal.engine.PolicyReader;
import dev.pilotgate.internal.engine.RuleFile;
import dev.pilotgate.internal.engine.RuleSource;
import dev.pilotgate.ruleset.RuleProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The finding table of docs/rules.md is generated from the bundled finding catalogue
 * ({@code pilot-gate-rules/.../findings.properties}): this test renders the table from the
 * catalogue, as {@link Catalogue} reads it, and compares it with the text between the marker
 * lines {@value #BEGIN} and {@value #END} in docs/rules.md. When they differ it fails, naming the
 * first line that differs and how to regenerate the table.
 *
 * <p>To regenerate the table after editing the catalogue, run this test with
 * {@code -Dpilotgate.docs.update=true}: it then rewrites the text between the markers (and
 * nothing else) instead of failing. From the repository root:
 *
 * <pre>{@code
 * mvn -B -o test -pl pilot-gate-core -am -Dtest=CatalogueDocTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dpilotgate.docs.update=true
 * }</pre>
 *
 * <p>Then review the change to docs/rules.md and commit it with the catalogue. The page's policy
 * defaults table is written by hand (it says what each key means); this test only checks that it
 * has a row with the right value for every key of {@link PolicyReader#DEFAULTS}.
 */
class CatalogueDocTest {
  /** The line that opens the generated block. */
  static final String BEGIN =
      "<!-- catalogue:begin (generated from findings.properties by CatalogueDocTest; do not edit) -->";
  /** The line that closes it. */
  static final String END = "<!-- catalogue:end -->";
  /** The system property that makes the test rewrite the block instead of failing. */
  static final String UPDATE = "pilotgate.docs.update";
  /** How to regenerate the block, from the repository root. */
  static final String REGENERATE = "mvn -B -o test -pl pilot-gate-core -am -Dtest=CatalogueDocTest"
      + " -Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE + "=true";
  /** The page, from the module directory (where Maven runs the tests). */
  private static final Path RULES_MD = Path.of("..", "docs", "rules.md");
  private static final String SHOWN_AS = "docs/rules.md";

  @Test
  void docsTable_isTheTableTheBundledCatalogueGives() throws IOException {
    String table = table(bundledCatalogue().entries());
    String doc = Files.readString(RULES_MD, StandardCharsets.UTF_8);
    if (Boolean.getBoolean(UPDATE)) {
      String updated = replaceBlock(doc, table);
      if (!updated.equals(doc)) {
        Files.writeString(RULES_MD, updated, StandardCharsets.UTF_8);
        System.out.println("CatalogueDocTest: rewrote the finding table in " + RULES_MD.toAbsolutePath().normalize());
      }
      return;
    }
    String stale = staleMessage(block(doc), table);
    if (stale != null) {
      fail(stale);
    }
  }

  @Test
  void bundledCatalogue_everyEntrySaysWhatItMeans() {
    for (Catalogue.Entry e : bundledCatalogue().entries()) {
      assertThat(e.means())
          .as("%s has no 'means' (the docs table's last column): add %s.means=... to findings.properties",
              e.key(), e.code())
          .isNotBlank();
    }
  }

  /** The policy defaults table of docs/rules.md (hand-written: it says what each key means) names every default. */
  @Test
  void policyDefaultsTable_hasARowForEveryDefaultWithItsValue() throws IOException {
    String doc = Files.readString(RULES_MD, StandardCharsets.UTF_8);
    for (Map.Entry<String, Double> d : new TreeMap<>(PolicyReader.DEFAULTS).entrySet()) {
      double v = d.getValue();
      String row = "| `" + d.getKey() + "` | " + (v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v)) + " | ";
      assertThat(doc)
          .as("%s lacks the row '%s...' (PolicyReader.DEFAULTS) in 'Policy keys and their defaults': add it, with"
              + " what the key means", SHOWN_AS, row)
          .contains(row);
    }
  }

  @Test
  void staleMessage_namesTheFirstDifferingLineAndHowToRegenerate() {
    String generated = """
        | code | root cause |
        |---|---|
        | `A` | ADOPTION |
        | `B` | OUTCOME |
        """;
    String documented = """
        | code | root cause |
        |---|---|
        | `A` | GOVERNANCE |
        | `B` | OUTCOME |
        """;

    assertThat(staleMessage(generated, generated)).isNull();
    assertThat(staleMessage(documented, generated)).isEqualTo("""
        docs/rules.md: the finding table differs from findings.properties; first at line 3 of the table:
          docs/rules.md:       | `A` | GOVERNANCE |
          findings.properties: | `A` | ADOPTION |
        Do not edit the table by hand: regenerate it from the repository root with
          %s
        then review and commit docs/rules.md.""".formatted(REGENERATE));
  }

  @Test
  void staleMessage_saysWhenTheDocsTableLacksARow() {
    String generated = "| a |\n| b |\n";

    assertThat(staleMessage("| a |\n", generated))
        .startsWith("docs/rules.md: the finding table differs from findings.properties; first at line 2 of the table:\n"
            + "  docs/rules.md:       (nothing: the table ends before this line)\n"
            + "  findings.properties: | b |\n");
    assertThat(staleMessage(generated, "| a |\n"))
        .contains("  docs/rules.md:       | b |\n  findings.properties: (nothing: the table ends before this line)\n");
  }

  @Test
  void table_showsStageSeverityTheOutcomeABlockerCallsForAndVariants() {
    Catalogue catalogue = catalogue("""
        GAP.rootCause=DATA_READINESS
        GAP.stage=DATA_AUDIT
        GAP.means=a gap | with a bar
        GAP.message=m
        GAP.late.severity=WARNING
        GAP.late.means=the gap, late
        STOP.rootCause=OUTCOME
        STOP.severity=BLOCKER
        STOP.means=stop
        STOP.message=m
        STOP.final.outcome=KILL
        STOP.final.means=stop for good
        NOTE.rootCause=ADOPTION
        NOTE.severity=INFO
        NOTE.outcome=GO
        NOTE.means=all good
        NOTE.message=m
        """);

    assertThat(table(catalogue.entries())).isEqualTo("""
        | code | root cause | severity | outcome | what it means |
        |---|---|---|---|---|
        | `GAP` | DATA_READINESS | BLOCKER from DATA_AUDIT (stage 3), WARNING before | HOLD as a BLOCKER, none as a WARNING | a gap \\| with a bar |
        | `GAP.late` | DATA_READINESS | WARNING | — | the gap, late |
        | `STOP` | OUTCOME | BLOCKER | HOLD | stop |
        | `STOP.final` | OUTCOME | BLOCKER | KILL | stop for good |
        | `NOTE` | ADOPTION | INFO | GO | all good |
        """);
  }

  @Test
  void replaceBlock_replacesOnlyTheTextBetweenTheMarkers() {
    String doc = "# Rules\n\nbefore\n" + BEGIN + "\nold table\n" + END + "\nafter\n";

    assertThat(replaceBlock(doc, "new table\n"))
        .isEqualTo("# Rules\n\nbefore\n" + BEGIN + "\nnew table\n" + END + "\nafter\n");
    assertThat(block(doc)).isEqualTo("old table\n");
    assertThatThrownBy(() -> block("# Rules\nno markers\n"))
        .hasMessageContaining("docs/rules.md has no line " + BEGIN);
  }

  // ---- the pure functions ----

  /** The markdown table of {@code entries}, one row per code or variant, in catalogue order; ends with a line break. */
  static String table(Collection<Catalogue.Entry> entries) {
    StringBuilder b = new StringBuilder();
    b.append("| code | root cause | severity | outcome | what it means |\n");
    b.append("|---|---|---|---|---|\n");
    for (Catalogue.Entry e : entries) {
      b.append("| `").append(e.key()).append("` | ")
          .append(e.rootCause()).append(" | ")
          .append(severity(e)).append(" | ")
          .append(outcome(e)).append(" | ")
          .append(cell(e.means())).append(" |\n");
    }
    return b.toString();
  }

  private static String severity(Catalogue.Entry e) {
    return e.stage() == null ? e.severity().name()
        : "BLOCKER from " + e.stage() + " (stage " + e.stage().number() + "), WARNING before";
  }

  /** What a finding of {@code e} calls for: a BLOCKER without an outcome calls for HOLD (as {@code Finding} does). */
  private static String outcome(Catalogue.Entry e) {
    if (e.outcome() != null) {
      return e.outcome().name();
    }
    if (e.stage() != null) {
      return "HOLD as a BLOCKER, none as a WARNING";
    }
    return e.severity() == dev.pilotgate.decision.Severity.BLOCKER ? "HOLD" : "—";
  }

  private static String cell(String text) {
    return text == null ? "" : text.strip().replace("|", "\\|");
  }

  /** The text between the marker lines of {@code doc} (after the begin line, up to the end line). */
  static String block(String doc) {
    int begin = doc.indexOf(BEGIN + "\n");
    int end = begin < 0 ? -1 : doc.indexOf(END, begin);
    if (begin < 0 || end < 0) {
      throw new IllegalStateException(SHOWN_AS + " has no line " + (begin < 0 ? BEGIN : END)
          + ": put the two marker lines " + BEGIN + " and " + END + " where the finding table belongs, then run "
          + REGENERATE);
    }
    return doc.substring(begin + BEGIN.length() + 1, end);
  }

  /** {@code doc} with the text between its marker lines replaced by {@code table}. */
  static String replaceBlock(String doc, String table) {
    String old = block(doc);
    int start = doc.indexOf(BEGIN + "\n") + BEGIN.length() + 1;
    return doc.substring(0, start) + table + doc.substring(start + old.length());
  }

  /** Null when {@code documented} is {@code generated}; else what differs first, and how to regenerate. */
  static String staleMessage(String documented, String generated) {
    if (documented.equals(generated)) {
      return null;
    }
    List<String> doc = documented.lines().toList();
    List<String> gen = generated.lines().toList();
    int i = 0;
    while (i < doc.size() && i < gen.size() && doc.get(i).equals(gen.get(i))) {
      i++;
    }
    String none = "(nothing: the table ends before this line)";
    String where = i < doc.size() || i < gen.size()
        ? "first at line " + (i + 1) + " of the table:\n"
            + "  " + SHOWN_AS + ":       " + (i < doc.size() ? doc.get(i) : none) + "\n"
            + "  findings.properties: " + (i < gen.size() ? gen.get(i) : none) + "\n"
        : "the lines are the same but the line breaks or trailing blanks differ\n";
    return SHOWN_AS + ": the finding table differs from findings.properties; " + where
        + "Do not edit the table by hand: regenerate it from the repository root with\n"
        + "  " + REGENERATE + "\n"
        + "then review and commit " + SHOWN_AS + ".";
  }

  private static Catalogue bundledCatalogue() {
    RuleFile file = RuleSource.bundled(CatalogueDocTest.class.getClassLoader()).catalogueFile();
    return read(file);
  }

  private static Catalogue catalogue(String text) {
    return read(new RuleFile(Catalogue.FILE, Catalogue.FILE, text.getBytes(StandardCharsets.UTF_8)));
  }

  private static Catalogue read(RuleFile file) {
    List<RuleProblem> problems = new ArrayList<>();
    Catalogue catalogue = Catalogue.read(file, problems);
    assertThat(problems).as("problems of %s", file.display()).isEmpty();
    return catalogue;
  }
}
