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
import org.alkit.api.Matrix;
import org.alkit.runtime.Npy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follows the README's "Writing a plugin" guide as a new user would: copies the checkout's sources
 * (as a fresh clone has them), runs the guide's install command into an empty local repository
 * (the build's own repository only as a read-only fallback for Maven's plugins and third-party
 * jars, so alkit's artifacts must come from the install), writes the guide's six files
 * word for word, builds and tests the plugin with the checkout's wrapper, and runs
 * {@code alkit strategies} and {@code alkit select} with the jar as a plugin.
 */
class PluginGuideTest {
  private static final Path ROOT = Path.of(System.getProperty("alkit.root", "..")).toAbsolutePath().normalize();
  private static final String INSTALL = "./mvnw -B -DskipTests install -pl al-api,al-testkit,al-runtime -am";
  private static final String BUILD = "../alkit/mvnw -B verify";
  private static final String JAR = "target/my-plugin-1.0.jar";
  /** A file name in backticks starting a paragraph, then a fenced block: the guide's files. */
  private static final Pattern FILE =
      Pattern.compile("^`([^`\\s]+)`[^\\n]*(?:\\n[^\\n]+)*\\n\\n```[a-z]*\\n(.*?)\\n```",
          Pattern.MULTILINE | Pattern.DOTALL);

  @TempDir
  Path dir;

  @Test
  void theGuideFollowedLiterallyGivesAPluginThatAlkitListsAndRuns() throws Exception {
    String guide = guide();
    assertThat(guide).contains(INSTALL).contains(BUILD).contains("cp " + JAR + " ../alkit/plugins/");
    Map<String, String> files = files(guide);
    assertThat(files).containsOnlyKeys("pom.xml", "src/main/java/module-info.java",
        "src/main/resources/META-INF/services/org.alkit.api.StrategyProvider",
        "src/main/java/com/example/alplugin/MyProvider.java", "src/main/java/com/example/alplugin/MyStrategy.java",
        "src/test/java/com/example/alplugin/MyProviderTest.java");

    Path checkout = dir.resolve("alkit");
    copyCheckout(checkout);
    Path repo = dir.resolve("repository");
    maven(checkout, INSTALL, repo);
    assertThat(repo.resolve("org/alkit/al-api/0.1.0-SNAPSHOT")).isDirectory();

    Path plugin = dir.resolve("my-plugin");
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path file = plugin.resolve(f.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, f.getValue() + "\n");
    }
    String log = maven(plugin, BUILD, repo);
    assertThat(log).contains("MyProviderTest").contains("BUILD SUCCESS");
    Path jar = plugin.resolve(JAR);
    assertThat(jar).isRegularFile();

    PluginLauncher alkit = new PluginLauncher(List.of(jar));
    Jvm.Run list = alkit.run("strategies");
    assertThat(list.code()).as(list.out()).isZero();
    assertThat(list.out()).contains("my-strategy").contains("--set power=2.0");

    Path probs = dir.resolve("probs.npy");
    Npy.writeMatrix(probs, Matrix.of(new float[][] {{0.9f, 0.1f}, {0.5f, 0.5f}, {0.7f, 0.3f}, {0.99f, 0.01f}}));
    Jvm.Run select = alkit.run("select", "--strategy", "my-strategy", "--budget", "2",
        "--probs", probs.toString());
    assertThat(select.code()).as(select.out()).isZero();
    assertThat(select.out()).contains("\"selected\" : [ 1, 2 ]").contains("\"power\" : 2.0");
  }

  private static String guide() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    int start = readme.indexOf("## Writing a plugin");
    assertThat(start).as("README section 'Writing a plugin'").isNotNegative();
    int end = readme.indexOf("\n## ", start + 1);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  private static Map<String, String> files(String guide) {
    Map<String, String> files = new LinkedHashMap<>();
    Matcher m = FILE.matcher(guide);
    while (m.find()) {
      files.put(m.group(1), m.group(2));
    }
    return files;
  }

  /** What a fresh clone holds: every pom, the wrapper, and the sources (no build output). */
  private static void copyCheckout(Path to) throws IOException {
    try (Stream<Path> all = Files.walk(ROOT)) {
      for (Path from : (Iterable<Path>) all::iterator) {
        Path rel = ROOT.relativize(from);
        String text = rel.toString().replace('\\', '/');
        boolean wanted = text.equals("pom.xml") || text.equals("mvnw") || text.startsWith(".mvn/")
            || text.endsWith("/pom.xml") || text.contains("/src/");
        boolean skipped = text.startsWith(".git") || text.contains("target/") || text.startsWith("plugins/")
            || text.startsWith("testdata/");
        if (wanted && !skipped && Files.isRegularFile(from)) {
          Files.createDirectories(to.resolve(rel).getParent());
          Files.copy(from, to.resolve(rel));
        }
      }
    }
    to.resolve("mvnw").toFile().setExecutable(true);
  }

  /**
   * Runs a Maven command line of the guide in {@code workDir} with {@code repo} as the local
   * repository; the build's own repository is a read-only tail for Maven's plugins.
   */
  private static String maven(Path workDir, String commandLine, Path repo) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(commandLine.split(" ")));
    cmd.add("-Dmaven.repo.local=" + repo);
    String tail = System.getProperty("alkit.localRepository", "");
    if (!tail.isBlank()) {
      cmd.add("-Dmaven.repo.local.tail=" + tail);
    }
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true);
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().remove("MAVEN_ARGS");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(600, TimeUnit.SECONDS)).as("%s timed out", commandLine).isTrue();
    assertThat(p.exitValue()).as("%s in %s:%n%s", commandLine, workDir, out).isZero();
    return out;
  }
}
