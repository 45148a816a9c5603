package org.alkit.osgi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The deploy table of {@code docs/osgi.md} names exactly the bundles {@link OsgiFrameworkIT}
 * installs (less the example plugin, which is the test's own): alkit's as {@code org.alkit:ARTIFACT}
 * (their version is alkit's), every other as {@code GROUP:ARTIFACT:VERSION}.
 */
class OsgiDeployTableIT {
  private static final Path BUNDLES = Path.of(System.getProperty("alkit.osgi.bundles", "target/bundles.txt"));
  private static final Path COORDINATES =
      Path.of(System.getProperty("alkit.osgi.coordinates", "target/bundle-coordinates.txt"));
  private static final Path PAGE = Path.of(System.getProperty("alkit.root", "..")).resolve("docs").resolve("osgi.md");
  private static final String ALKIT_GROUP = "org.alkit";
  private static final String PLUGIN = "com.example:plugin-example";
  /** A resolved artifact as the dependency plugin lists it: group:artifact:type:version:scope:file. */
  private static final Pattern RESOLVED =
      Pattern.compile("^\\s*([^:\\s]+):([^:\\s]+):[^:\\s]+:([^:\\s]+):[a-z]+:(\\S+?\\.jar)(?:\\s.*)?$");
  /** A Maven coordinate in backticks: group:artifact, or group:artifact:version. */
  private static final Pattern COORDINATE = Pattern.compile("`([\\w.-]+:[\\w.-]+(?::[\\w.-]+)?)`");

  private record Artifact(String group, String artifact, String version, Path file) {
    /** How the deploy table writes it. */
    String coordinate() {
      return group.equals(ALKIT_GROUP) ? group + ":" + artifact : group + ":" + artifact + ":" + version;
    }
  }

  @Test
  void theDocumentedDeploymentIsTheOneTheOsgiTestInstalls() throws IOException {
    List<Artifact> resolved = resolved();
    Set<Path> installed = new LinkedHashSet<>();
    for (String jar : Files.readString(BUNDLES).trim().split(File.pathSeparator)) {
      installed.add(Path.of(jar).toAbsolutePath().normalize());
    }
    assertThat(resolved.stream().map(Artifact::file).toList())
        .as("the coordinates in %s are of the jars in %s", COORDINATES, BUNDLES)
        .containsExactlyInAnyOrderElementsOf(installed);

    List<String> deployed = resolved.stream().map(Artifact::coordinate).filter(c -> !c.startsWith(PLUGIN)).toList();
    assertThat(deployed).contains("org.alkit:al-api", "org.alkit:al-commons", "org.alkit:al-runtime");
    assertThat(table())
        .as("the deploy table of %s against the bundles OsgiFrameworkIT installs (the example plugin aside)", PAGE)
        .containsExactlyInAnyOrderElementsOf(deployed);
  }

  private static List<Artifact> resolved() throws IOException {
    List<Artifact> out = new ArrayList<>();
    for (String line : Files.readAllLines(COORDINATES)) {
      Matcher m = RESOLVED.matcher(line);
      if (m.matches()) {
        out.add(new Artifact(m.group(1), m.group(2), m.group(3), Path.of(m.group(4)).toAbsolutePath().normalize()));
      }
    }
    assertThat(out).as("artifacts listed in %s", COORDINATES).isNotEmpty();
    return out;
  }

  /** Every coordinate in the rows of the page's deploy table (the table whose header starts "| deploy |"). */
  private static List<String> table() throws IOException {
    List<String> rows;
    try (Stream<String> lines = Files.lines(PAGE)) {
      rows = lines.dropWhile(l -> !l.startsWith("| deploy |")).skip(2).takeWhile(l -> l.startsWith("|")).toList();
    }
    assertThat(rows).as("rows of the deploy table in %s", PAGE).isNotEmpty();
    List<String> out = new ArrayList<>();
    for (String row : rows) {
      Matcher m = COORDINATE.matcher(row);
      while (m.find()) {
        out.add(m.group(1));
      }
    }
    return out;
  }
}
