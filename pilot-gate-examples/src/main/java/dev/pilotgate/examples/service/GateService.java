package dev.pilotgate.examples.service;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP service that decides stage gates, on Jetty 12's core server (no servlets): the
 * kind of code a host copies into its own service. It needs {@code pilot-gate-core}, Jackson
 * (which the core brings) and {@code org.eclipse.jetty:jetty-server}.
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
 *   <li>404 an unknown path; 405 a wrong method, with an {@code Allow} header; 408 a body that
 *       did not arrive in time; 413 a body over {@link Builder#maxBodyBytes} (default 1 MB);
 *       415 an unsupported {@code Content-Type}; 431 request headers over
 *       {@link Builder#maxHeaderBytes} (default 8 KiB), and Jetty's other answers to a request it
 *       cannot parse (400, 414, 505), each as {@code {"error":"..."}};
 *   <li>500 the rules failed on this pilot (or anything else unexpected):
 *       {@code {"error":"..."}}, a short message, never a stack trace (that goes to the log).
 * </ul>
 *
 * <p>Slow and large clients. The limits that keep one client from holding up the others, each
 * set on the {@link Builder}:
 * <ul>
 *   <li>{@link Builder#headerTimeout} (default 10 s): a request's line and headers must all
 *       arrive within this time of the connection's opening, or of the previous answer on a
 *       kept-alive connection; else the connection is closed without an answer. Jetty has no such
 *       limit of its own: its idle timeout alone would let a client that sends a header byte now
 *       and then keep a connection forever. {@link RequestHeaderTimeout} adds it.
 *   <li>{@link Builder#bodyTimeout} (default 30 s): the body must all arrive within this time of
 *       the headers; else 408 and the connection is closed.
 *   <li>{@link Builder#idleTimeout} (default 30 s): a connection on which nothing arrives (or
 *       nothing can be sent) for this long is closed; while a body is awaited, with a 408.
 *   <li>{@link Builder#maxConnections} (default 256): beyond it, connections are not accepted
 *       (they wait in the system's accept queue) until one closes.
 *   <li>{@link Builder#maxBodyBytes} (default 1 MB): a larger body gets 413 as soon as its
 *       {@code Content-Length} says so, or as soon as one byte too many has arrived; the answer
 *       closes the connection, and Jetty half-closes it, so the client reads the 413 rather than a
 *       reset.
 *   <li>{@link Builder#maxHeaderBytes} (default 8 KiB): larger request headers get 431.
 * </ul>
 * A body is read without holding a thread while it is awaited (the rest of the request runs
 * when its last byte is in), so slow clients cost connections, which are bounded, never threads.
 *
 * <p>Threads and thread-safety: Jetty's pool of {@value #MIN_THREADS} threads or four per
 * available processor, whichever is more, named {@code pilot-gate-http-N}. One of them accepts
 * connections and only that: it hands each to another, the selector, which watches every open
 * connection and passes a connection with a complete request's headers to the pool. So handlers
 * never run on the accepting thread, and a connection that sends its headers slowly holds no
 * thread while it does. Handlers share only thread-safe objects: the {@link GateEvaluator} (each
 * evaluation is its own rule session, on one rules version), the {@link PilotReader} and
 * Jackson's mapper; they keep no per-request state in fields. {@link #start()} and
 * {@link #close()} are synchronized and may be called from any thread; {@code close()} is
 * idempotent.
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
  /** The default largest request line and headers together: 8 KiB. */
  public static final int DEFAULT_MAX_HEADER_BYTES = 8 * 1024;
  /** The default largest number of open connections. */
  public static final int DEFAULT_MAX_CONNECTIONS = 256;
  /** The default time for a request's line and headers to arrive. */
  public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
  /** The default time for a request's body to arrive, after its headers. */
  public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(30);
  /** The default time a connection may stay silent. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
  /** The fewest threads in the pool (one accepts, one selects, the others handle requests). */
  public static final int MIN_THREADS = 8;
  /** How long {@link #close()} lets running requests finish. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(2);
  private static final String THREAD_NAME = "pilot-gate-http";

  private static final Logger LOG = LoggerFactory.getLogger(GateService.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String JSON_TYPE = "application/json; charset=utf-8";

  private final InetSocketAddress address;
  private final Path rulesDirectory;
  private final boolean trustedRules;
  private final GateEvaluator suppliedEvaluator;
  private final int maxBodyBytes;
  private final int maxHeaderBytes;
  private final int maxConnections;
  private final Duration headerTimeout;
  private final Duration bodyTimeout;
  private final Duration idleTimeout;
  private final PilotReader reader = PilotReader.create();

  // Guarded by this; set by start(), cleared by close(). The evaluator and the scheduler are
  // read by handlers, which run only while the server runs, hence volatile.
  private Server server;
  private ServerConnector connector;
  private GracefulHandler graceful;
  private volatile Scheduler scheduler;
  private volatile GateEvaluator evaluator;
  private boolean ownsEvaluator;

  private GateService(Builder b) {
    this.address = new InetSocketAddress(b.bind, b.port);
    this.rulesDirectory = b.rulesDirectory;
    this.trustedRules = b.trustedRules;
    this.suppliedEvaluator = b.evaluator;
    this.maxBodyBytes = b.maxBodyBytes;
    this.maxHeaderBytes = b.maxHeaderBytes;
    this.maxConnections = b.maxConnections;
    this.headerTimeout = b.headerTimeout;
    this.bodyTimeout = b.bodyTimeout;
    this.idleTimeout = b.idleTimeout;
  }

  /**
   * A builder: port {@value #DEFAULT_PORT}, bind {@value #DEFAULT_BIND}, the bundled rules, and
   * the default limits (1 MB bodies, 8 KiB headers, 256 connections, timeouts of 10 s for
   * headers, 30 s for a body, 30 s of silence).
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Loads the rules (unless an evaluator was given) and starts listening.
   *
   * @return the port the service listens on (the one chosen by the system for port 0)
   * @throws RuleSetException if the rules cannot be loaded (nothing is left running)
   * @throws IOException if the address cannot be bound, e.g. the port is in use (nothing is left running)
   * @throws IllegalStateException if the service is already started (a closed service may be started again)
   */
  public synchronized int start() throws IOException {
    if (server != null) {
      throw new IllegalStateException("already started on port " + port());
    }
    GateEvaluator rules = suppliedEvaluator != null ? suppliedEvaluator : loadRules(rulesDirectory, trustedRules);
    QueuedThreadPool threads = new QueuedThreadPool(Math.max(MIN_THREADS, 4 * Runtime.getRuntime().availableProcessors()));
    threads.setName(THREAD_NAME);
    Server jetty = new Server(threads);
    jetty.setStopTimeout(0); // close() waits for running requests itself, not for idle or slow connections

    HttpConfiguration http = new HttpConfiguration();
    http.setRequestHeaderSize(maxHeaderBytes);
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    RequestHeaderTimeout headerDeadline = new RequestHeaderTimeout(jetty.getScheduler(), headerTimeout);
    http.addCustomizer(headerDeadline);

    // One acceptor thread, one selector thread: the acceptor only accepts.
    ServerConnector listener = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(http));
    listener.setHost(address.getHostString());
    listener.setPort(address.getPort());
    listener.setIdleTimeout(idleTimeout.toMillis());
    listener.addEventListener(headerDeadline);
    jetty.addConnector(listener);
    jetty.addBean(new NetworkConnectionLimit(maxConnections, listener));

    jetty.setErrorHandler(new JsonErrorHandler());
    // Graceful: on close(), running requests may finish; new ones get 503.
    GracefulHandler requests = new GracefulHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        GateService.this.handle(new Exchange(request, response, callback));
        return true;
      }
    });
    jetty.setHandler(requests);

    evaluator = rules;
    scheduler = jetty.getScheduler();
    try {
      jetty.start();
    } catch (Exception e) {
      stopQuietly(jetty);
      evaluator = null;
      scheduler = null;
      if (suppliedEvaluator == null) {
        rules.close();
      }
      if (e instanceof IOException io) { // e.g. "Failed to bind to /127.0.0.1:8080", caused by a BindException
        Throwable cause = io.getCause();
        throw cause instanceof IOException bind && cause.getMessage() != null
            ? new IOException(bind.getMessage(), io) : io;
      }
      throw e instanceof RuntimeException r ? r : new IllegalStateException("the server did not start: " + e, e);
    }
    ownsEvaluator = suppliedEvaluator == null;
    server = jetty;
    connector = listener;
    graceful = requests;
    LOG.info("listening on http://{}:{} with rules {} from {}", address.getHostString(), port(),
        rules.rulesVersion(), rules.rulesSource());
    return port();
  }

  /** The port the service listens on. */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return connector.getLocalPort();
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
   * threads and, unless the evaluator was given by the host, closes it (which stops the rules
   * watcher). Idempotent.
   */
  @Override
  public synchronized void close() {
    if (server == null) {
      return;
    }
    // First the running requests (new ones get 503 meanwhile), then the connections, whatever state they are in.
    try {
      graceful.shutdown().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.warn("{} requests still running after {} ms are cut off", graceful.getCurrentRequestCount(), STOP_GRACE.toMillis());
    } catch (ExecutionException e) {
      LOG.warn("waiting for the running requests failed: {}", e.getCause().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stopQuietly(server);
    if (ownsEvaluator) {
      evaluator.close();
    }
    server = null;
    connector = null;
    graceful = null;
    LOG.info("stopped");
  }

  private static void stopQuietly(Server jetty) {
    try {
      jetty.stop();
    } catch (Exception e) {
      LOG.warn("the server did not stop cleanly: {}", e.toString());
    }
  }

  // ---------------------------------------------------------------------------------------
  // Requests

  /** One request, its response, and the callback that completes both. */
  private record Exchange(Request request, Response response, Callback callback) {
    String method() {
      return request.getMethod();
    }

    String path() {
      return request.getHttpURI().getDecodedPath();
    }

    HttpFields headers() {
      return request.getHeaders();
    }
  }

  private void handle(Exchange exchange) {
    try {
      route(exchange);
    } catch (RuntimeException e) {
      fail(exchange, e);
    }
  }

  /** Anything unexpected: logged with its stack trace, answered 500 with a short message if nothing was sent yet. */
  private static void fail(Exchange exchange, RuntimeException e) {
    LOG.error("{} {}: unexpected failure", exchange.method(), exchange.path(), e);
    if (exchange.response().isCommitted()) {
      exchange.callback().failed(e);
    } else {
      send(exchange, 500, error("internal error; the service log has the details"));
    }
  }

  private void route(Exchange exchange) {
    String method = exchange.method();
    switch (exchange.path()) {
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
      default -> send(exchange, 404, error("no such resource: " + exchange.path()
          + "; there are POST /evaluate, GET /rules/status and GET /health"));
    }
  }

  /** POST /evaluate: the query, the content type, the size, then (once the body is in) the document and the decision. */
  private void evaluate(Exchange exchange) {
    // 1. ?asOf=YYYY-MM-DD, the only parameter.
    LocalDate asOf = null;
    List<ObjectNode> queryErrors = new ArrayList<>();
    String query = exchange.request().getHttpURI().getQuery(); // raw, still URL-encoded
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
    String contentType = exchange.headers().get(HttpHeader.CONTENT_TYPE);
    PilotReader.Format format = formatOf(contentType);
    if (format == null) {
      exchange.response().getHeaders().put("Accept-Post", "application/json, application/yaml, text/yaml");
      send(exchange, 415, error("unsupported Content-Type '" + contentType
          + "'; send application/json, application/yaml or text/yaml, in UTF-8"));
      return;
    }

    // 3. The body, at most maxBodyBytes: refused before reading when its declared length says so,
    //    else read as it arrives, without holding a thread while it is awaited.
    if (exchange.request().getLength() > maxBodyBytes) {
      tooLarge(exchange);
      return;
    }
    LocalDate day = asOf;
    new BodyReader(exchange, body -> decide(exchange, format, day, body)).start();
  }

  /** Steps 4 and 5 of POST /evaluate, once the whole body is in: the document, then the decision. */
  private void decide(Exchange exchange, PilotReader.Format format, LocalDate asOf, byte[] body) {
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

  private void tooLarge(Exchange exchange) {
    exchange.response().getHeaders().put(HttpHeader.CONNECTION, "close");
    send(exchange, 413, error("the request body is larger than " + maxBodyBytes + " bytes"));
  }

  /**
   * Reads a request body of at most {@link #maxBodyBytes} as it arrives: it asks Jetty to call
   * it back when more is there ({@link Request#demand}) instead of waiting on a thread, so a
   * slow body holds a connection but no thread. Ends in exactly one of: the body (handed to
   * {@code then}, on a pool thread), 413 (one byte too many), 408 (the {@link #bodyTimeout}
   * passed, or nothing arrived for the {@link #idleTimeout}), or the request failed (the client
   * went away).
   */
  private final class BodyReader implements Runnable {
    private final Exchange exchange;
    private final Consumer<byte[]> then;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile Scheduler.Task deadline;

    BodyReader(Exchange exchange, Consumer<byte[]> then) {
      this.exchange = exchange;
      this.then = then;
    }

    void start() {
      deadline = scheduler.schedule(() -> {
        if (done.compareAndSet(false, true)) {
          timedOut(exchange, "the request body did not arrive within " + bodyTimeout.toMillis() + " ms");
        }
      }, bodyTimeout.toMillis(), TimeUnit.MILLISECONDS);
      run();
    }

    /** Reads what is there; Jetty calls it again (one call at a time) when there is more. */
    @Override
    public void run() {
      try {
        while (!done.get()) {
          Content.Chunk chunk = exchange.request().read();
          if (chunk == null) {
            exchange.request().demand(this);
            return;
          }
          if (Content.Chunk.isFailure(chunk)) {
            failed(chunk.getFailure());
            return;
          }
          ByteBuffer bytes = chunk.getByteBuffer();
          boolean over = body.size() + bytes.remaining() > maxBodyBytes;
          if (!over) {
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            body.write(copy, 0, copy.length);
          }
          boolean last = chunk.isLast();
          chunk.release();
          if (over) {
            if (finish()) {
              tooLarge(exchange);
            }
            return;
          }
          if (last) {
            if (finish()) {
              then.accept(body.toByteArray());
            }
            return;
          }
        }
      } catch (RuntimeException e) {
        fail(exchange, e);
      }
    }

    private boolean finish() {
      if (!done.compareAndSet(false, true)) {
        return false; // the deadline passed first and answered
      }
      deadline.cancel();
      return true;
    }

    private void failed(Throwable failure) {
      if (!finish()) {
        return;
      }
      if (failure instanceof TimeoutException) { // Jetty's idle timeout, while the body was awaited
        timedOut(exchange, "nothing of the request body arrived for " + idleTimeout.toMillis() + " ms");
      } else {
        LOG.debug("{} {}: the body could not be read: {}", exchange.method(), exchange.path(), failure.toString());
        exchange.callback().failed(failure);
      }
    }
  }

  private static void timedOut(Exchange exchange, String message) {
    exchange.response().getHeaders().put(HttpHeader.CONNECTION, "close");
    send(exchange, 408, error(message));
  }

  /** JSON for {@code application/json}, any {@code +json} type, or no Content-Type; YAML for the YAML types. */
  static PilotReader.Format formatOf(String contentType) {
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

  private void health(Exchange exchange) {
    ObjectNode body = JSON.createObjectNode();
    GateEvaluator rules = evaluator;
    if (rules != null) {
      send(exchange, 200, body.put("status", "UP").put("rulesVersion", rules.rulesVersion()).toString());
    } else {
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

  private static void methodNotAllowed(Exchange exchange, String allow) {
    exchange.response().getHeaders().put(HttpHeader.ALLOW, allow);
    send(exchange, 405, error(exchange.method() + " is not allowed on " + exchange.path() + "; allowed: " + allow));
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

  /** Sends the answer and completes the exchange (asynchronously: no thread waits for the client to take it). */
  private static void send(Exchange exchange, int status, String json) {
    sendJson(exchange.request(), exchange.response(), exchange.callback(), status, json);
  }

  private static void sendJson(Request request, Response response, Callback callback, int status, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    HttpFields.Mutable headers = response.getHeaders();
    headers.put(HttpHeader.CONTENT_TYPE, JSON_TYPE);
    headers.put(HttpHeader.CACHE_CONTROL, "no-store");
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, request.getMethod().equals("HEAD") ? null : ByteBuffer.wrap(body), callback);
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  // ---------------------------------------------------------------------------------------
  // Connections

  /**
   * The header timeout, which Jetty does not have: closes a connection whose next request's
   * line and headers have not all arrived within {@code timeout} of the connection's opening or
   * of the end of its previous exchange. A connection listener arms it; a customizer, which
   * Jetty runs as soon as a request's headers are parsed, disarms it; the end of the exchange
   * arms it again for the next request on a kept-alive connection. The body has its own
   * deadline ({@link BodyReader}). Uses Jetty's public API only, so a host may copy it as is.
   */
  static final class RequestHeaderTimeout implements Connection.Listener, HttpConfiguration.Customizer {
    private final Scheduler scheduler;
    private final long timeoutMillis;
    private final Map<Connection, Deadline> deadlines = new ConcurrentHashMap<>();

    RequestHeaderTimeout(Scheduler scheduler, Duration timeout) {
      this.scheduler = scheduler;
      this.timeoutMillis = timeout.toMillis();
    }

    @Override
    public void onOpened(Connection connection) {
      arm(connection);
    }

    @Override
    public void onClosed(Connection connection) {
      disarm(connection);
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
      Connection connection = request.getConnectionMetaData().getConnection();
      disarm(connection);
      Request.addCompletionListener(request, failure -> {
        if (connection.getEndPoint().isOpen()) {
          arm(connection);
        }
      });
      return request;
    }

    private void arm(Connection connection) {
      Deadline deadline = new Deadline(connection);
      Deadline previous = deadlines.put(connection, deadline);
      if (previous != null) {
        previous.cancel();
      }
      deadline.task = scheduler.schedule(deadline, timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private void disarm(Connection connection) {
      Deadline deadline = deadlines.remove(connection);
      if (deadline != null) {
        deadline.cancel();
      }
    }

    /** Closes its connection when it runs, unless it was disarmed or replaced meanwhile. */
    private final class Deadline implements Runnable {
      private final Connection connection;
      private volatile Scheduler.Task task;

      Deadline(Connection connection) {
        this.connection = connection;
      }

      @Override
      public void run() {
        if (deadlines.remove(connection, this)) {
          LOG.debug("closing {}: no complete request headers within {} ms", connection, timeoutMillis);
          connection.getEndPoint().close(new TimeoutException("no complete request headers within " + timeoutMillis + " ms"));
        }
      }

      void cancel() {
        Scheduler.Task t = task;
        if (t != null) {
          t.cancel(); // not scheduled yet: it will run, find itself removed, and do nothing
        }
      }
    }
  }

  /**
   * Jetty's own error answers (a request it cannot parse: 400, 414, 431, 505; a request while
   * stopping: 503) in the service's shape, {@code {"error":"..."}}, with no stack trace.
   */
  private static final class JsonErrorHandler extends ErrorHandler {
    @Override
    public boolean errorPageForMethod(String method) {
      return true; // a body for every method, not only GET, POST and HEAD
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
        Callback callback) {
      String reason = HttpStatus.getMessage(code);
      String text = message == null || message.isBlank() || message.equals(reason) || (cause != null && message.equals(cause.toString()))
          ? reason : reason + ": " + oneLine(message);
      sendJson(request, response, callback, code, error(text));
    }
  }

  // ---------------------------------------------------------------------------------------
  // Rules

  /** The bundled rules, or the directory's, watched, with every reload logged. */
  private static GateEvaluator loadRules(Path directory, boolean trusted) {
    if (directory == null) {
      return GateEvaluator.create();
    }
    return GateEvaluator.builder()
        .rulesDirectory(directory)
        .trustedRules(trusted)
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

  // ---------------------------------------------------------------------------------------
  // Configuration

  /** Options of a {@link GateService}. Not thread-safe; {@link #build()} copies them. */
  public static final class Builder {
    private int port = DEFAULT_PORT;
    private String bind = DEFAULT_BIND;
    private Path rulesDirectory;
    private boolean trustedRules;
    private GateEvaluator evaluator;
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private int maxHeaderBytes = DEFAULT_MAX_HEADER_BYTES;
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;
    private Duration headerTimeout = DEFAULT_HEADER_TIMEOUT;
    private Duration bodyTimeout = DEFAULT_BODY_TIMEOUT;
    private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;

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
     * Whether the rules directory's rules are trusted: the rule checker is off
     * ({@code GateEvaluator.Builder.trustedRules}). Default: false.
     */
    public Builder trustedRules(boolean trusted) {
      this.trustedRules = trusted;
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
      this.maxBodyBytes = positive("maxBodyBytes", bytes);
      return this;
    }

    /** The largest request line and headers together, in bytes; larger ones get 431. Default: 8 KiB. */
    public Builder maxHeaderBytes(int bytes) {
      this.maxHeaderBytes = positive("maxHeaderBytes", bytes);
      return this;
    }

    /**
     * The most connections open at once; beyond it, new ones wait in the system's accept queue
     * until one closes. Default {@value #DEFAULT_MAX_CONNECTIONS}.
     */
    public Builder maxConnections(int connections) {
      this.maxConnections = positive("maxConnections", connections);
      return this;
    }

    /**
     * How long a request's line and headers may take to arrive, from the connection's opening or
     * the previous answer on it; then the connection is closed without an answer. Default 10 s.
     */
    public Builder headerTimeout(Duration timeout) {
      this.headerTimeout = positive("headerTimeout", timeout);
      return this;
    }

    /** How long a request's body may take to arrive, after its headers; then 408. Default 30 s. */
    public Builder bodyTimeout(Duration timeout) {
      this.bodyTimeout = positive("bodyTimeout", timeout);
      return this;
    }

    /**
     * How long a connection may stay silent (nothing arrives, or nothing can be sent); then it is
     * closed, with 408 while a body is awaited. Default 30 s.
     */
    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = positive("idleTimeout", timeout);
      return this;
    }

    public GateService build() {
      return new GateService(this);
    }

    private static int positive(String name, int value) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be positive but was " + value);
      }
      return value;
    }

    private static Duration positive(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.toMillis() < 1) {
        throw new IllegalArgumentException(name + " must be at least 1 ms but was " + value.toMillis() + " ms");
      }
      return value;
    }
  }

  // ---------------------------------------------------------------------------------------
  // Standalone

  /**
   * Runs the service until Ctrl-C (or SIGTERM): {@code [--port N] [--bind ADDRESS] [--rules DIR]
   * [--header-timeout MS] [--body-timeout MS] [--idle-timeout MS] [--max-connections N]
   * [--max-body-bytes N]}. Exit code 2 when the arguments or the rules are wrong or the port is
   * taken. The command line's {@code serve} command does the same.
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
          case "--header-timeout" -> builder.headerTimeout(Duration.ofMillis(Long.parseLong(value(args, ++i))));
          case "--body-timeout" -> builder.bodyTimeout(Duration.ofMillis(Long.parseLong(value(args, ++i))));
          case "--idle-timeout" -> builder.idleTimeout(Duration.ofMillis(Long.parseLong(value(args, ++i))));
          case "--max-connections" -> builder.maxConnections(Integer.parseInt(value(args, ++i)));
          case "--max-body-bytes" -> builder.maxBodyBytes(Integer.parseInt(value(args, ++i)));
          case "-h", "--help" -> {
            System.out.println("usage: GateService [--port N (default 8080, 0: any free)] [--bind ADDRESS"
                + " (default 127.0.0.1)] [--rules DIR (default: the bundled rules)] [--header-timeout MS (default 10000)]"
                + " [--body-timeout MS (default 30000)] [--idle-timeout MS (default 30000)]"
                + " [--max-connections N (default 256)] [--max-body-bytes N (default 1048576)]");
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
