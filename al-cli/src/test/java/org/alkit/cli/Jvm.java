package org.alkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Starts fresh JVMs from the test's Java installation, e.g. the CLI with this test's class path. */
final class Jvm {
  /** The test's class path, entry by entry. */
  static final List<String> CLASS_PATH = List.of(System.getProperty("java.class.path").split(File.pathSeparator));

  /** The arguments that start the CLI on the test's class path. */
  static final List<String> CLI = List.of("-cp", String.join(File.pathSeparator, CLASS_PATH), Alkit.class.getName());

  record Run(int code, String out) {}

  private Jvm() {}

  /** Runs {@code java args...} to its end (at most two minutes): its exit code, and stdout and stderr together. */
  static Run run(List<String> args) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command(args)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("java %s ends", args).isTrue();
    return new Run(p.exitValue(), out);
  }

  /** Starts {@code java args...}, stdout and stderr together into {@code output}. */
  static Process start(List<String> args, Path output) throws IOException {
    return new ProcessBuilder(command(args)).redirectErrorStream(true).redirectOutput(output.toFile()).start();
  }

  /** Whether a class-path entry (jar or class folder) is of one of the modules whose names start so. */
  static boolean named(String entry, String... prefixes) {
    String name = Path.of(entry).getFileName().toString();
    String parent = Path.of(entry).getParent() == null ? "" : Path.of(entry).getParent().toString();
    return Stream.of(prefixes).anyMatch(p -> name.startsWith(p) || parent.contains(File.separator + p));
  }

  static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static List<String> command(List<String> args) {
    return concat(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()), args);
  }
}
