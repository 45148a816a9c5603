package org.alkit.cli;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The JVM's side of the {@code alkit} launcher's stderr filter. The launcher {@code exec}s the JVM,
 * so that signals reach it, with stderr piped through a {@code grep} that drops the JVM's
 * incubator-module warning; that filter writes the JVM's last lines a moment after they were
 * written. So that whoever waits for the JVM and then reads its stderr (a file, a terminal
 * prompt) finds every line, the JVM, as it exits, flushes stderr, lets go of the pipe (the JDK
 * points a closed descriptor 2 at {@code /dev/null}), and waits for the filter to end.
 */
final class StderrFilter {
  /** The system property in which the launcher passes the filter's process id. */
  static final String PROPERTY = "alkit.stderr.filter";
  /** The longest wait for the filter; it ends at once once the pipe is closed. */
  static final Duration WAIT = Duration.ofSeconds(2);

  private StderrFilter() {}

  /** Drains stderr into the filter the launcher names (if any) when the JVM shuts down. */
  static void drainAtExit() {
    String pid = System.getProperty(PROPERTY);
    if (pid == null || pid.isBlank()) {
      return;
    }
    Optional<ProcessHandle> filter = ProcessHandle.of(Long.parseLong(pid.strip()));
    filter.ifPresent(p -> Runtime.getRuntime().addShutdownHook(new Thread(() -> drain(p), "alkit-stderr")));
  }

  private static void drain(ProcessHandle filter) {
    System.err.flush();
    System.err.close();
    try {
      filter.onExit().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException stillOpen) {
      // another process holds the pipe (a child still running): its lines follow when it ends
      return;
    }
  }
}
