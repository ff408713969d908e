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
