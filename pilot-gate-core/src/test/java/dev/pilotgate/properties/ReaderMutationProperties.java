package dev.pilotgate.properties;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.pilotgate.io.DocumentProblem;
import dev.pilotgate.io.PilotReader;
import dev.pilotgate.io.PilotReader.Format;
import dev.pilotgate.io.PilotValidationException;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.properties.GeneratedPilots.Case;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Generated valid pilots written as documents, then broken (fields dropped, values of the wrong
 * type, values out of range, unknown fields, several at once): the reader answers with a pilot or
 * with validation problems, never with any other exception.
 */
class ReaderMutationProperties {
  private static final PilotReader READER = PilotReader.create();
  private static final JsonMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .serializationInclusion(JsonInclude.Include.NON_NULL).build();
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** A document and how it was broken. */
  record Mutant(String text, Format format, List<String> mutations) {
    @Override
    public String toString() {
      return mutations + "\n" + text;
    }
  }

  @Provide
  Arbitrary<Mutant> mutants() {
    return Arbitraries.randomValue(r -> {
      Case c = GeneratedPilots.generate(r, GeneratedPilots.stage(r), r.nextBoolean());
      ObjectNode doc = JSON.valueToTree(c.pilot());
      List<String> mutations = new ArrayList<>();
      int n = 1 + r.nextInt(3);
      for (int i = 0; i < n; i++) {
        mutations.add(mutate(doc, r));
      }
      Format format = r.nextBoolean() ? Format.YAML : Format.JSON;
      try {
        String text = format == Format.YAML ? YAML.writeValueAsString(doc) : JSON.writeValueAsString(doc);
        return new Mutant(text, format, mutations);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @Property(tries = 200)
  void read_mutatedDocument_answersWithAPilotOrValidationProblemsOnly(@ForAll("mutants") Mutant m) {
    Pilot pilot = null;
    List<DocumentProblem> problems = List.of();
    try {
      pilot = READER.read(m.text(), m.format(), "mutant");
    } catch (PilotValidationException e) {
      problems = e.problems();
      assertThat(problems).isNotEmpty().allSatisfy(p -> {
        assertThat(p.message()).isNotBlank();
        assertThat(p.line()).isGreaterThanOrEqualTo(0);
      });
    }
    // any other exception fails the property
    assertThat(READER.validate(m.text(), m.format(), "mutant")).hasSameSizeAs(problems);
    Statistics.collect(pilot != null ? "read" : "refused");
  }

  @Property(tries = 100)
  void read_unmutatedDocument_givesTheSamePilotBack(@ForAll("pilots") Case c) throws Exception {
    String yaml = YAML.writeValueAsString(JSON.valueToTree(c.pilot()));
    String json = JSON.writeValueAsString(c.pilot());
    assertThat(READER.read(yaml, Format.YAML, "p.yaml")).isEqualTo(c.pilot());
    assertThat(READER.read(json, Format.JSON, "p.json")).isEqualTo(c.pilot());
  }

  @Provide
  Arbitrary<Case> pilots() {
    return GeneratedPilots.anyPilot();
  }

  /** Breaks one value of {@code doc} at random; says how. */
  static String mutate(ObjectNode doc, Random r) {
    List<Object[]> slots = new ArrayList<>();
    collect(doc, slots);
    Object[] slot = slots.get(r.nextInt(slots.size()));
    JsonNode parent = (JsonNode) slot[0];
    Object key = slot[1];
    JsonNode replacement = switch (r.nextInt(12)) {
      case 0 -> null; // drop it
      case 1 -> NODES.textNode("not-a-value");
      case 2 -> NODES.numberNode(-1);
      case 3 -> NODES.numberNode(2.5);
      case 4 -> NODES.numberNode(1e308 * 10); // infinite
      case 5 -> NODES.booleanNode(true);
      case 6 -> NODES.arrayNode().add("x");
      case 7 -> NODES.objectNode().put("unexpected", 1);
      case 8 -> NODES.nullNode();
      case 9 -> NODES.textNode("2026-13-45");
      case 10 -> NODES.numberNode(Long.MAX_VALUE);
      default -> NODES.textNode("");
    };
    if (r.nextInt(10) == 0 && parent instanceof ObjectNode o) {
      o.put("unknownField" + r.nextInt(5), "x");
      return "added an unknown field";
    }
    if (parent instanceof ObjectNode o) {
      if (replacement == null) {
        o.remove((String) key);
        return "dropped " + key;
      }
      o.set((String) key, replacement);
      return key + " = " + replacement;
    }
    ArrayNode a = (ArrayNode) parent;
    int i = (Integer) key;
    if (replacement == null) {
      a.remove(i);
      return "dropped [" + i + "]";
    }
    a.set(i, replacement);
    return "[" + i + "] = " + replacement;
  }

  /** Every (container, key or index) in the tree, the root's fields included. */
  private static void collect(JsonNode node, List<Object[]> out) {
    if (node instanceof ObjectNode o) {
      o.fieldNames().forEachRemaining(name -> {
        out.add(new Object[] {o, name});
        collect(o.get(name), out);
      });
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        out.add(new Object[] {a, i});
        collect(a.get(i), out);
      }
    }
  }
}
