package org.alkit.eval.report;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.alkit.api.AlException;
import org.alkit.api.InvalidInputException;

/**
 * Renders Allure results into an HTML report with Allure's own command line (the
 * {@code allure-commandline} distribution from the Maven registry, unpacked; it works offline), in
 * single-file mode: {@code index.html} holds everything and opens from the file system.
 */
final class AllureCommandLine {
  /** How long a report may take to render. */
  static final long TIMEOUT_MINUTES = 10;

  private AllureCommandLine() {}

  static Path render(Path allureHome, Path results, Path report) {
    Path lib = allureHome.resolve("lib");
    if (!Files.isDirectory(lib)) {
      throw new InvalidInputException("the Allure command line is not at " + allureHome + " (no lib folder); "
          + "expected the unpacked allure-commandline distribution, which './mvnw package' puts in "
          + "al-cli/target/allure — or set ALKIT_ALLURE_HOME");
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    String classPath = lib.resolve("*") + File.pathSeparator + lib.resolve("config");
    Path log = report.resolveSibling(report.getFileName() + ".log");
    ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-cp", classPath,
        "io.qameta.allure.CommandLine", "generate", "--clean", "--single-file", "--name", "alkit eval",
        "-o", report.toString(), results.toString()))
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("APP_HOME", allureHome.toString());
    try {
      Files.createDirectories(log.getParent());
      Process process = builder.start();
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AlException("the Allure command line did not finish within " + TIMEOUT_MINUTES
            + " minutes; its output is in " + log);
      }
      Path index = report.resolve("index.html");
      if (process.exitValue() != 0 || !Files.exists(index)) {
        throw new AlException("the Allure command line failed (exit " + process.exitValue() + "): "
            + tail(log) + "; its output is in " + log);
      }
      return index;
    } catch (IOException e) {
      throw new UncheckedIOException("starting the Allure command line failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AlException("interrupted while rendering the Allure report", e);
    }
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join(" / ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
  }
}
