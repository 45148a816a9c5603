package org.alkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follows the "Step by step" guide of {@code docs/plugins.md} as a new user would: copies the
 * checkout's sources (as a fresh clone has them) into a folder not named {@code alkit}, writes the
 * guide's six files word for word, runs the guide's shell blocks word for word with bash from the
 * checkout — installing into an empty local repository (the build's own repository only as a
 * read-only fallback for Maven's plugins and third-party jars, so alkit's artifacts must come from
 * the install), then building and testing the plugin with the checkout's wrapper and copying it into
 * {@code plugins/} — and runs the guide's {@code alkit} commands with the jar as a plugin.
 */
class PluginGuideTest {
  private static final Path ROOT = Path.of(System.getProperty("alkit.root", "..")).toAbsolutePath().normalize();
  private static final String INSTALL = "./mvnw -B -DskipTests install -pl al-api,al-testkit -am";
  private static final String JAR = "my-plugin-1.0.jar";
  /** A file name in backticks starting a paragraph, then a fenced block: the guide's files. */
  private static final Pattern FILE =
      Pattern.compile("^`([^`\\s]+)`[^\\n]*(?:\\n[^\\n]+)*\\n\\n```[a-z]*\\n(.*?)\\n```",
          Pattern.MULTILINE | Pattern.DOTALL);

  @TempDir
  Path dir;

  @Test
  void theGuideFollowedLiterallyGivesAPluginThatAlkitListsAndRuns() throws Exception {
    String guide = guide();
    Map<String, String> files = files(guide);
    assertThat(files).containsOnlyKeys("pom.xml", "src/main/java/module-info.java",
        "src/main/resources/META-INF/services/org.alkit.api.StrategyProvider",
        "src/main/java/com/example/alplugin/MyProvider.java", "src/main/java/com/example/alplugin/MyStrategy.java",
        "src/test/java/com/example/alplugin/MyProviderTest.java");
    List<String> shell = blocks(guide, "bash");
    assertThat(shell).as("the guide's shell blocks: install, build, run").hasSize(3);
    assertThat(shell.get(0)).startsWith(INSTALL);

    Path checkout = dir.resolve("a-clone");
    copyCheckout(checkout);
    Path plugin = dir.resolve("my-plugin");
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path file = plugin.resolve(f.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, f.getValue() + "\n");
    }
    Path repo = dir.resolve("repository");
    bash(checkout, shell.get(0), repo);
    assertThat(repo.resolve("org/alkit/al-api/0.1.0-SNAPSHOT")).isDirectory();
    String log = bash(checkout, shell.get(1), repo);
    assertThat(log).contains("MyProviderTest").contains("BUILD SUCCESS");
    Path jar = checkout.resolve("plugins").resolve(JAR);
    assertThat(jar).isRegularFile();

    PluginLauncher alkit = new PluginLauncher(List.of(jar));
    List<List<String>> commands = alkitCommands(shell.get(2));
    assertThat(commands).hasSize(2);
    assertThat(commands.get(0)).containsExactly("strategies");
    Jvm.Run list = alkit.run(commands.get(0).toArray(String[]::new));
    assertThat(list.code()).as(list.out()).isZero();
    assertThat(list.out()).contains("my-strategy").contains("--set power=2.0");

    assertThat(commands.get(1)).startsWith("select", "--strategy", "my-strategy");
    Jvm.Run select = alkit.run(commands.get(1).toArray(String[]::new));
    assertThat(select.code()).as(select.out()).isZero();
    assertThat(select.out()).contains("\"power\" : 2.0");
    List<String> leastConfidence = new ArrayList<>(commands.get(1));
    leastConfidence.set(2, "least-confidence");
    CliHarness.Result reference = CliHarness.run(leastConfidence.toArray(String[]::new));
    assertThat(reference.code()).as(reference.err()).isZero();
    assertThat(selected(select.out())).as("(1 - max p)^2 ranks as least confidence does")
        .isEqualTo(selected(reference.out())).isNotEmpty();
  }

  private static String guide() throws IOException {
    String page = Files.readString(ROOT.resolve("docs").resolve("plugins.md"));
    int start = page.indexOf("## Step by step");
    assertThat(start).as("docs/plugins.md section 'Step by step'").isNotNegative();
    int end = page.indexOf("\n## ", start + 1);
    return page.substring(start, end < 0 ? page.length() : end);
  }

  /** The contents of the guide's fenced blocks of one language, in order. */
  private static List<String> blocks(String guide, String language) {
    List<String> blocks = new ArrayList<>();
    Matcher m = Pattern.compile("^```" + language + "\\n(.*?)\\n```", Pattern.MULTILINE | Pattern.DOTALL).matcher(guide);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  /**
   * The arguments of each {@code ./alkit} line of a block, a file of the checkout made absolute
   * (the launcher's JVM does not start in the checkout).
   */
  private static List<List<String>> alkitCommands(String block) {
    List<List<String>> commands = new ArrayList<>();
    for (String line : block.split("\n")) {
      List<String> words = List.of(line.replaceFirst("\\s#.*$", "").strip().split("\\s+"));
      if (words.get(0).equals("./alkit")) {
        commands.add(words.subList(1, words.size()).stream()
            .map(w -> Files.exists(ROOT.resolve(w)) && !w.startsWith("-") ? ROOT.resolve(w).toString() : w).toList());
      }
    }
    return commands;
  }

  private static String selected(String json) {
    Matcher m = Pattern.compile("\"selected\" : \\[([^]]*)]").matcher(json);
    return m.find() ? m.group(1) : "";
  }

  private static Map<String, String> files(String guide) {
    Map<String, String> files = new LinkedHashMap<>();
    Matcher m = FILE.matcher(guide);
    while (m.find()) {
      files.put(m.group(1), m.group(2));
    }
    return files;
  }

  /** What a fresh clone holds: every pom, the wrapper, the sources and the plugins folder (no build output). */
  private static void copyCheckout(Path to) throws IOException {
    try (Stream<Path> all = Files.walk(ROOT)) {
      for (Path from : (Iterable<Path>) all::iterator) {
        Path rel = ROOT.relativize(from);
        String text = rel.toString().replace('\\', '/');
        boolean wanted = text.equals("pom.xml") || text.equals("mvnw") || text.startsWith(".mvn/")
            || text.endsWith("/pom.xml") || text.contains("/src/") || text.equals("plugins/README.md");
        boolean skipped = text.startsWith(".git") || text.contains("target/") || text.startsWith("testdata/")
            || (text.startsWith("plugins/") && text.endsWith(".jar"));
        if (wanted && !skipped && Files.isRegularFile(from)) {
          Files.createDirectories(to.resolve(rel).getParent());
          Files.copy(from, to.resolve(rel));
        }
      }
    }
    to.resolve("mvnw").toFile().setExecutable(true);
  }

  /**
   * Runs a shell block of the guide with bash in {@code workDir}, stopping at the first failing
   * line, with {@code repo} as Maven's local repository (through {@code MAVEN_ARGS}, which every
   * Maven 3.9 reads); the build's own repository is a read-only tail for Maven's plugins.
   */
  private static String bash(Path workDir, String block, Path repo) throws IOException, InterruptedException {
    String mavenArgs = "-Dmaven.repo.local=" + repo;
    String tail = System.getProperty("alkit.localRepository", "");
    if (!tail.isBlank()) {
      mavenArgs += " -Dmaven.repo.local.tail=" + tail;
    }
    ProcessBuilder pb = new ProcessBuilder("bash", "-e", "-c", block).directory(workDir.toFile())
        .redirectErrorStream(true);
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("MAVEN_ARGS", mavenArgs);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(600, TimeUnit.SECONDS)).as("%s timed out", block).isTrue();
    assertThat(p.exitValue()).as("%s in %s:%n%s", block, workDir, out).isZero();
    return out;
  }
}
