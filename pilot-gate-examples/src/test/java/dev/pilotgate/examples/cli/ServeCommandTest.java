package dev.pilotgate.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code serve} subcommand, run in-process on a thread of its own on an ephemeral loopback
 * port, called over real HTTP, and stopped by interrupting its thread as the shutdown hook does
 * on Ctrl-C.
 */
class ServeCommandTest {
  private static final Duration STARTUP = Duration.ofSeconds(30);
  private static final Pattern LISTENING =
      Pattern.compile("pilot-gate service on http://127\\.0\\.0\\.1:(\\d+) \\(rules ([0-9a-f]{12}) from (.+)\\); Ctrl-C to stop");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void serve_bundledRules_answersThenStops(@TempDir Path tmp) throws Exception {
    int port;
    try (BackgroundCli cli = BackgroundCli.start("serve", "--port", "0")) {
      String first = cli.awaitOut("the listening line", STARTUP, lines -> !lines.isEmpty()).get(0);
      Matcher m = LISTENING.matcher(first);
      assertThat(m.matches()).as(first).isTrue();
      port = Integer.parseInt(m.group(1));
      String version = m.group(2);

      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/rules/status"))
          .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(status.statusCode()).isEqualTo(200);
      JsonNode body = JSON.readTree(status.body());
      assertThat(body.path("activeVersion").asText()).isEqualTo(version);
      assertThat(body.path("watching").asBoolean()).isFalse();

      HttpResponse<String> decided = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
              + "/evaluate?asOf=2026-06-01"))
          .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/yaml")
          .POST(HttpRequest.BodyPublishers.ofFile(Path.of("pilots", "invoice-matching.yaml"))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
      assertThat(JSON.readTree(decided.body()).path("outcome").asText()).isEqualTo("GO");

      assertThat(cli.stop(Duration.ofSeconds(15))).isZero();
      assertThat(cli.out()).contains("pilot-gate service stopped");
    }
    assertThatThrownBy(() -> {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
      }
    }).isInstanceOf(ConnectException.class);
  }

  @Test
  void serve_limitOptions_areTheServicesLimits() throws Exception {
    try (BackgroundCli cli = BackgroundCli.start("serve", "--port", "0", "--max-body-bytes", "1000",
        "--header-timeout", "1000", "--body-timeout", "20000", "--idle-timeout", "20000", "--max-connections", "4")) {
      String first = cli.awaitOut("the listening line", STARTUP, lines -> !lines.isEmpty()).get(0);
      Matcher m = LISTENING.matcher(first);
      assertThat(m.matches()).as(first).isTrue();
      int port = Integer.parseInt(m.group(1));

      // --max-body-bytes: a pilot document of more than 1000 bytes gets 413.
      HttpResponse<String> tooLarge = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + port + "/evaluate"))
          .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/yaml")
          .POST(HttpRequest.BodyPublishers.ofFile(Path.of("pilots", "invoice-matching.yaml"))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(tooLarge.statusCode()).as(tooLarge.body()).isEqualTo(413);
      assertThat(JSON.readTree(tooLarge.body()).path("error").asText()).isEqualTo("the request body is larger than 1000 bytes");

      // --header-timeout: a connection that sends no request is closed (well within the 20 s idle timeout).
      try (Socket silent = new Socket()) {
        silent.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
        silent.setSoTimeout(15_000);
        assertThat(silent.getInputStream().read()).isEqualTo(-1);
      }

      assertThat(cli.stop(Duration.ofSeconds(15))).isZero();
    }
  }

  @Test
  void serve_limitsThatAreNotPositive_exitTwo() {
    CliRun connections = CliRun.of("serve", "--port", "0", "--max-connections", "0");
    CliRun body = CliRun.of("serve", "--port", "0", "--max-body-bytes", "-1");
    CliRun timeout = CliRun.of("serve", "--port", "0", "--header-timeout", "0");

    assertThat(connections.exitCode()).as(connections.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(connections.err()).isEqualTo("error: --max-connections must be positive but was 0" + System.lineSeparator());
    assertThat(body.exitCode()).as(body.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(body.err()).isEqualTo("error: --max-body-bytes must be positive but was -1" + System.lineSeparator());
    assertThat(timeout.exitCode()).as(timeout.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(timeout.err()).contains("'0' must be a positive number of milliseconds");
  }

  @Test
  void serve_invalidRules_exitTwo(@TempDir Path rules) throws IOException {
    RulesCopy.into(rules, false);
    Files.delete(rules.resolve("policy.properties"));

    CliRun run = CliRun.of("serve", "--port", "0", "--rules", rules.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("policy.properties").doesNotContain("\tat ");
  }

  @Test
  void serve_portInUse_exitTwo() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CliRun run = CliRun.of("serve", "--port", String.valueOf(taken.getLocalPort()));

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
      assertThat(run.err()).startsWith("error: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ");
    }
  }

  @Test
  void serve_badPort_exitTwo() {
    CliRun run = CliRun.of("serve", "--port", "70000");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(run.err()).contains("--port");
  }
}
