package dev.pilotgate.internal.engine;

/**
 * One file of a rule set, read into memory so a build never sees a file change under it.
 *
 * @param name    file name inside the rule set (e.g. {@code criteria.drl})
 * @param display how to name the file in messages (its path as loaded)
 * @param content the bytes as read
 */
public record RuleFile(String name, String display, byte[] content) {
  public String text() {
    return new String(content, java.nio.charset.StandardCharsets.UTF_8);
  }
}
