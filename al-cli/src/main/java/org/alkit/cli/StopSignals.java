package org.alkit.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT (Ctrl-C) and SIGTERM ({@code kill}, {@code timeout}) while a journaled command works
 * ({@code alkit run}, {@code alkit eval}): the command stops at its next {@linkplain #checkpoint()
 * checkpoint}, which it places after each step its journal holds (a round, a run), prints one line
 * on stderr saying how to resume, and exits with 128 + the signal's number (130 for SIGINT, 143
 * for SIGTERM), as a shell reports a process the signal ended. If no checkpoint comes within
 * {@link #GRACE}, the line is printed and the JVM exits anyway, abandoning the step being
 * computed: the journals write each step atomically (a temporary file, fsync, rename; or one
 * forced line), so they hold every finished step and nothing half written. Later signals change
 * nothing ({@code timeout} sends its signal twice: to the process, then to its group). Other
 * commands keep the JVM's own handling: they simply end.
 *
 * <p>Java SE has no API that hears a signal without starting the JVM's shutdown, during which the
 * work would run on, unstoppable, until the JVM halts; this uses {@code sun.misc.Signal} from
 * {@code jdk.unsupported}, where JEP 260 keeps that critical internal API supported.
 */
final class StopSignals implements AutoCloseable {
  /** How long after a signal the command may take to reach a checkpoint. */
  static final Duration GRACE = Duration.ofSeconds(3);

  private final PrintWriter err;
  private final Function<String, String> howToResume;
  private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
  private final AtomicReference<Signal> received = new AtomicReference<>();
  private final AtomicBoolean reported = new AtomicBoolean();
  private volatile boolean closed;

  /** The exception a checkpoint throws once a signal came; the command turns it into {@link #stopped()}. */
  static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped(String signal) {
      super("stopped by SIG" + signal, null, false, false);
    }
  }

  private StopSignals(PrintWriter err, Function<String, String> howToResume) {
    this.err = err;
    this.howToResume = howToResume;
  }

  /**
   * Handles SIGINT and SIGTERM until {@link #close()}.
   *
   * @param err where the one line goes
   * @param howToResume the line, given the signal's name ({@code "SIGTERM"}); asked when it is printed
   */
  static StopSignals install(PrintWriter err, Function<String, String> howToResume) {
    StopSignals stop = new StopSignals(err, howToResume);
    for (String name : new String[] {"INT", "TERM"}) {
      Signal signal = new Signal(name);
      try {
        stop.previous.put(signal, Signal.handle(signal, stop::handle));
      } catch (IllegalArgumentException reservedByTheJvm) {
        // -Xrs: the JVM keeps the signal; it then ends the command as it ends any other
        continue;
      }
    }
    return stop;
  }

  /**
   * Throws {@link Stopped} if a signal came: call it where the command may stop, after a step the
   * journal holds.
   */
  void checkpoint() {
    Signal signal = received.get();
    if (signal != null) {
      throw new Stopped(signal.getName());
    }
  }

  /** Prints the line (once) and returns the exit code: 128 + the signal's number. */
  int stopped() {
    report();
    return code();
  }

  private void handle(Signal signal) {
    if (!received.compareAndSet(null, signal)) {
      return; // the stop is under way; timeout(1) signals the process and then its group, i.e. twice
    }
    Thread watchdog = new Thread(() -> {
      try {
        Thread.sleep(GRACE.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (!closed) {
        report();
        System.exit(code());
      }
    }, "alkit-stop");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  private int code() {
    return 128 + received.get().getNumber();
  }

  private void report() {
    if (reported.compareAndSet(false, true)) {
      err.println(howToResume.apply("SIG" + received.get().getName()));
      err.flush();
    }
  }

  /** Gives the signals back to the JVM's own handling. */
  @Override
  public void close() {
    closed = true;
    previous.forEach(Signal::handle);
  }
}
