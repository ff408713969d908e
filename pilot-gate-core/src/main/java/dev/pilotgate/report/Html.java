package dev.pilotgate.report;

/**
 * Escaping for text that comes from pilot documents and decisions. Every such string goes
 * through {@link #esc(String)} before it reaches the page, in element content and in
 * attribute values alike (the same escaping is safe in both, quoted attributes assumed).
 * Stateless and thread-safe.
 */
final class Html {
  private static final char REPLACEMENT = '\uFFFD';

  private Html() {}

  /**
   * {@code s} as HTML text: {@code & < > " '} become character references; control
   * characters other than tab, line feed and carriage return, and unpaired surrogates,
   * become U+FFFD (they are not allowed in an HTML document). {@code null} is empty.
   */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c) || isDisallowedControl(c)) {
            out.append(REPLACEMENT);
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** A value for an {@code id} attribute: letters, digits, {@code -} and {@code _} only. */
  static String idPart(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
      out.append(ok ? c : '-');
    }
    return out.isEmpty() ? "x" : out.toString();
  }

  private static boolean isDisallowedControl(char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
  }
}
