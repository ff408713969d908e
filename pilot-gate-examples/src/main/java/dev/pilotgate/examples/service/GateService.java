package dev.pilotgate.examples.service;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pilotgate.ruleset.GateEvaluationException;
import dev.pilotgate.GateEvaluator;
import dev.pilotgate.ruleset.RuleProblem;
import dev.pilotgate.ruleset.RuleSetEvent;
import dev.pilotgate.ruleset.RuleSetException;
import dev.pilotgate.ruleset.RuleSetStatus;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.io.DecisionJson;
import dev.pilotgate.io.DocumentProblem;
import dev.pilotgate.io.PilotDocumentException;
import dev.pilotgate.io.PilotReader;
import dev.pilotgate.model.Pilot;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP service that decides stage gates, on the JDK's own
 * {@link com.sun.net.httpserver.HttpServer} (no framework): the kind of code a host copies
 * into its own service. It needs only the JDK, {@code pilot-gate-core} and Jackson (which
 * the core brings).
 *
 * <pre>
 * POST /evaluate[?asOf=YYYY-MM-DD]  a pilot document (docs/pilot-document.md) in; its decision out (DecisionJson)
 *        Content-Type: application/json (also when absent), or application/yaml | text/yaml
 * GET  /rules/status                 the active rules: version, since when, source, watched, last error, counts
 * GET  /health                       {"status":"UP","rulesVersion":"..."}
 * </pre>
 *
 * <p>Answers, all JSON ({@code application/json; charset=utf-8}):
 * <ul>
 *   <li>200 the decision, with its {@code rulesVersion};
 *   <li>400 a document or query that is not valid: {@code {"errors":[{"path","line","value","message"}]}},
 *       every problem at once, each with its field path (e.g. {@code successCriteria[0].baseline})
 *       and line ({@code null} when unknown), as {@link PilotReader} reports them;
 *   <li>404 an unknown path; 405 a wrong method, with an {@code Allow} header; 413 a body over
 *       {@link Builder#maxBodyBytes} (default 1 MB); 415 an unsupported {@code Content-Type};
 *   <li>500 the rules failed on this pilot (or anything else unexpected):
 *       {@code {"error":"..."}}, a short message, never a stack trace (that goes to the log).
 * </ul>
 *
 * <p>Rules: the bundled ones, or a directory ({@link Builder#rulesDirectory}) that is
 * <em>watched</em>: an edit that compiles, has a complete policy and passes the directory's
 * scenarios is swapped in atomically; a bad edit is rejected, logged, shown in
 * {@code /rules/status} under {@code lastError}, and the last good rules keep deciding. A
 * host with its own evaluator passes it to {@link Builder#evaluator} instead.
 *
 * <p>Threads and thread-safety: requests are handled on a fixed pool of one thread per
 * available processor, with a queue of {@value #QUEUE_SIZE} requests; when the queue is full,
 * the server's accepting thread runs the request itself, which slows down accepting
 * (back-pressure) instead of queueing without bound. Handlers share only thread-safe objects:
 * the {@link GateEvaluator} (each evaluation is its own rule session, on one rules version),
 * the {@link PilotReader} and Jackson's mapper; they keep no per-request state in fields.
 * {@link #start()} and {@link #close()} are synchronized and may be called from any thread;
 * {@code close()} is idempotent.
 *
 * <pre>{@code
 * try (GateService service = GateService.builder().port(0).rulesDirectory(dir).build()) {
 *   int port = service.start();          // RuleSetException if the rules are invalid
 *   ...                                  // http://127.0.0.1:<port>/evaluate
 * }                                      // close(): stops the server, its threads and the rules watcher
 * }</pre>
 */
public final class GateService implements AutoCloseable {
  /** The default port. */
  public static final int DEFAULT_PORT = 8080;
  /** The default address to listen on: loopback only; give {@code 0.0.0.0} to listen on every interface. */
  public static final String DEFAULT_BIND = "127.0.0.1";
  /** The default largest request body: 1 MB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
  /** Requests waiting for a handler thread before the accepting thread runs them itself. */
  public static final int QUEUE_SIZE = 256;
  /** How long {@link #close()} lets running requests finish, in seconds. */
  private static final int STOP_GRACE_SECONDS = 2;

  private static final Logger LOG = LoggerFactory.getLogger(GateService.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String JSON_TYPE = "application/json; charset=utf-8";

  private final InetSocketAddress address;
  private final Path rulesDirectory;
  private final GateEvaluator suppliedEvaluator;
  private final int maxBodyBytes;
  private final PilotReader reader = PilotReader.create();
  /** Requests being handled now, so that close() waits only when there are some. */
  private final AtomicInteger inFlight = new AtomicInteger();

  // Guarded by this; set by start(), cleared by close(). The evaluator is read by handlers,
  // which run only while the server runs, hence volatile.
  private HttpServer server;
  private ThreadPoolExecutor executor;
  private volatile GateEvaluator evaluator;
  private boolean ownsEvaluator;

  private GateService(Builder b) {
    this.address = new InetSocketAddress(b.bind, b.port);
    this.rulesDirectory = b.rulesDirectory;
    this.suppliedEvaluator = b.evaluator;
    this.maxBodyBytes = b.maxBodyBytes;
  }

  /** A builder: port {@value #DEFAULT_PORT}, bind {@value #DEFAULT_BIND}, the bundled rules, 1 MB bodies. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Loads the rules (unless an evaluator was given) and starts listening.
   *
   * @return the port the service listens on (the one chosen by the system for port 0)
   * @throws RuleSetException if the rules cannot be loaded (nothing is left running)
   * @throws IOException if the address cannot be bound, e.g. the port is in use
   * @throws IllegalStateException if the service is already started (a closed service may be started again)
   */
  public synchronized int start() throws IOException {
    if (server != null) {
      throw new IllegalStateException("already started on port " + port());
    }
    GateEvaluator rules = suppliedEvaluator != null ? suppliedEvaluator : loadRules(rulesDirectory);
    HttpServer http;
    try {
      http = HttpServer.create(address, 0);
    } catch (IOException | RuntimeException e) {
      if (suppliedEvaluator == null) {
        rules.close();
      }
      throw e;
    }
    int threads = Runtime.getRuntime().availableProcessors();
    executor = new ThreadPoolExecutor(threads, threads, 0L, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(QUEUE_SIZE), namedThreads(), new ThreadPoolExecutor.CallerRunsPolicy());
    http.setExecutor(executor);
    http.createContext("/", this::handle); // one context: exact paths are routed in handle()
    evaluator = rules;
    ownsEvaluator = suppliedEvaluator == null;
    server = http;
    server.start();
    LOG.info("listening on http://{}:{} with rules {} from {}", address.getHostString(), port(),
        rules.rulesVersion(), rules.rulesSource());
    return port();
  }

  /** The port the service listens on. */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return server.getAddress().getPort();
  }

  /** The evaluator deciding the requests (after {@link #start()}). */
  public GateEvaluator evaluator() {
    GateEvaluator e = evaluator;
    if (e == null) {
      throw new IllegalStateException("not started");
    }
    return e;
  }

  /**
   * Stops listening, lets running requests finish (a couple of seconds at most), stops the
   * handler threads and, unless the evaluator was given by the host, closes it (which stops
   * the rules watcher). Idempotent.
   */
  @Override
  public synchronized void close() {
    if (server == null) {
      return;
    }
    // HttpServer.stop(n) waits the whole n seconds on JDK 17 even when idle: wait only if busy.
    server.stop(inFlight.get() > 0 ? STOP_GRACE_SECONDS : 0);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    if (ownsEvaluator) {
      evaluator.close();
    }
    server = null;
    executor = null;
    LOG.info("stopped");
  }

  // ---------------------------------------------------------------------------------------
  // Requests

  private void handle(HttpExchange exchange) {
    inFlight.incrementAndGet();
    try {
      route(exchange);
    } catch (IOException e) {
      LOG.debug("{} {}: the connection failed: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
    } catch (RuntimeException e) {
      LOG.error("{} {}: unexpected failure", exchange.getRequestMethod(), exchange.getRequestURI(), e);
      if (exchange.getResponseCode() == -1) { // nothing sent yet
        trySend(exchange, 500, error("internal error; the service log has the details"));
      }
    } finally {
      exchange.close();
      inFlight.decrementAndGet();
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    switch (exchange.getRequestURI().getPath()) {
      case "/evaluate" -> {
        if (method.equals("POST")) {
          evaluate(exchange);
        } else {
          methodNotAllowed(exchange, "POST");
        }
      }
      case "/rules/status" -> {
        if (isGet(method)) {
          send(exchange, 200, status(evaluator().status()));
        } else {
          methodNotAllowed(exchange, "GET, HEAD");
        }
      }
      case "/health" -> {
        if (isGet(method)) {
          health(exchange);
        } else {
          methodNotAllowed(exchange, "GET, HEAD");
        }
      }
      default -> send(exchange, 404, error("no such resource: " + exchange.getRequestURI().getPath()
          + "; there are POST /evaluate, GET /rules/status and GET /health"));
    }
  }

  /** POST /evaluate: the query, the content type, the size, the document, the decision. */
  private void evaluate(HttpExchange exchange) throws IOException {
    // 1. ?asOf=YYYY-MM-DD, the only parameter.
    LocalDate asOf = null;
    List<ObjectNode> queryErrors = new ArrayList<>();
    String query = exchange.getRequestURI().getRawQuery();
    for (String pair : query == null || query.isEmpty() ? new String[0] : query.split("&")) {
      int eq = pair.indexOf('=');
      String name;
      String value;
      try {
        name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        queryErrors.add(problem("", 0, pair, "query parameter '" + pair + "' is not URL-encoded correctly"));
        continue;
      }
      if (!name.equals("asOf")) {
        queryErrors.add(problem(name, 0, value, "unknown query parameter; the only one is asOf=YYYY-MM-DD"));
      } else if (asOf != null) {
        queryErrors.add(problem(name, 0, value, "query parameter given twice; give asOf once"));
      } else {
        try {
          asOf = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
          queryErrors.add(problem(name, 0, value, "query parameter '" + value + "' is not a date of the form YYYY-MM-DD"));
        }
      }
    }
    if (!queryErrors.isEmpty()) {
      send(exchange, 400, errors(queryErrors));
      return;
    }

    // 2. The format, from the Content-Type.
    PilotReader.Format format = formatOf(exchange.getRequestHeaders());
    if (format == null) {
      exchange.getResponseHeaders().set("Accept-Post", "application/json, application/yaml, text/yaml");
      send(exchange, 415, error("unsupported Content-Type '" + exchange.getRequestHeaders().getFirst("Content-Type")
          + "'; send application/json, application/yaml or text/yaml, in UTF-8"));
      return;
    }

    // 3. The body, at most maxBodyBytes (refused before reading when its declared length says so).
    byte[] body = readBody(exchange);
    if (body == null) {
      exchange.getResponseHeaders().set("Connection", "close");
      send(exchange, 413, error("the request body is larger than " + maxBodyBytes + " bytes"));
      return;
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      send(exchange, 400, errors(List.of(problem("", 0, null, "the request body is not UTF-8 text"))));
      return;
    }

    // 4. The pilot, strictly: every problem at once, with field path and line.
    Pilot pilot;
    try {
      pilot = reader.read(text, format, "request body");
    } catch (PilotDocumentException e) {
      List<ObjectNode> problems = new ArrayList<>();
      for (DocumentProblem p : e.problems()) {
        problems.add(problem(p.path(), p.line(), p.value(), p.message()));
      }
      if (problems.isEmpty()) {
        problems.add(problem("", 0, null, e.getMessage()));
      }
      send(exchange, 400, errors(problems));
      return;
    }

    // 5. The decision.
    GateEvaluator rules = evaluator();
    GateDecision decision;
    try {
      decision = asOf == null ? rules.evaluate(pilot) : rules.evaluate(pilot, asOf);
    } catch (GateEvaluationException e) {
      LOG.warn("the rules failed on pilot '{}'", pilot.id(), e);
      send(exchange, 500, error("the rules failed on this pilot: " + oneLine(e.getMessage())));
      return;
    }
    send(exchange, 200, DecisionJson.toJson(decision));
  }

  /**
   * The body, or {@code null} when it is larger than {@link #maxBodyBytes}: refused from its
   * {@code Content-Length} before reading, or after reading one byte more than the limit.
   */
  private byte[] readBody(HttpExchange exchange) throws IOException {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.strip()) > maxBodyBytes) {
          return null;
        }
      } catch (NumberFormatException e) {
        // the server itself refuses a malformed Content-Length; read and count instead
      }
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(maxBodyBytes + 1);
      return body.length > maxBodyBytes ? null : body;
    }
  }

  /** JSON for {@code application/json}, any {@code +json} type, or no Content-Type; YAML for the YAML types. */
  static PilotReader.Format formatOf(Headers headers) {
    String contentType = headers.getFirst("Content-Type");
    if (contentType == null || contentType.isBlank()) {
      return PilotReader.Format.JSON;
    }
    String[] parts = contentType.split(";");
    String type = parts[0].strip().toLowerCase(Locale.ROOT);
    for (int i = 1; i < parts.length; i++) {
      String param = parts[i].strip().toLowerCase(Locale.ROOT);
      if (param.startsWith("charset=") && !param.replace("\"", "").equals("charset=utf-8")) {
        return null; // documents are read as UTF-8 only
      }
    }
    return switch (type) {
      case "application/json" -> PilotReader.Format.JSON;
      case "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml" -> PilotReader.Format.YAML;
      default -> type.startsWith("application/") && type.endsWith("+json") ? PilotReader.Format.JSON : null;
    };
  }

  private void health(HttpExchange exchange) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    try {
      body.put("status", "UP").put("rulesVersion", evaluator().rulesVersion());
      send(exchange, 200, body.toString());
    } catch (IllegalStateException closed) {
      send(exchange, 503, body.put("status", "DOWN").toString());
    }
  }

  /** GET /rules/status: {@link RuleSetStatus} as JSON. */
  static String status(RuleSetStatus s) {
    ObjectNode body = JSON.createObjectNode();
    body.put("activeVersion", s.activeVersion());
    body.put("activatedAt", s.activatedAt().toString());
    body.put("source", s.source());
    body.put("watching", s.watching());
    body.put("lastAttemptAt", s.lastAttemptAt() == null ? null : s.lastAttemptAt().toString());
    body.put("lastAttemptFailed", s.lastAttemptFailed());
    ArrayNode lastError = body.putArray("lastError");
    for (RuleProblem p : s.lastError()) {
      ObjectNode problem = lastError.addObject();
      problem.put("file", p.file());
      if (p.line() > 0) {
        problem.put("line", p.line());
      } else {
        problem.putNull("line");
      }
      problem.put("message", p.message());
    }
    body.put("activations", s.activations());
    body.put("rejections", s.rejections());
    return body.toString();
  }

  private static boolean isGet(String method) {
    return method.equals("GET") || method.equals("HEAD");
  }

  private static void methodNotAllowed(HttpExchange exchange, String allow) throws IOException {
    exchange.getResponseHeaders().set("Allow", allow);
    send(exchange, 405, error(exchange.getRequestMethod() + " is not allowed on " + exchange.getRequestURI().getPath()
        + "; allowed: " + allow));
  }

  private static ObjectNode problem(String path, int line, String value, String message) {
    ObjectNode p = JSON.createObjectNode();
    p.put("path", path);
    if (line > 0) {
      p.put("line", line);
    } else {
      p.putNull("line");
    }
    if (value != null) {
      p.put("value", value);
    }
    p.put("message", message);
    return p;
  }

  private static String errors(List<ObjectNode> problems) {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("errors").addAll(problems);
    return body.toString();
  }

  private static String error(String message) {
    return JSON.createObjectNode().put("error", message).toString();
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", JSON_TYPE);
    headers.set("Cache-Control", "no-store");
    headers.set("X-Content-Type-Options", "nosniff");
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static void trySend(HttpExchange exchange, int status, String json) {
    try {
      send(exchange, status, json);
    } catch (IOException | RuntimeException e) {
      LOG.debug("could not send the {} answer: {}", status, e.toString());
    }
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  // ---------------------------------------------------------------------------------------
  // Rules

  /** The bundled rules, or the directory's, watched, with every reload logged. */
  private static GateEvaluator loadRules(Path directory) {
    if (directory == null) {
      return GateEvaluator.create();
    }
    return GateEvaluator.builder()
        .rulesDirectory(directory)
        .watch(true)
        .listener(GateService::logReload)
        .build();
  }

  private static void logReload(RuleSetEvent e) {
    if (e.kind() == RuleSetEvent.Kind.ACTIVATED) {
      LOG.info("rules {} from {} activated", e.version(), e.source());
    } else {
      LOG.warn("edited rules in {} rejected; the last good rules keep deciding: {}", e.source(),
          e.problems().stream().map(RuleProblem::toString).toList());
    }
  }

  private static ThreadFactory namedThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread t = new Thread(task, "pilot-gate-http-" + count.incrementAndGet());
      t.setDaemon(false);
      return t;
    };
  }

  // ---------------------------------------------------------------------------------------
  // Configuration

  /** Options of a {@link GateService}. Not thread-safe; {@link #build()} copies them. */
  public static final class Builder {
    private int port = DEFAULT_PORT;
    private String bind = DEFAULT_BIND;
    private Path rulesDirectory;
    private GateEvaluator evaluator;
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;

    private Builder() {}

    /** The port; 0 lets the system choose a free one ({@link #start()} returns it). Default {@value #DEFAULT_PORT}. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0-65535 but was " + port);
      }
      this.port = port;
      return this;
    }

    /** The address to listen on. Default {@value #DEFAULT_BIND} (this machine only). */
    public Builder bind(String address) {
      this.bind = Objects.requireNonNull(address, "address");
      return this;
    }

    /** Rules from this directory, watched for edits. Default: the bundled rules. */
    public Builder rulesDirectory(Path directory) {
      this.rulesDirectory = directory;
      return this;
    }

    /**
     * The host's own evaluator, used instead of loading rules; the service does not close it.
     * Overrides {@link #rulesDirectory}.
     */
    public Builder evaluator(GateEvaluator evaluator) {
      this.evaluator = evaluator;
      return this;
    }

    /** The largest request body, in bytes; larger ones get 413. Default: 1 MB. */
    public Builder maxBodyBytes(int bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxBodyBytes must be positive but was " + bytes);
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    public GateService build() {
      return new GateService(this);
    }
  }

  // ---------------------------------------------------------------------------------------
  // Standalone

  /**
   * Runs the service until Ctrl-C (or SIGTERM): {@code [--port N] [--bind ADDRESS] [--rules DIR]}.
   * Exit code 2 when the arguments or the rules are wrong or the port is taken. The command
   * line's {@code serve} command does the same.
   */
  public static void main(String... args) {
    Builder builder = builder();
    PrintStream err = System.err;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--port" -> builder.port(Integer.parseInt(value(args, ++i)));
          case "--bind" -> builder.bind(value(args, ++i));
          case "--rules" -> builder.rulesDirectory(Path.of(value(args, ++i)));
          case "-h", "--help" -> {
            System.out.println("usage: GateService [--port N (default 8080, 0: any free)] [--bind ADDRESS"
                + " (default 127.0.0.1)] [--rules DIR (default: the bundled rules)]");
            return;
          }
          default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
        }
      }
    } catch (IllegalArgumentException e) { // NumberFormatException included
      err.println("error: " + e.getMessage() + "; see --help");
      System.exit(2);
    }
    GateService service = builder.build();
    try {
      int port = service.start();
      System.out.println("pilot-gate service on http://" + describe(service.address.getAddress()) + ":" + port
          + " (rules " + service.evaluator().rulesVersion() + " from " + service.evaluator().rulesSource()
          + "); Ctrl-C to stop");
    } catch (RuleSetException e) {
      e.problems().forEach(p -> err.println(oneLine(p.toString())));
      System.exit(2);
    } catch (IOException e) {
      err.println("error: cannot listen on " + service.address + ": " + e.getMessage());
      System.exit(2);
    }
    // The server's threads keep the JVM running; on Ctrl-C or SIGTERM, stop them.
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "pilot-gate-service-shutdown"));
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  /** The host part of a URL for {@code address}: IPv6 in brackets. */
  static String describe(InetAddress address) {
    String host = address == null ? "0.0.0.0" : address.getHostAddress();
    return host.contains(":") ? "[" + host + "]" : host;
  }
}
