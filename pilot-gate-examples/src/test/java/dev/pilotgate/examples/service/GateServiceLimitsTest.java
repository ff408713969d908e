package dev.pilotgate.examples.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pilotgate.GateEvaluator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service against slow, silent and large clients, over real sockets on loopback: raw
 * sockets for the misbehaving clients, the JDK's {@link HttpClient} for the well-behaved one.
 * Every wait is for an event (an answer, a closed connection) with a generous bound; the only
 * short bound is the one that shows a request is <em>not</em> answered while the connection
 * limit holds it back, which a slow machine can only make truer.
 */
class GateServiceLimitsTest {
  /** How long a request that should be answered may take, on a busy two-core machine. */
  private static final Duration ANSWERED = Duration.ofSeconds(10);
  /** How long a connection that should be closed may stay open, beyond its (short) timeout. */
  private static final Duration CLOSED = Duration.ofSeconds(20);
  private static final Path PILOTS = Path.of("pilots");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The threads that asked the evaluator's clock for today: the ones that ran {@code POST /evaluate} without asOf. */
  private static final List<String> CLOCK_THREADS = new CopyOnWriteArrayList<>();
  /** One evaluator over the bundled rules, lent to every service here (the rules compile once). */
  private static GateEvaluator evaluator;

  private final List<RawClient> raw = new ArrayList<>();
  private ScheduledExecutorService trickle;

  @BeforeAll
  static void loadRules() {
    evaluator = GateEvaluator.builder().clock(new RecordingClock()).build();
  }

  @AfterAll
  static void closeRules() {
    if (evaluator != null) {
      evaluator.close();
    }
  }

  @BeforeEach
  void startTrickle() {
    trickle = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "slow-client-trickle");
      t.setDaemon(true);
      return t;
    });
  }

  @AfterEach
  void closeClients() throws IOException {
    trickle.shutdownNow();
    for (RawClient c : raw) {
      c.close();
    }
  }

  // -- slow headers -----------------------------------------------------------------------

  @Test
  void eightClientsSendingHeadersSlowly_doNotDelayHealthOrEvaluate() throws Exception {
    // A header timeout longer than the test: the slow clients are never dropped meanwhile.
    try (GateService service = service().headerTimeout(Duration.ofMinutes(5)).build()) {
      int port = service.start();
      List<RawClient> slow = slowHeaderClients(port, 8);
      AtomicInteger writeFailures = trickleHeaderBytes(slow);

      String pilot = Files.readString(PILOTS.resolve("quality-control.json"));
      for (int round = 0; round < 5; round++) {
        CompletableFuture<HttpResponse<String>> health = HTTP.sendAsync(get(port, "/health"), HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> decision = HTTP.sendAsync(post(port, "/evaluate?asOf=2026-06-01", pilot),
            HttpResponse.BodyHandlers.ofString());

        HttpResponse<String> h = health.get(ANSWERED.toSeconds(), TimeUnit.SECONDS);
        assertThat(h.statusCode()).as(h.body()).isEqualTo(200);
        assertThat(JSON.readTree(h.body()).path("status").asText()).isEqualTo("UP");
        HttpResponse<String> d = decision.get(ANSWERED.toSeconds(), TimeUnit.SECONDS);
        assertThat(d.statusCode()).as(d.body()).isEqualTo(200);
        assertThat(JSON.readTree(d.body()).path("outcome").asText()).isEqualTo("HOLD");
      }

      // The slow clients were being read all along: still connected, never answered.
      assertThat(writeFailures).hasValue(0);
      for (RawClient c : slow) {
        assertThat(c.available()).isZero();
      }
    }
  }

  @Test
  void clientsSendingHeadersSlowlyOrNotAtAll_areClosedAfterTheHeaderTimeout() throws Exception {
    // The idle timeout is long and the trickle keeps it from firing: only the header timeout can close them.
    try (GateService service = service().headerTimeout(Duration.ofSeconds(1)).idleTimeout(Duration.ofMinutes(5)).build()) {
      int port = service.start();
      List<RawClient> slow = slowHeaderClients(port, 4);
      trickleHeaderBytes(slow);
      List<RawClient> silent = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        silent.add(connect(port));
      }

      for (RawClient c : slow) {
        assertThat(c.bytesUntilClosed()).as("bytes answered to a slow client before closing").isZero();
      }
      for (RawClient c : silent) {
        assertThat(c.bytesUntilClosed()).as("bytes answered to a silent client before closing").isZero();
      }
      HttpResponse<String> health = HTTP.send(get(port, "/health"), HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void keptAliveConnection_servesSeveralRequests_thenIsClosedWhenNoneFollowsWithinTheHeaderTimeout() throws Exception {
    // The header timeout is armed again at the end of each answer, for the next request on the connection.
    try (GateService service = service().headerTimeout(Duration.ofSeconds(2)).build()) {
      int port = service.start();
      RawClient client = connect(port);
      client.write("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
      assertThat(client.readResponse().status()).isEqualTo(200);
      // A second request, itself well within the header timeout, on the same connection.
      client.write("GET /rules/status HTTP/1.1\r\nHost: localhost\r\n\r\n");
      RawResponse second = client.readResponse();
      assertThat(second.status()).isEqualTo(200);
      assertThat(JSON.readTree(second.body()).path("activeVersion").asText()).isEqualTo(evaluator.rulesVersion());
      // Then silence: the connection is closed after the header timeout, without an answer.
      assertThat(client.bytesUntilClosed()).isZero();
    }
  }

  // -- slow and stopped bodies ------------------------------------------------------------

  @Test
  void clientThatStopsMidBody_gets408AndIsClosedAfterTheIdleTimeout() throws Exception {
    try (GateService service = service().idleTimeout(Duration.ofSeconds(1)).build()) {
      int port = service.start();
      RawClient client = connect(port);
      client.write("POST /evaluate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
          + "Content-Length: 500\r\n\r\n{\"id\": \"x\",");

      RawResponse response = client.readResponse();

      assertThat(response.status()).as(response.body()).isEqualTo(408);
      assertThat(response.header("content-type")).isEqualTo("application/json; charset=utf-8");
      assertThat(response.header("connection")).isEqualTo("close");
      assertThat(JSON.readTree(response.body()).path("error").asText())
          .isEqualTo("nothing of the request body arrived for 1000 ms");
      assertThat(client.bytesUntilClosed()).isZero();
    }
  }

  @Test
  void clientSendingTheBodySlowly_gets408AfterTheBodyTimeout() throws Exception {
    // A byte every 100 ms keeps the idle timeout from firing; the body timeout does not wait for more.
    try (GateService service = service().bodyTimeout(Duration.ofSeconds(1)).idleTimeout(Duration.ofMinutes(5)).build()) {
      int port = service.start();
      RawClient client = connect(port);
      client.write("POST /evaluate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
          + "Content-Length: 100000\r\n\r\n");
      trickle.scheduleWithFixedDelay(() -> client.tryWrite(" "), 0, 100, TimeUnit.MILLISECONDS);

      RawResponse response = client.readResponse();

      assertThat(response.status()).as(response.body()).isEqualTo(408);
      assertThat(JSON.readTree(response.body()).path("error").asText())
          .isEqualTo("the request body did not arrive within 1000 ms");
      assertThat(response.header("connection")).isEqualTo("close");
      assertThat(client.bytesUntilClosed()).isZero();
    }
  }

  // -- large bodies and headers -----------------------------------------------------------

  @Test
  void bodyOverTheLimit_413WithTheErrorShape_notAReset_declaredOrChunked() throws Exception {
    try (GateService service = service().maxBodyBytes(1000).build()) {
      int port = service.start();
      ExecutorService writers = Executors.newCachedThreadPool();
      try {
        for (int i = 0; i < 6; i++) {
          boolean chunked = i % 2 == 1;
          RawClient client = connect(port);
          client.write("POST /evaluate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
              + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + (8 * 1024 * 1024) + "\r\n") + "\r\n");
          // The client keeps sending its 8 MB while it waits for the answer, as an upload does.
          Future<?> writer = writers.submit(() -> client.sendUntilRefused(chunked, 8 * 1024 * 1024));

          RawResponse response = client.readResponse();

          assertThat(response.status()).as(chunked ? "chunked" : "declared").isEqualTo(413);
          assertThat(response.header("content-type")).isEqualTo("application/json; charset=utf-8");
          assertThat(response.header("connection")).isEqualTo("close");
          assertThat(JSON.readTree(response.body()).path("error").asText())
              .isEqualTo("the request body is larger than 1000 bytes");
          client.close();
          writer.get(ANSWERED.toSeconds(), TimeUnit.SECONDS);
        }
      } finally {
        writers.shutdownNow();
      }
      assertThat(HTTP.send(get(port, "/health"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void headersOverTheLimit_431WithTheErrorShape() throws Exception {
    try (GateService service = service().maxHeaderBytes(4096).build()) {
      int port = service.start();
      RawClient client = connect(port);
      client.write("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(8000) + "\r\n\r\n");

      RawResponse response = client.readResponse();

      assertThat(response.status()).isEqualTo(431);
      assertThat(response.header("content-type")).isEqualTo("application/json; charset=utf-8");
      assertThat(JSON.readTree(response.body()).path("error").asText()).startsWith("Request Header Fields Too Large");
      assertThat(response.body()).doesNotContain("\tat ");
    }
  }

  // -- connections ------------------------------------------------------------------------

  @Test
  void connectionsBeyondTheLimit_waitUntilOneCloses_thenAreServed() throws Exception {
    try (GateService service = service().maxConnections(2).headerTimeout(Duration.ofMinutes(5)).build()) {
      int port = service.start();
      RawClient first = connect(port);
      RawClient second = connect(port);

      CompletableFuture<HttpResponse<String>> health = HTTP.sendAsync(get(port, "/health"), HttpResponse.BodyHandlers.ofString());
      // Both slots are taken by connections that send nothing: the third waits to be accepted.
      assertThatThrownBy(() -> health.get(1, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);

      first.close();
      HttpResponse<String> answered = health.get(ANSWERED.toSeconds(), TimeUnit.SECONDS);
      assertThat(answered.statusCode()).isEqualTo(200);
      // The other silent connection still holds its slot, and still gets an answer when it asks.
      second.write("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
      assertThat(second.readResponse().status()).isEqualTo(200);
    }
  }

  @Test
  void connectionsBeyondTheLimit_areServedOnceTheHeaderTimeoutFreesTheSlots() throws Exception {
    try (GateService service = service().maxConnections(2).headerTimeout(Duration.ofSeconds(1)).build()) {
      int port = service.start();
      RawClient first = connect(port);
      RawClient second = connect(port);

      HttpResponse<String> health = HTTP.sendAsync(get(port, "/health"), HttpResponse.BodyHandlers.ofString())
          .get(ANSWERED.toSeconds() + 1, TimeUnit.SECONDS);

      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(first.bytesUntilClosed()).isZero();
      assertThat(second.bytesUntilClosed()).isZero();
    }
  }

  // -- threads ----------------------------------------------------------------------------

  @Test
  void handlersRunOnPoolThreads_neverOnTheAcceptingThread() throws Exception {
    try (GateService service = service().build()) {
      int port = service.start();
      assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
          .as("the service's accepting thread, named by Jetty")
          .anySatisfy(name -> assertThat(name).startsWith("pilot-gate-http-").contains("acceptor"));
      String pilot = Files.readString(PILOTS.resolve("quality-control.json"));
      CLOCK_THREADS.clear();

      List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        responses.add(HTTP.sendAsync(post(port, "/evaluate", pilot), HttpResponse.BodyHandlers.ofString()));
      }
      for (CompletableFuture<HttpResponse<String>> f : responses) {
        HttpResponse<String> response = f.get(ANSWERED.toSeconds(), TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      }

      // Each POST /evaluate without asOf asked the clock for today, on the thread that handled it.
      assertThat(CLOCK_THREADS).hasSizeGreaterThanOrEqualTo(16)
          .allSatisfy(name -> assertThat(name).startsWith("pilot-gate-http-").doesNotContain("acceptor"));
    }
  }

  // -- options ----------------------------------------------------------------------------

  @Test
  void builder_refusesLimitsThatAreNotPositive() {
    GateService.Builder b = GateService.builder();
    assertThatThrownBy(() -> b.maxConnections(0)).hasMessageContaining("maxConnections");
    assertThatThrownBy(() -> b.maxBodyBytes(0)).hasMessageContaining("maxBodyBytes");
    assertThatThrownBy(() -> b.maxHeaderBytes(-1)).hasMessageContaining("maxHeaderBytes");
    assertThatThrownBy(() -> b.headerTimeout(Duration.ZERO)).hasMessageContaining("headerTimeout");
    assertThatThrownBy(() -> b.bodyTimeout(Duration.ofMillis(-5))).hasMessageContaining("bodyTimeout");
    assertThatThrownBy(() -> b.idleTimeout(Duration.ZERO)).hasMessageContaining("idleTimeout");
  }

  // -- helpers ----------------------------------------------------------------------------

  private static GateService.Builder service() {
    return GateService.builder().port(0).evaluator(evaluator);
  }

  /** Clients that have sent a request line and the start of a header, and no more yet. */
  private List<RawClient> slowHeaderClients(int port, int count) throws IOException {
    List<RawClient> clients = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      RawClient c = connect(port);
      c.write("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
      clients.add(c);
    }
    return clients;
  }

  /** One more header byte to each client every 100 ms, never ending the headers; counts the writes that failed. */
  private AtomicInteger trickleHeaderBytes(List<RawClient> clients) {
    AtomicInteger failures = new AtomicInteger();
    trickle.scheduleWithFixedDelay(() -> {
      for (RawClient c : clients) {
        if (!c.tryWrite("a")) {
          failures.incrementAndGet();
        }
      }
    }, 0, 100, TimeUnit.MILLISECONDS);
    return failures;
  }

  private RawClient connect(int port) throws IOException {
    RawClient c = new RawClient(port);
    raw.add(c);
    return c;
  }

  private static HttpRequest get(int port, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30)).GET().build();
  }

  private static HttpRequest post(int port, String path, String json) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
  }

  /** A clock that notes which thread asks it for the time. */
  private static final class RecordingClock extends Clock {
    @Override
    public ZoneId getZone() {
      return ZoneId.systemDefault();
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      CLOCK_THREADS.add(Thread.currentThread().getName());
      return Instant.now();
    }
  }

  record RawResponse(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** HTTP/1.1 by hand on a socket: to be slow, silent or too large on purpose. Reads wait at most {@link #CLOSED}. */
  private static final class RawClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawClient(int port) throws IOException {
      socket = new Socket();
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
      socket.setSoTimeout((int) CLOSED.toMillis());
      in = socket.getInputStream();
      out = socket.getOutputStream();
    }

    void write(String text) throws IOException {
      out.write(text.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }

    /** Writes, and says whether the connection took it. */
    boolean tryWrite(String text) {
      try {
        write(text);
        return true;
      } catch (IOException e) {
        return false;
      }
    }

    /** Sends up to {@code bytes} of body (in chunks when {@code chunked}) until the server stops taking them. */
    void sendUntilRefused(boolean chunked, int bytes) {
      byte[] block = new byte[64 * 1024];
      java.util.Arrays.fill(block, (byte) ' ');
      try {
        for (int sent = 0; sent < bytes; sent += block.length) {
          if (chunked) {
            out.write((Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
          }
          out.write(block);
          if (chunked) {
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
          }
        }
        out.flush();
      } catch (IOException refused) {
        // the server answered and closed: expected
      }
    }

    int available() throws IOException {
      return in.available();
    }

    /** The next response: status line, headers, and a body of its Content-Length. */
    RawResponse readResponse() throws IOException {
      String statusLine = line();
      assertThat(statusLine).startsWith("HTTP/1.1 ");
      int status = Integer.parseInt(statusLine.substring(9, 12));
      Map<String, String> headers = new LinkedHashMap<>();
      for (String line = line(); !line.isEmpty(); line = line()) {
        int colon = line.indexOf(':');
        headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
      }
      int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
      byte[] body = in.readNBytes(length);
      assertThat(body).as("the body of " + statusLine).hasSize(length);
      return new RawResponse(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) != '\n') {
        if (b == -1) {
          fail("the connection closed before the end of a response line: '" + line + "'");
        }
        if (b != '\r') {
          line.write(b);
        }
      }
      return line.toString(StandardCharsets.ISO_8859_1);
    }

    /**
     * Waits until the server closes the connection (end of stream, or a reset), and returns
     * how many bytes came before; fails if it is still open after {@link #CLOSED}.
     */
    int bytesUntilClosed() throws IOException {
      int bytes = 0;
      try {
        while (in.read() != -1) {
          bytes++;
        }
      } catch (SocketTimeoutException e) {
        fail("the server did not close the connection within " + CLOSED);
      } catch (SocketException reset) {
        // closed by the server with a reset: closed too
      }
      return bytes;
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
