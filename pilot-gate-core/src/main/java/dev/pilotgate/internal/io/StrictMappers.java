package dev.pilotgate.internal.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.pilotgate.io.DocumentProblem;
import dev.pilotgate.model.InvalidFieldException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The strict Jackson mappers every document reader shares, and the translation of Jackson's
 * errors into {@link DocumentProblem}s with a field path and a line. Thread-safe.
 */
public final class StrictMappers {
  /** Strict YAML reading. */
  public static final ObjectMapper YAML = configure(YAMLMapper.builder(new YAMLFactory())).build();
  /** Strict JSON reading. */
  public static final ObjectMapper JSON = configure(JsonMapper.builder()).build();

  private StrictMappers() {}

  private static <M extends ObjectMapper, B extends com.fasterxml.jackson.databind.cfg.MapperBuilder<M, B>> B configure(B b) {
    b.addModule(new JavaTimeModule())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        // An absent flag (accountable, governanceDocumented, ...) reads as false, as the model documents.
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    b.withCoercionConfig(LogicalType.Textual, c -> c
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    b.withCoercionConfig(LogicalType.Boolean, c -> c
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail));
    b.withCoercionConfigDefaults(c -> c
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
    return b;
  }

  /** The problem Jackson reported, with its field path (e.g. {@code successCriteria[0].baseline}) and line. */
  public static DocumentProblem problem(JsonProcessingException e) {
    int line = line(e.getLocation());
    if (!(e instanceof JsonMappingException m)) {
      return new DocumentProblem("", "is not well-formed: " + e.getOriginalMessage(), line);
    }
    String path = path(m.getPath());
    if (m instanceof UnrecognizedPropertyException u) {
      String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
          .map(Object::toString).sorted().collect(Collectors.joining(", "));
      return new DocumentProblem(path, "unknown field; known fields here: " + known, line);
    }
    if (m instanceof ValueInstantiationException v && v.getCause() instanceof InvalidFieldException f) {
      return new DocumentProblem(join(path, f.field()), f.problem(), line);
    }
    if (m instanceof ValueInstantiationException v && v.getCause() != null) {
      return new DocumentProblem(path, v.getCause().getMessage(), line);
    }
    if (m instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
      return new DocumentProblem(path, "must be one of " + Arrays.toString(f.getTargetType().getEnumConstants())
          + " but was '" + f.getValue() + "'", line);
    }
    if (m instanceof InvalidFormatException f) {
      return new DocumentProblem(path, "must be " + describe(f.getTargetType()) + " but was '" + f.getValue() + "'", line);
    }
    if (m instanceof MismatchedInputException mi && mi.getTargetType() != null) {
      return new DocumentProblem(path, "must be " + describe(mi.getTargetType()) + " (" + firstLine(mi.getOriginalMessage()) + ")", line);
    }
    return new DocumentProblem(path, firstLine(m.getOriginalMessage()), line);
  }

  private static String describe(Class<?> type) {
    if (type == double.class || type == Double.class) {
      return "a number";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a text";
    }
    if (type == java.time.LocalDate.class) {
      return "an ISO date (YYYY-MM-DD)";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "an object";
    }
    return "a " + type.getSimpleName();
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private static int line(JsonLocation location) {
    return location == null ? 0 : Math.max(location.getLineNr(), 0);
  }

  private static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : refs) {
      if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      } else if (r.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      }
    }
    return sb.toString();
  }

  private static String join(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }
}
