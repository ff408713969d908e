package dev.pilotgate.examples.cli;

import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A long-running command line ({@code watch}) run in-process on a thread of its own, its
 * stdout and stderr collected for the test to poll; {@link #stop} interrupts it, as the
 * shutdown hook does on Ctrl-C.
 */
final class BackgroundCli implements AutoCloseable {
  private static final Charset CHARSET = PilotGateCli.outputCharset();

  private final ByteArrayOutputStream out = new ByteArrayOutputStream(); // synchronized
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Thread thread;
  private volatile Integer exitCode;

  private BackgroundCli(String... args) {
    thread = new Thread(() -> {
      try (PrintStream o = new PrintStream(out, true, CHARSET); PrintStream e = new PrintStream(err, true, CHARSET)) {
        exitCode = PilotGateCli.run(o, e, args);
      }
    }, "pilot-gate-cli-under-test");
    thread.setDaemon(true);
  }

  static BackgroundCli start(String... args) {
    BackgroundCli cli = new BackgroundCli(args);
    cli.thread.start();
    return cli;
  }

  String out() {
    return out.toString(CHARSET);
  }

  String err() {
    return err.toString(CHARSET);
  }

  /** The complete lines on stdout so far. */
  List<String> outLines() {
    String text = out();
    int end = text.lastIndexOf('\n');
    return end < 0 ? List.of() : text.substring(0, end).lines().toList();
  }

  boolean isRunning() {
    return thread.isAlive();
  }

  /** Waits until the stdout lines satisfy {@code condition}; fails the test after {@code timeout}. */
  List<String> awaitOut(String what, Duration timeout, Predicate<List<String>> condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<String> lines = outLines();
      if (condition.test(lines)) {
        return lines;
      }
      check(what, deadline);
    }
  }

  /** Waits until stderr satisfies {@code condition}; fails the test after {@code timeout}. */
  String awaitErr(String what, Duration timeout, Predicate<String> condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String text = err();
      if (condition.test(text)) {
        return text;
      }
      check(what, deadline);
    }
  }

  private void check(String what, long deadline) {
    if (!thread.isAlive()) {
      fail("the command ended (exit " + exitCode + ") before " + what + "\n" + this);
    }
    if (System.nanoTime() > deadline) {
      fail("timed out waiting for " + what + "\n" + this);
    }
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted waiting for " + what);
    }
  }

  /** Interrupts the command and waits for it to end; returns its exit code (fails the test if it does not end). */
  int stop(Duration timeout) throws InterruptedException {
    thread.interrupt();
    thread.join(timeout.toMillis());
    if (thread.isAlive()) {
      fail("the command did not stop within " + timeout + "\n" + this);
    }
    return exitCode;
  }

  /** Makes sure nothing is left running, whatever the test did. */
  @Override
  public void close() {
    if (thread.isAlive()) {
      thread.interrupt();
      try {
        thread.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public String toString() {
    return "--- stdout ---\n" + out() + "\n--- stderr ---\n" + err();
  }
}
