package org.alkit.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A running {@code ./alkit serve --data DIR --port 0}: its URL, read from the line it prints when it
 * listens, and its output so far. {@link #stop()} sends SIGTERM and, should it not end in time, kills it.
 */
final class AlkitServe {
  private static final Pattern LISTENING = Pattern.compile("alkit serve: (http://\\S+/)");

  private final Process process;
  private final URI url;
  private final List<String> output;

  private AlkitServe(Process process, URI url, List<String> output) {
    this.process = process;
    this.url = url;
    this.output = output;
  }

  /**
   * Starts the server on a fresh port with {@code data} as its folder and the extra environment
   * {@code env}, and waits up to {@code timeout} for it to listen.
   */
  static AlkitServe start(Path data, Map<String, String> env, Duration timeout) throws Exception {
    Process p = Launcher.command(env, List.of("./alkit", "serve", "--data", data.toString(), "--port", "0"))
        .redirectErrorStream(true).start();
    List<String> output = new ArrayList<>();
    CompletableFuture<URI> listening = new CompletableFuture<>();
    Thread reader = new Thread(() -> read(p.getInputStream(), output, listening), "alkit serve output");
    reader.setDaemon(true);
    reader.start();
    try {
      return new AlkitServe(p, listening.get(timeout.toMillis(), TimeUnit.MILLISECONDS), output);
    } catch (ExecutionException | TimeoutException e) {
      p.destroyForcibly();
      throw new AssertionError("alkit serve did not say it listens within " + timeout + "; its output: " + lines(output), e);
    }
  }

  /** The server's root, {@code http://127.0.0.1:PORT/}. */
  URI url() {
    return url;
  }

  /** SIGTERM, then at most 30 s for the server to end, then SIGKILL. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      throw new AssertionError("alkit serve did not end within 30 s of SIGTERM; its output: " + lines(output));
    }
  }

  private static void read(InputStream in, List<String> output, CompletableFuture<URI> listening) {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        synchronized (output) {
          output.add(line);
        }
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          listening.complete(URI.create(m.group(1)));
        }
      }
      listening.completeExceptionally(new IllegalStateException("alkit serve ended its output"));
    } catch (IOException e) {
      listening.completeExceptionally(new UncheckedIOException(e));
    }
  }

  private static String lines(List<String> output) {
    synchronized (output) {
      return String.join("\n", output);
    }
  }
}
