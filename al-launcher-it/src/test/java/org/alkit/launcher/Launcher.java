package org.alkit.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * The checkout's {@code ./alkit} script, started as a user starts it (a process of its own, in the
 * checkout's root), with {@code ALKIT_NO_BUILD=1} so it runs the jars the build packaged and never
 * builds; every other {@code ALKIT_*} variable of the build's environment is removed.
 */
final class Launcher {
  /** The checkout the build runs in. */
  static final Path ROOT = Path.of(System.getProperty("alkit.root", "..")).toAbsolutePath().normalize();
  /** The jars the launcher runs, as al-cli packaged them. */
  static final Path LIB = ROOT.resolve("al-cli/target/lib");

  /** A finished call: exit code, stdout, stderr. */
  record Result(int code, String out, String err) {}

  /** A started call and its streams, read to their ends in the background. */
  record Started(Process process, CompletableFuture<String> out, CompletableFuture<String> err) {
    Result waitFor() throws Exception {
      assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("alkit ends").isTrue();
      return new Result(process.exitValue(), out.get(1, TimeUnit.MINUTES), err.get(1, TimeUnit.MINUTES));
    }
  }

  private Launcher() {}

  /** Runs {@code ./alkit args...} to its end with the extra environment {@code env}. */
  static Result run(Map<String, String> env, String... args) throws Exception {
    return start(env, args).waitFor();
  }

  /** Runs {@code ./alkit args...} to its end. */
  static Result run(String... args) throws Exception {
    return run(Map.of(), args);
  }

  /** Starts {@code ./alkit args...}; the process is the JVM itself once the script has exec'd it. */
  static Started start(Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("./alkit"));
    command.addAll(List.of(args));
    Process p = command(env, command).start();
    return new Started(p, read(p.getInputStream()), read(p.getErrorStream()));
  }

  /** {@code command} (which starts {@code ./alkit}) in the checkout's root, with the environment described above. */
  static ProcessBuilder command(Map<String, String> env, List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("ALKIT_"));
    builder.environment().put("ALKIT_NO_BUILD", "1");
    builder.environment().putAll(env);
    return builder;
  }

  private static CompletableFuture<String> read(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try (in) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The one jar of {@link #LIB} whose name starts with {@code prefix}. */
  static Path lib(String prefix) throws IOException {
    try (Stream<Path> jars = Files.list(LIB)) {
      List<Path> found = jars.filter(j -> j.getFileName().toString().startsWith(prefix)).toList();
      assertThat(found).as("%s in %s", prefix, LIB).hasSize(1);
      return found.get(0);
    }
  }

  /**
   * A plain plugin jar (no module-info: an automatic module in a layer, the unnamed module on the
   * class path) with one strategy provider, {@code com.example.probe.Probe}, called {@code name},
   * whose score of candidate {@code k} is {@code score} (Java, over {@code candidates[k]}), compiled
   * on the class path against al-api and the given extra jars of {@link #LIB}.
   */
  static Path plugin(Path dir, String name, String score, String... libs) throws IOException {
    Path src = dir.resolve(name + "-src/com/example/probe/Probe.java");
    Path classes = dir.resolve(name + "-classes");
    Files.createDirectories(src.getParent());
    Files.writeString(src, "package com.example.probe;\n"
        + "public final class Probe implements org.alkit.api.StrategyProvider {\n"
        + "  public String name() { return \"" + name + "\"; }\n"
        + "  public org.alkit.api.Strategy create(org.alkit.api.Options options) {\n"
        + "    return new org.alkit.api.ScoringStrategy(\"" + name + "\", options) {\n"
        + "      @Override\n"
        + "      protected double[] score(org.alkit.api.SelectionContext ctx, int[] candidates) {\n"
        + "        double[] s = new double[candidates.length];\n"
        + "        for (int k = 0; k < s.length; k++) {\n"
        + "          s[k] = " + score + ";\n"
        + "        }\n"
        + "        return s;\n"
        + "      }\n"
        + "    };\n"
        + "  }\n"
        + "}\n");
    StringBuilder cp = new StringBuilder(lib("al-api-").toString()).append(':').append(lib("apiguardian-api-"));
    for (String l : libs) {
      cp.append(':').append(lib(l));
    }
    assertThat(tool("javac", "-d", classes.toString(), "-cp", cp.toString(), src.toString())).isZero();
    Path services = classes.resolve("META-INF/services/org.alkit.api.StrategyProvider");
    Files.createDirectories(services.getParent());
    Files.writeString(services, "com.example.probe.Probe\n");
    Path jar = dir.resolve(name + ".jar");
    assertThat(tool("jar", "--create", "--file", jar.toString(), "-C", classes.toString(), ".")).isZero();
    return jar;
  }

  private static int tool(String name, String... args) {
    return ToolProvider.findFirst(name).orElseThrow().run(System.out, System.err, args);
  }

  /** The command lines of the running processes that hold {@code text}, by process id. */
  static Map<Long, String> processesWith(String text) throws IOException {
    Map<Long, String> out = new TreeMap<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        String cmdline;
        try {
          cmdline = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (FileSystemException ended) {
          continue; // ended while listed, or not ours to read
        }
        if (cmdline.contains(text)) {
          out.put(Long.parseLong(proc.getFileName().toString()), cmdline);
        }
      }
    }
    return out;
  }
}
