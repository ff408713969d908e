package dev.pilotgate.examples.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pilotgate.ruleset.RuleSetException;
import dev.pilotgate.BundledRules;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedding service over real HTTP: started on an ephemeral loopback port, called with
 * the JDK's {@link HttpClient}, with real Drools rules; stopped at the end.
 */
class GateServiceTest {
  private static final String AS_OF = "2026-06-01";
  private static final Path PILOTS = Path.of("pilots");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  /** How long a watched rules edit may take to be activated: debounce, rebuild, on a busy machine. */
  private static final Duration RELOAD_WAIT = Duration.ofSeconds(30);
  private static final String STACK_FRAME = "\tat ";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** One service over the bundled rules for the tests that do not change its rules. */
  private static GateService service;
  private static URI base;

  @BeforeAll
  static void startService() throws IOException {
    service = GateService.builder().port(0).build();
    int port = service.start();
    base = URI.create("http://127.0.0.1:" + port);
  }

  @AfterAll
  static void stopService() {
    if (service != null) {
      service.close();
    }
  }

  // -- POST /evaluate ---------------------------------------------------------------------

  @Test
  void evaluate_jsonPilot_200WithDecisionAndRulesVersion() throws Exception {
    HttpResponse<String> response = post("/evaluate?asOf=" + AS_OF, "application/json",
        Files.readString(PILOTS.resolve("quality-control.json")));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    JsonNode decision = JSON.readTree(response.body());
    assertThat(decision.path("pilotId").asText()).isEqualTo("quality-control");
    assertThat(decision.path("outcome").asText()).isEqualTo("HOLD");
    assertThat(decision.path("stage").asText()).isEqualTo("DATA_AUDIT");
    assertThat(decision.path("asOf").asText()).isEqualTo(AS_OF);
    assertThat(decision.path("rulesVersion").asText()).isEqualTo(service.evaluator().rulesVersion());
    assertThat(decision.path("findings").isArray()).isTrue();
    assertThat(decision.path("readiness").path("level").asText()).isEqualTo("MEDIUM");
  }

  @Test
  void evaluate_yamlPilot_200() throws Exception {
    String yaml = Files.readString(PILOTS.resolve("sales-assistant.yaml"));

    HttpResponse<String> applicationYaml = post("/evaluate?asOf=" + AS_OF, "application/yaml", yaml);
    HttpResponse<String> textYaml = post("/evaluate?asOf=" + AS_OF, "text/yaml; charset=utf-8", yaml);

    for (HttpResponse<String> response : List.of(applicationYaml, textYaml)) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode decision = JSON.readTree(response.body());
      assertThat(decision.path("pilotId").asText()).isEqualTo("sales-assistant");
      assertThat(decision.path("outcome").asText()).isEqualTo("HOLD");
    }
  }

  @Test
  void evaluate_withoutAsOf_decidesForToday() throws Exception {
    HttpResponse<String> response = post("/evaluate", "application/json",
        Files.readString(PILOTS.resolve("quality-control.json")));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).path("asOf").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
  }

  @Test
  void evaluate_malformedJson_400NamingProblemAndLine() throws Exception {
    String body = String.join("\n",
        "{",
        "  \"id\": \"x\",",
        "  \"stage\": \"DEFINE_CRITERIA\",",
        "  \"launchedOn\": \"2026-01-05\"",
        "  \"plannedEndOn\": \"2026-06-30\"",          // line 5: the comma is missing before it
        "}");

    HttpResponse<String> response = post("/evaluate", "application/json", body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode error = singleError(response);
    assertThat(error.path("line").asInt()).isEqualTo(5);
    assertThat(error.path("message").asText()).contains("not well-formed JSON");
    assertThat(response.body()).doesNotContain(STACK_FRAME);
  }

  @Test
  void evaluate_unknownField_400NamingFieldPath() throws Exception {
    String body = String.join("\n",
        "{",
        "  \"id\": \"x\",",
        "  \"stage\": \"DEFINE_CRITERIA\",",
        "  \"owner\": { \"name\": \"Dana Reyes\", \"kind\": \"INDIVIDUAL\", \"nickname\": \"D\" }",
        "}");

    HttpResponse<String> response = post("/evaluate", "application/json", body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode error = singleError(response);
    assertThat(error.path("path").asText()).isEqualTo("owner.nickname");
    assertThat(error.path("line").asInt()).isEqualTo(4);
    assertThat(error.path("message").asText()).contains("unknown field");
  }

  @Test
  void evaluate_wrongType_400NamingPath_everyProblemAtOnce() throws Exception {
    String body = String.join("\n",
        "id: x",
        "stage: DEFINE_CRITERIA",
        "successCriteria:",
        "  - metric: m",
        "    kind: BUSINESS",
        "    baseline: four percent",                      // line 6
        "    target: 0.7",
        "    direction: HIGHER_IS_BETTER",
        "    deadlineOn: someday",                         // line 9
        "");

    HttpResponse<String> response = post("/evaluate", "application/yaml", body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode errors = JSON.readTree(response.body()).path("errors");
    assertThat(errors).extracting(e -> e.path("path").asText() + ":" + e.path("line").asInt())
        .contains("successCriteria[0].baseline:6", "successCriteria[0].deadlineOn:9");
    assertThat(errors).anySatisfy(e -> {
      assertThat(e.path("path").asText()).isEqualTo("successCriteria[0].baseline");
      assertThat(e.path("value").asText()).isEqualTo("four percent");
      assertThat(e.path("message").asText()).contains("number");
    });
  }

  @Test
  void evaluate_emptyBody_400() throws Exception {
    HttpResponse<String> response = post("/evaluate", "application/json", "");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(singleError(response).path("message").asText()).contains("empty");
  }

  @Test
  void evaluate_badAsOf_400NamingTheParameter() throws Exception {
    HttpResponse<String> response = post("/evaluate?asOf=2026-13-01&as_of=x", "application/json",
        Files.readString(PILOTS.resolve("quality-control.json")));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode errors = JSON.readTree(response.body()).path("errors");
    assertThat(errors).extracting(e -> e.path("path").asText()).containsExactly("asOf", "as_of");
    assertThat(errors.get(0).path("message").asText()).contains("YYYY-MM-DD");
    assertThat(errors.get(0).path("line").isNull()).isTrue();
  }

  @Test
  void evaluate_unsupportedContentType_415() throws Exception {
    HttpResponse<String> response = post("/evaluate", "text/plain", "id: x");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(415);
    assertThat(JSON.readTree(response.body()).path("error").asText()).contains("application/json");
  }

  @Test
  void evaluate_bodyOverTheLimit_413() throws Exception {
    try (GateService small = GateService.builder().port(0).evaluator(service.evaluator()).maxBodyBytes(1000).build()) {
      int port = small.start();
      String pilot = Files.readString(PILOTS.resolve("quality-control.json"));
      assertThat(pilot.length()).isGreaterThan(1000);

      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/evaluate"))
          .timeout(TIMEOUT).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(pilot)).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
      assertThat(JSON.readTree(response.body()).path("error").asText()).contains("1000 bytes");
    }
    // The host's evaluator is not closed with the service that borrowed it.
    assertThat(get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void evaluate_wrongMethod_405WithAllow() throws Exception {
    HttpResponse<String> response = get("/evaluate");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    assertThat(JSON.readTree(response.body()).path("error").asText()).contains("GET");
  }

  @Test
  void evaluate_concurrentRequests_allDecided() throws Exception {
    String body = Files.readString(PILOTS.resolve("quality-control.json"));
    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      responses.add(HTTP.sendAsync(request("/evaluate?asOf=" + AS_OF).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
    }
    for (CompletableFuture<HttpResponse<String>> f : responses) {
      HttpResponse<String> response = f.get();
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(JSON.readTree(response.body()).path("outcome").asText()).isEqualTo("HOLD");
    }
  }

  // -- other resources --------------------------------------------------------------------

  @Test
  void unknownPath_404() throws Exception {
    for (String path : List.of("/", "/evaluatex", "/evaluate/extra", "/rules")) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(JSON.readTree(response.body()).path("error").asText()).contains("/evaluate");
    }
  }

  @Test
  void rulesStatus_bundled() throws Exception {
    HttpResponse<String> response = get("/rules/status");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode status = JSON.readTree(response.body());
    assertThat(status.path("activeVersion").asText()).isEqualTo(service.evaluator().rulesVersion());
    assertThat(status.path("activatedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.+Z");
    assertThat(status.path("source").asText()).isEqualTo(service.evaluator().rulesSource());
    assertThat(status.path("watching").asBoolean()).isFalse();
    assertThat(status.path("lastAttemptFailed").asBoolean()).isFalse();
    assertThat(status.path("lastError").isArray()).isTrue();
    assertThat(status.path("lastError")).isEmpty();
    assertThat(status.path("activations").asLong()).isEqualTo(1);
    assertThat(status.path("rejections").asLong()).isZero();
  }

  @Test
  void rulesStatus_wrongMethod_405() throws Exception {
    HttpResponse<String> response = post("/rules/status", "application/json", "{}");

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
  }

  @Test
  void health() throws Exception {
    HttpResponse<String> response = get("/health");
    HttpResponse<String> head = HTTP.send(request("/health").method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode health = JSON.readTree(response.body());
    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(health.path("rulesVersion").asText()).isEqualTo(service.evaluator().rulesVersion());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
  }

  // -- rules from a directory -------------------------------------------------------------

  @Test
  void rulesDirectory_policyEditChangesTheVersion_thenStop(@TempDir Path rules) throws Exception {
    String copiedVersion = copyBundledRules(rules);
    int port;
    URI uri;
    try (GateService watched = GateService.builder().port(0).rulesDirectory(rules).build()) {
      port = watched.start();
      uri = URI.create("http://127.0.0.1:" + port);

      JsonNode before = JSON.readTree(get(uri, "/rules/status").body());
      assertThat(before.path("activeVersion").asText()).isEqualTo(copiedVersion)
          .isEqualTo(watched.evaluator().rulesVersion());
      assertThat(before.path("watching").asBoolean()).isTrue();
      assertThat(before.path("source").asText()).contains(rules.getFileName().toString());

      // A stricter duplicate limit, saved into the watched directory.
      Path policy = rules.resolve("policy.properties");
      String text = Files.readString(policy);
      String edited = text.replaceFirst("(?m)^data\\.duplicateRate\\.max=.*$", "data.duplicateRate.max=0.005");
      assertThat(edited).isNotEqualTo(text);
      Files.writeString(policy, edited);

      JsonNode after = awaitStatus(uri, s -> !s.path("activeVersion").asText().equals(copiedVersion));
      String editedVersion = after.path("activeVersion").asText();
      assertThat(editedVersion).matches("[0-9a-f]{12}").isEqualTo(watched.evaluator().rulesVersion());
      assertThat(after.path("activations").asLong()).isEqualTo(2);
      HttpResponse<String> decided = HTTP.send(HttpRequest.newBuilder(uri.resolve("/evaluate?asOf=" + AS_OF))
          .timeout(TIMEOUT).header("Content-Type", "application/yaml")
          .POST(HttpRequest.BodyPublishers.ofFile(PILOTS.resolve("invoice-matching.yaml"))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
      JsonNode decision = JSON.readTree(decided.body());
      assertThat(decision.path("rulesVersion").asText()).isEqualTo(editedVersion);
      assertThat(decision.path("outcome").asText()).isEqualTo("HOLD"); // GO under the bundled 2% limit

      // A broken edit: rejected, shown in the status, the edited rules keep deciding.
      Path broken = rules.resolve("broken.drl");
      Files.writeString(broken, "package dev.pilotgate.rules;\n\nrule \"half written\"\nwhen\n    Pilot( id == )\nthen\nend\n");
      JsonNode rejected = awaitStatus(uri, s -> s.path("lastAttemptFailed").asBoolean());
      assertThat(rejected.path("activeVersion").asText()).isEqualTo(editedVersion);
      assertThat(rejected.path("rejections").asLong()).isEqualTo(1);
      assertThat(rejected.path("lastError")).anySatisfy(p -> {
        assertThat(p.path("file").asText()).endsWith("broken.drl");
        assertThat(p.path("line").asInt()).isEqualTo(5);
      });
    }

    // Stopped: the port is closed.
    assertThatThrownBy(() -> {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
      }
    }).isInstanceOf(ConnectException.class);
  }

  @Test
  void rulesThatThrow_500WithShortMessage(@TempDir Path rules) throws Exception {
    copyBundledRules(rules);
    Files.writeString(rules.resolve("explodes.drl"), String.join("\n",
        "package dev.pilotgate.rules;",
        "import dev.pilotgate.model.Pilot;",
        "",
        "rule \"EXPLODES\"",
        "when",
        "    Pilot( id == \"quality-control\" )",
        "then",
        "    throw new IllegalStateException(\"deliberate\");",
        "end",
        ""));
    try (GateService failing = GateService.builder().port(0).rulesDirectory(rules).build()) {
      URI uri = URI.create("http://127.0.0.1:" + failing.start());

      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri.resolve("/evaluate?asOf=" + AS_OF))
          .timeout(TIMEOUT).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofFile(PILOTS.resolve("quality-control.json"))).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(JSON.readTree(response.body()).path("error").asText())
          .contains("EXPLODES").contains("quality-control");
      assertThat(response.body()).doesNotContain(STACK_FRAME).doesNotContain("at dev.pilotgate");
      // The evaluator stays usable for other pilots.
      HttpResponse<String> other = HTTP.send(HttpRequest.newBuilder(uri.resolve("/evaluate?asOf=" + AS_OF))
          .timeout(TIMEOUT).header("Content-Type", "application/yaml")
          .POST(HttpRequest.BodyPublishers.ofFile(PILOTS.resolve("sales-assistant.yaml"))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
    }
  }

  @Test
  void invalidRules_startFails_nothingLeftListening(@TempDir Path rules) throws IOException {
    copyBundledRules(rules);
    Files.delete(rules.resolve("policy.properties"));
    GateService broken = GateService.builder().port(0).rulesDirectory(rules).build();

    assertThatThrownBy(broken::start).isInstanceOf(RuleSetException.class).hasMessageContaining("policy.properties");
    assertThatThrownBy(broken::port).isInstanceOf(IllegalStateException.class);
    broken.close(); // harmless
  }

  @Test
  void closeIsIdempotent_andAClosedServiceCanStartAgain() throws Exception {
    GateService s = GateService.builder().port(0).evaluator(service.evaluator()).build();
    s.start();
    assertThatThrownBy(s::start).isInstanceOf(IllegalStateException.class);
    s.close();
    s.close();
    int port = s.start();
    try {
      assertThat(port).isPositive();
      assertThat(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    } finally {
      s.close();
    }
  }

  // -- helpers ----------------------------------------------------------------------------

  /** Waits until GET /rules/status satisfies {@code condition}; fails after {@link #RELOAD_WAIT}. */
  private static JsonNode awaitStatus(URI uri, java.util.function.Predicate<JsonNode> condition) throws Exception {
    long deadline = System.nanoTime() + RELOAD_WAIT.toNanos();
    JsonNode status;
    do {
      status = JSON.readTree(get(uri, "/rules/status").body());
      if (condition.test(status)) {
        return status;
      }
      Thread.sleep(100);
    } while (System.nanoTime() < deadline);
    return fail("the status did not change within " + RELOAD_WAIT + ": " + status);
  }

  /** The bundled rules, policy and catalogue, without the scenarios (they pin the thresholds a test edits). */
  private static String copyBundledRules(Path dir) throws IOException {
    BundledRules.copyTo(dir, false);
    return BundledRules.version(false);
  }

  private static JsonNode singleError(HttpResponse<String> response) throws IOException {
    JsonNode errors = JSON.readTree(response.body()).path("errors");
    assertThat(errors.isArray()).as(response.body()).isTrue();
    assertThat(errors).as(response.body()).hasSize(1);
    return errors.get(0);
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return get(base, path);
  }

  private static HttpResponse<String> get(URI uri, String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(uri.resolve(path)).timeout(TIMEOUT).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String contentType, String body)
      throws IOException, InterruptedException {
    return HTTP.send(request(path).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
