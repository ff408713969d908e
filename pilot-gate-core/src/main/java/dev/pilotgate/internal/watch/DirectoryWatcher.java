package dev.pilotgate.internal.watch;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a rules directory and calls back once its content has changed and then stayed
 * the same for the debounce period, so that a file saved in several writes is seen whole.
 *
 * <p>Change is judged on content (a hash of every file's path and bytes), not on
 * timestamps, so coarse file-system clocks cannot hide an edit and touching a file is not a
 * change. File-system events wake the watcher early where the platform delivers them; a
 * poll every {@code pollInterval} finds changes where it does not (network and container
 * mounts). One daemon thread; {@link #close()} stops it.
 */
public final class DirectoryWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryWatcher.class);

  private final Path directory;
  private final Duration debounce;
  private final Duration pollInterval;
  private final Runnable onChange;
  private final Thread thread;
  private volatile boolean running = true;
  private WatchService events;

  private final byte[] initial;

  private DirectoryWatcher(Path directory, byte[] initial, Duration debounce, Duration pollInterval, Runnable onChange) {
    this.directory = directory;
    this.initial = initial;
    this.debounce = debounce;
    this.pollInterval = pollInterval;
    this.onChange = onChange;
    this.thread = new Thread(this::run, "pilot-gate-rules-watcher " + directory.getFileName());
    this.thread.setDaemon(true);
  }

  /**
   * Starts watching {@code directory}; {@code onChange} runs on the watcher's thread.
   *
   * @param initial the {@link #fingerprint(Path)} taken before the rules were loaded, so that
   *                an edit made while they loaded is not missed
   */
  public static DirectoryWatcher start(Path directory, byte[] initial, Duration debounce, Duration pollInterval,
      Runnable onChange) {
    DirectoryWatcher watcher = new DirectoryWatcher(directory, initial, debounce, pollInterval, onChange);
    watcher.events = watcher.openEvents();
    watcher.thread.start();
    return watcher;
  }

  private WatchService openEvents() {
    try {
      WatchService ws = FileSystems.getDefault().newWatchService();
      register(ws, directory);
      return ws;
    } catch (IOException | UnsupportedOperationException e) {
      LOG.info("no file events for {} ({}); polling every {}", directory, e.getMessage(), pollInterval);
      return null;
    }
  }

  private void register(WatchService ws, Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> dirs = Files.walk(root)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        dir.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
      }
    }
  }

  private void run() {
    byte[] seen = initial;
    while (running) {
      try {
        waitForSignal();
        byte[] now = fingerprint();
        if (Arrays.equals(now, seen)) {
          continue;
        }
        // Debounce: act only once the content has stayed the same for the whole period.
        byte[] settled;
        do {
          settled = now;
          Thread.sleep(debounce.toMillis());
          now = fingerprint();
        } while (running && !Arrays.equals(now, settled));
        seen = settled;
        if (running) {
          onChange.run();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ClosedWatchServiceException e) {
        return;
      } catch (RuntimeException e) {
        LOG.warn("watching {} failed; going on", directory, e);
      }
    }
  }

  /** Returns on a file-system event or after the poll interval, whichever comes first. */
  private void waitForSignal() throws InterruptedException {
    if (events == null) {
      Thread.sleep(pollInterval.toMillis());
      return;
    }
    WatchKey key = events.poll(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    while (key != null) {
      key.pollEvents();
      key.reset();
      key = events.poll();
    }
    try {
      register(events, directory); // new subfolders (scenarios/...) get events too; re-registering is a no-op
    } catch (IOException e) {
      LOG.debug("cannot register {}", directory, e);
    }
  }

  private byte[] fingerprint() {
    return fingerprint(directory);
  }

  /** A hash of every regular file's relative path and content under {@code directory}. */
  public static byte[] fingerprint(Path directory) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      if (!Files.isDirectory(directory)) {
        return sha.digest("missing".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      List<Path> files;
      try (Stream<Path> walk = Files.walk(directory)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path f : files) {
        sha.update(directory.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        sha.update((byte) 0);
        try {
          sha.update(Files.readAllBytes(f));
        } catch (IOException e) {
          sha.update((byte) 1); // vanished or unreadable mid-walk: a change, judged again after the debounce
        }
      }
      return sha.digest();
    } catch (IOException e) {
      return ("unreadable " + e.getMessage()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    if (events != null) {
      try {
        events.close();
      } catch (IOException e) {
        LOG.debug("closing the watch service", e);
      }
    }
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
