package dev.pilotgate.ruleset;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A snapshot of what rules an evaluator is using and how its last (re)load went.
 * Immutable and thread-safe.
 *
 * @param activeVersion the version deciding now
 * @param activatedAt   when it became active
 * @param source        where the rules come from (a directory, or {@code classpath:...})
 * @param watching      whether the directory is watched for changes
 * @param lastAttemptAt when a reload was last attempted, or {@code null} when never
 * @param lastError     the problems of the last attempt if it was rejected, else empty
 * @param activations   how many rule sets were activated, the first one included
 * @param rejections    how many reload attempts were rejected
 */
public record RuleSetStatus(
    String activeVersion,
    Instant activatedAt,
    String source,
    boolean watching,
    Instant lastAttemptAt,
    List<RuleProblem> lastError,
    long activations,
    long rejections) {

  public RuleSetStatus {
    Objects.requireNonNull(activeVersion, "activeVersion");
    Objects.requireNonNull(activatedAt, "activatedAt");
    Objects.requireNonNull(source, "source");
    lastError = List.copyOf(lastError);
  }

  /** Whether the last reload attempt was rejected. */
  public boolean lastAttemptFailed() {
    return !lastError.isEmpty();
  }
}
