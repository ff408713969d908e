package dev.pilotgate.internal.io;

import java.io.Reader;

/**
 * The text of a YAML document as SnakeYAML reads it, stopping the reading as soon as it is
 * certain that a text is over the length limit, before SnakeYAML has scanned it whole.
 *
 * <p>Why: SnakeYAML keeps the characters of the token it is scanning in a window that it copies
 * each time it reads 1,024 more, so one long word, quoted text, block-scalar line, comment line or
 * run of spaces costs time and memory that grow with the square of its length (a 4.9 MB text took
 * seconds and tens of gigabytes of allocation, and was refused only afterwards). Jackson's
 * {@code StreamReadConstraints.maxStringLength} is not applied by the YAML parser of 2.20, and
 * SnakeYAML's {@code LoaderOptions.setCodePointLimit} bounds only the whole document (it is set to
 * the document size limit). Watching the characters on their way in is the one public hook.
 *
 * <p>Two counts:
 * <ul>
 *   <li>the characters read since {@link #mark()} (called before each token is asked for), not
 *       counting line breaks, indentation and comment lines (a line starting with {@code #} in a
 *       block scalar, after {@code key: |}, is text and counts): between two values a document holds
 *       one value and the next field's name, so more than that is a text over the limit, refused
 *       after about {@code limit} characters rather than after all of it. A line of many short
 *       values (a long flow list) is not stopped: each value starts the count anew, and SnakeYAML
 *       reads it at linear cost;</li>
 *   <li>the length of a comment line, or of the indentation of a line, which the first count does
 *       not see but which SnakeYAML also scans in one look-ahead: at most {@code maxStringLength},
 *       like a text.</li>
 * </ul>
 * The first limit, {@link #limit()}, is {@code 8 × maxStringLength + 4096}: a character of a text
 * may be written as six (a backslash, {@code u} and four hex digits), the next field's name comes on
 * top, and SnakeYAML reads up to 1,024 characters ahead; so it stops only texts over the limit (short
 * of a text written wholly in such escapes followed by a field name about as long, which no pilot
 * document has). A document that is stopped is refused with {@link Tripped}, an unchecked
 * exception that passes through SnakeYAML and Jackson unchanged. Not thread-safe; one per parse.
 */
final class YamlScanGuard extends Reader {
  /** Why reading stopped: a text, or a line, over {@link #limit()}. Carries no stack trace. */
  static final class Tripped extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean wholeLine;
    private final int line;

    Tripped(boolean wholeLine, int line) {
      super(null, null, false, false);
      this.wholeLine = wholeLine;
      this.line = line;
    }

    /** {@code true} for a comment line or indentation over the limit, {@code false} for a text. */
    boolean wholeLine() {
      return wholeLine;
    }

    /** The 1-based line: where the text began to be counted (SnakeYAML may have read ahead of it), or the long line. */
    int line() {
      return line;
    }
  }

  private final String text;
  private final long limit;
  private final int maxLineLength;
  private int pos;
  private int line = 1;
  /** Characters of the current line while it is indentation or a comment line. */
  private int lineLength;
  private int indent;
  private boolean inIndent = true;
  private boolean commentLine;
  /** The indentation of the line that opened a block scalar ({@code |} or {@code >}), or -1 outside one. */
  private int blockIndent = -1;
  // the last word of a line outside a block scalar: is it a block scalar's header ("|", ">-", "|2")?
  private boolean wordStart = true;
  private int wordLength;
  private boolean header;
  private boolean trailingComment;
  private long run;
  private int runLine;

  YamlScanGuard(String text, int maxStringLength) {
    this.text = text;
    this.limit = 8L * maxStringLength + 4096;
    this.maxLineLength = maxStringLength;
  }

  /** The document's text. */
  String text() {
    return text;
  }

  /** The most characters of text read between two values. */
  long limit() {
    return limit;
  }

  /** Starts counting the text anew: the parser is about to ask for the next value. */
  void mark() {
    run = 0;
  }

  @Override
  public int read(char[] buf, int off, int len) {
    if (len == 0) {
      return 0;
    }
    if (pos >= text.length()) {
      return -1;
    }
    int n = Math.min(len, text.length() - pos);
    for (int i = pos; i < pos + n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        // SnakeYAML's line count: \r\n is one break
        if (c != '\r' || i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
          line++;
        }
        if (!inIndent && !commentLine && blockIndent < 0 && header) {
          blockIndent = indent; // the lines after "key: |" are text, even those that start with #
        }
        lineLength = 0;
        indent = 0;
        inIndent = true;
        commentLine = false;
        wordStart = true;
        header = false;
        trailingComment = false;
        continue;
      }
      if (inIndent) {
        if (++lineLength > maxLineLength) {
          throw new Tripped(true, line);
        }
        if (c == ' ' || c == '\t') {
          indent++;
          continue;
        }
        inIndent = false;
        if (blockIndent >= 0 && indent <= blockIndent) {
          blockIndent = -1; // a line no deeper than the header's ends the block scalar
        }
        commentLine = c == '#' && blockIndent < 0;
      }
      if (commentLine) {
        if (++lineLength > maxLineLength) {
          throw new Tripped(true, line);
        }
        continue;
      }
      if (run == 0) {
        runLine = line;
      }
      if (++run > limit) {
        throw new Tripped(false, runLine);
      }
      if (blockIndent < 0 && !trailingComment) {
        if (c == ' ' || c == '\t') {
          wordStart = true;
        } else if (wordStart) {
          wordStart = false;
          trailingComment = c == '#';
          header = c == '|' || c == '>';
          wordLength = 1;
        } else {
          header = header && ++wordLength <= 3 && "+-123456789".indexOf(c) >= 0;
        }
      }
    }
    text.getChars(pos, pos + n, buf, off);
    pos += n;
    return n;
  }

  @Override
  public void close() {
    // nothing to release
  }
}
