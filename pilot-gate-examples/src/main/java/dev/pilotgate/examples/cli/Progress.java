package dev.pilotgate.examples.cli;

import java.io.Console;
import java.io.PrintWriter;

/**
 * A progress line on stderr for long runs ({@code deciding 37/250 pilots}), rewritten in place
 * with a carriage return and cleared at the end, so the terminal is left as it was. Shown only
 * when asked for (the command line runs in a terminal) and for more than {@link #THRESHOLD}
 * items: pipes, files, CI logs and tests never see it. Not thread-safe: one thread steps it.
 */
final class Progress {
  /** Fewer items than this are decided too fast to need a progress line. */
  static final int THRESHOLD = 20;
  /** At most one redraw per this many nanoseconds (a terminal is slow, and eyes slower). */
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final String what;
  private final int total;
  private final boolean shown;
  private int done;
  private long lastDrawn;
  private int lastWidth;

  private Progress(PrintWriter err, String what, int total, boolean shown) {
    this.err = err;
    this.what = what;
    this.total = total;
    this.shown = shown;
  }

  /**
   * A progress line for {@code total} items called {@code what} (e.g. {@code pilots}), shown
   * when {@code terminal} and {@code total > THRESHOLD}; otherwise every call does nothing.
   */
  static Progress of(PrintWriter err, String what, int total, boolean terminal) {
    return new Progress(err, what, total, terminal && total > THRESHOLD);
  }

  /** Whether this progress line is drawn at all. */
  boolean shown() {
    return shown;
  }

  /** One more item is done. */
  void step() {
    done++;
    if (!shown) {
      return;
    }
    long now = System.nanoTime();
    if (done == 1 || done == total || now - lastDrawn >= REDRAW_NANOS) {
      lastDrawn = now;
      String line = "deciding " + done + "/" + total + " " + what;
      err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
      err.flush();
      lastWidth = line.length();
    }
  }

  /** Clears the line, so that what comes next starts on a clean one. */
  void done() {
    if (shown && lastWidth > 0) {
      err.print("\r" + " ".repeat(lastWidth) + "\r");
      err.flush();
      lastWidth = 0;
    }
  }

  /**
   * Whether the process runs in a terminal: {@link System#console()} is not {@code null} (and,
   * on JDK 22 and later, where a console exists for pipes too, {@code Console.isTerminal()}).
   */
  static boolean inTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException beforeJdk22) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
