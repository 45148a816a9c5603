package org.alkit.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./alkit serve} as a user starts it: it prints its URL (the real port, with
 * {@code --port 0}) and, at the first start of a fresh database only, the admin token, which the
 * API then takes; SIGTERM stops it, and a restart on the same {@code --data} keeps the token.
 */
class ServeIT {
  @TempDir
  Path data;

  private record Serving(Process process, BufferedReader out, URI url) {}

  private Serving serve() throws Exception {
    Process p = Launcher.command(Map.of(), List.of("./alkit", "serve", "--data", data.toString(), "--port", "0"))
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String first = out.readLine();
    assertThat(first).matches("alkit serve: http://127\\.0\\.0\\.1:[1-9][0-9]*/");
    return new Serving(p, out, URI.create(first.substring("alkit serve: ".length())));
  }

  private static int status(URI url, String token) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url.resolve("api/projects"))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    return r.statusCode();
  }

  private static String stop(Serving s) throws Exception {
    // SIGTERM through kill(1): Process.destroy() would close the streams still to be read
    assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(s.process().pid())).start().waitFor()).isZero();
    assertThat(s.process().waitFor(60, TimeUnit.SECONDS)).as("serve stops on SIGTERM").isTrue();
    StringBuilder rest = new StringBuilder();
    for (String line = s.out().readLine(); line != null; line = s.out().readLine()) {
      rest.append(line).append('\n');
    }
    return rest.toString();
  }

  @Test
  void printsItsUrlAndTheAdminTokenOnceAndStopsOnSigterm() throws Exception {
    Serving first = serve();
    String token;
    try {
      String line = first.out().readLine();
      assertThat(line).matches("admin token: [A-Za-z0-9_-]{43}");
      token = line.substring("admin token: ".length());
      assertThat(status(first.url(), token)).isEqualTo(200);
      assertThat(status(first.url(), "wrong")).isEqualTo(401);
    } finally {
      stop(first);
    }
    Serving second = serve();
    assertThat(status(second.url(), token)).isEqualTo(200);
    assertThat(stop(second)).doesNotContain("admin token");
  }
}
