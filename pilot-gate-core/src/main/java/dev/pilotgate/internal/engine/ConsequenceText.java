package dev.pilotgate.internal.engine;

/**
 * Turns the DRL-only syntax of a Java-dialect consequence into plain Java, so that a Java parser
 * can read it: {@code modify($x) { setA(1), setB(2) }} (and {@code with(...) {...}}) becomes
 * {@code modify($x); { setA(1); setB(2); }} — the same calls, with the same line breaks. Strings,
 * characters and comments are copied untouched. Used only to check the code, never to run it.
 */
final class ConsequenceText {
  private ConsequenceText() {}

  static String rewriteModifyBlocks(String code) {
    StringBuilder out = new StringBuilder(code.length() + 16);
    int n = code.length();
    int i = 0;
    while (i < n) {
      char c = code.charAt(i);
      int skip = skipLiteralOrComment(code, i);
      if (skip > i) {
        out.append(code, i, skip);
        i = skip;
      } else if (Character.isJavaIdentifierStart(c)) {
        int end = i;
        while (end < n && Character.isJavaIdentifierPart(code.charAt(end))) {
          end++;
        }
        String word = code.substring(i, end);
        int open = skipSpace(code, end);
        boolean qualified = lastNonSpace(out) == '.';
        if (!qualified && (word.equals("modify") || word.equals("with")) && open < n && code.charAt(open) == '(') {
          int close = matching(code, open, '(', ')');
          int brace = close < 0 ? -1 : skipSpace(code, close + 1);
          if (brace >= 0 && brace < n && code.charAt(brace) == '{') {
            int endBrace = matching(code, brace, '{', '}');
            if (endBrace > 0) {
              out.append(code, i, close + 1).append(';').append(code, close + 1, brace + 1);
              out.append(topLevelCommasToSemicolons(code.substring(brace + 1, endBrace))).append(";}");
              i = endBrace + 1;
              continue;
            }
          }
        }
        out.append(word);
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static char lastNonSpace(StringBuilder sb) {
    for (int k = sb.length() - 1; k >= 0; k--) {
      if (!Character.isWhitespace(sb.charAt(k))) {
        return sb.charAt(k);
      }
    }
    return 0;
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The end of a string, character literal or comment starting at {@code i}, or {@code i} when none starts there. */
  private static int skipLiteralOrComment(String s, int i) {
    char c = s.charAt(i);
    if (c == '"' || c == '\'') {
      int k = i + 1;
      while (k < s.length() && s.charAt(k) != c) {
        k += s.charAt(k) == '\\' ? 2 : 1;
      }
      return Math.min(k + 1, s.length());
    }
    if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
      int nl = s.indexOf('\n', i);
      return nl < 0 ? s.length() : nl;
    }
    if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
      int end = s.indexOf("*/", i + 2);
      return end < 0 ? s.length() : end + 2;
    }
    return i;
  }

  /** The index of the bracket closing the one at {@code open}, or -1. */
  private static int matching(String s, int open, char o, char cl) {
    int depth = 0;
    int i = open;
    while (i < s.length()) {
      int skip = skipLiteralOrComment(s, i);
      if (skip > i) {
        i = skip;
        continue;
      }
      char c = s.charAt(i);
      if (c == o) {
        depth++;
      } else if (c == cl && --depth == 0) {
        return i;
      }
      i++;
    }
    return -1;
  }

  private static String topLevelCommasToSemicolons(String body) {
    StringBuilder out = new StringBuilder(body.length());
    int depth = 0;
    int i = 0;
    while (i < body.length()) {
      int skip = skipLiteralOrComment(body, i);
      if (skip > i) {
        out.append(body, i, skip);
        i = skip;
        continue;
      }
      char c = body.charAt(i);
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      }
      out.append(c == ',' && depth == 0 ? ';' : c);
      i++;
    }
    return out.toString();
  }
}
