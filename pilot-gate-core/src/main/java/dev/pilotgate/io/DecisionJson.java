package dev.pilotgate.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.pilotgate.decision.GateDecision;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes decisions as JSON (docs/decision-json.md): per decision {@code pilotId}, {@code pilotName},
 * {@code stage}, {@code outcome}, {@code nextStage} (null unless GO), {@code findings}
 * (each {@code code}, {@code rootCause}, {@code severity}, {@code outcome}, {@code message},
 * {@code evidence}, {@code action}, {@code rule}, {@code toPass}: {@code current}, {@code required},
 * {@code text} or null; a waived finding has the waiver in its evidence), {@code readiness} ({@code level},
 * {@code minWeeks}, {@code maxWeeks}, {@code gaps}, {@code productionBetween}), {@code asOf} (ISO date),
 * {@code rulesVersion}, {@code warnings} (each {@code code}, {@code field}, {@code count},
 * {@code message}; e.g. records dated after {@code asOf}, see docs/rules.md), {@code waivers} (the
 * pilot's, each {@code waiver}, {@code state}, {@code endsOn}, {@code capped}, {@code maxDays}) and
 * {@code nextReviewOn}. Nulls are written,
 * not omitted. Thread-safe.
 */
public final class DecisionJson {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .build();
  private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();
  private static final ObjectWriter COMPACT = MAPPER.writer();

  private DecisionJson() {}

  /** A pretty-printed JSON array, one object per decision. */
  public static String toJson(List<GateDecision> decisions) {
    return write(PRETTY, decisions);
  }

  /** One decision as a pretty-printed JSON object. */
  public static String toJson(GateDecision decision) {
    return write(PRETTY, decision);
  }

  /** One decision as a single line of JSON, for logs and streams. */
  public static String toJsonLine(GateDecision decision) {
    return write(COMPACT, decision);
  }

  private static String write(ObjectWriter writer, Object value) {
    try {
      return writer.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
