package dev.pilotgate.internal.engine;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.KeepReferenceOption;
import org.kie.api.runtime.conf.ThreadSafeOption;

/**
 * Idle rule sessions of one {@link CompiledRuleSet}, reset and reused. A new Drools session
 * builds its node and segment memories lazily, on its first evaluation; that was a fifth of the
 * time of a typical evaluation (docs/benchmarks.md). A session that has been reset keeps those
 * memories, empty, so the next evaluation skips the work.
 *
 * <p>Thread-safe. {@link #acquire()} takes an idle session or makes a new one; {@link #release}
 * resets it and keeps it if fewer than {@code maxIdle} are idle (as many as threads evaluate at
 * once, at most), else disposes it. A session whose evaluation failed is disposed, never reused:
 * its state is unknown. {@link #close()} disposes every idle session; sessions released after it
 * are disposed.
 */
final class SessionPool {
  private final KieBase kieBase;
  private final KieSessionConfiguration conf;
  private final int maxIdle;
  private final ConcurrentLinkedDeque<KieSession> idle = new ConcurrentLinkedDeque<>();
  private final AtomicInteger idleCount = new AtomicInteger();
  private volatile boolean closed;

  SessionPool(KieBase kieBase, int maxIdle) {
    this.kieBase = kieBase;
    this.maxIdle = maxIdle;
    // One thread at a time uses a session (the pool hands it over), so it needs no locking;
    // the base need not track pooled sessions.
    this.conf = KieServices.get().newKieSessionConfiguration();
    conf.setOption(ThreadSafeOption.NO);
    conf.setOption(KeepReferenceOption.NO);
  }

  /** An empty session: an idle one, or a new one. */
  KieSession acquire() {
    KieSession session = idle.pollFirst();
    if (session != null) {
      idleCount.decrementAndGet();
      return session;
    }
    return kieBase.newKieSession(conf, null);
  }

  /**
   * Gives back a session taken with {@link #acquire()}: reset and kept for reuse when
   * {@code reusable} and there is room, else disposed.
   */
  void release(KieSession session, boolean reusable) {
    if (!reusable || closed || !(session instanceof StatefulKnowledgeSessionImpl impl)) {
      session.dispose();
      return;
    }
    try {
      impl.reset();
    } catch (RuntimeException e) {
      session.dispose();
      return;
    }
    if (idleCount.incrementAndGet() > maxIdle) {
      idleCount.decrementAndGet();
      session.dispose();
      return;
    }
    idle.offerFirst(session);
    if (closed) {
      drain();
    }
  }

  /** Disposes the idle sessions; later releases dispose theirs. */
  void close() {
    closed = true;
    drain();
  }

  private void drain() {
    KieSession s;
    while ((s = idle.pollFirst()) != null) {
      idleCount.decrementAndGet();
      s.dispose();
    }
  }
}
