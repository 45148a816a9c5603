package org.alkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.alkit.eval.matrix.EvalMatrix;
import org.alkit.runtime.RunConfig;
import org.alkit.runtime.YamlTree;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs the commands of the README and of {@code docs/*.md}, so the documentation cannot drift from
 * the code. The convention, which {@code docs/README.md} states for readers: in a {@code bash}
 * block every line is a command; in a {@code console} block a line starting with {@code $ } is a
 * command and the lines after it are its output, each of which must appear in what the command
 * prints, in order ({@code …} standing for anything). Every {@code ./alkit} command runs in-process
 * as from the root of the checkout: an argument naming a file of the checkout reads that file, and
 * what a command writes ({@code --out}, {@code --journal}, {@code --baseline}, eval's default
 * folder) goes to a temporary folder, one per page, so a later command on the page reads what an
 * earlier one wrote. It must end with status 0, or N where its comment says {@code # exit N}. A
 * command the test does not run carries a comment starting {@code needs:}, {@code takes:} or
 * {@code build:}, on its line or on a line of its own at the top of its block; an {@code ./alkit}
 * command so marked is still parsed, and the checkout files it names must exist. Any other command
 * fails the test.
 */
class DocsCommandsTest {
  private static final Path ROOT = Path.of(System.getProperty("alkit.root")).toAbsolutePath().normalize();
  private static final String ALKIT = "./alkit";
  private static final Set<String> MARKERS = Set.of("needs:", "takes:", "build:");
  /** Options whose value is a file or folder the command writes, or one an earlier command wrote. */
  private static final Set<String> WRITTEN = Set.of("--out", "--journal", "--resume", "--baseline", "--junit",
      "--recommend");
  private static final Pattern FENCE = Pattern.compile("^(\\s*)```\\s*([\\w-]*)\\s*$");
  private static final Pattern EXIT = Pattern.compile("^exit (\\d+)\\b.*");
  /** A paragraph that starts with a shipped file's path in backticks and a colon, then its content. */
  /** The folder of the CI jobs the docs show. */
  private static final String CI = "examples/ci/";
  private static final Pattern SHOWN_FILE = Pattern.compile("^`(examples/[^`\\s]+)`:$");
  private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

  @TempDir
  Path work;

  /** A fenced block: where it starts (the line after the fence), its info string and its lines. */
  record Block(Path page, int line, String info, List<String> lines, String before) {}

  /**
   * A command of a block, continuation lines joined: its words, its comment's marker or expected
   * status, and the output a {@code console} block shows for it.
   */
  record Command(Path page, int line, String text, List<String> words, String marker, int exit, List<String> output) {
    boolean alkit() {
      return !words.isEmpty() && words.get(0).equals(ALKIT);
    }

    @Override
    public String toString() {
      return ROOT.relativize(page) + ":" + line + " " + text;
    }
  }

  @TestFactory
  Stream<DynamicContainer> everyCommandOfTheDocsRunsOrSaysWhatItNeeds() throws IOException {
    List<DynamicContainer> pages = new ArrayList<>();
    for (Path page : pages()) {
      List<Command> commands = commands(page);
      Path folder = work.resolve(ROOT.relativize(page).toString().replace('/', '-'));
      pages.add(DynamicContainer.dynamicContainer(ROOT.relativize(page).toString(),
          commands.stream().map(c -> DynamicTest.dynamicTest(c.line() + ": " + c.text(), () -> check(c, folder)))));
    }
    return pages.stream();
  }

  @Test
  void theReadmesTwoCommandsAreChecked() throws IOException {
    List<Command> readme = commands(ROOT.resolve("README.md"));
    assertThat(readme).anySatisfy(c -> {
      assertThat(c.words()).containsExactly(ALKIT, "run");
      assertThat(c.marker()).isNull();
      assertThat(c.output()).isNotEmpty();
    });
    assertThat(readme).anySatisfy(c -> {
      assertThat(c.text()).startsWith("./mvnw -B verify ");
      assertThat(c.marker()).startsWith("build:");
    });
    List<Command> all = new ArrayList<>();
    for (Path page : pages()) {
      all.addAll(commands(page));
    }
    assertThat(all.stream().filter(c -> c.alkit() && c.marker() == null).count())
        .as("alkit commands the docs test runs").isGreaterThan(20);
  }

  @Test
  void aShownFileIsTheShippedOne() throws IOException {
    int shown = 0;
    for (Path page : pages()) {
      for (Block b : blocks(page)) {
        Matcher m = SHOWN_FILE.matcher(b.before());
        if (m.matches()) {
          shown++;
          Path file = ROOT.resolve(m.group(1));
          assertThat(file).as("%s:%d shows %s", ROOT.relativize(page), b.line(), m.group(1)).isRegularFile();
          assertThat(String.join("\n", b.lines()) + "\n").as("%s:%d", ROOT.relativize(page), b.line())
              .isEqualTo(Files.readString(file));
        }
      }
    }
    assertThat(shown).as("files shown in the docs").isPositive();
  }

  @Test
  void everyYamlBlockIsAValidRunConfigurationOrMatrix() throws IOException {
    for (Path page : pages()) {
      for (Block b : blocks(page)) {
        if (b.info().equals("yaml") && !b.before().startsWith("`" + CI)) {
          String yaml = String.join("\n", b.lines()) + "\n";
          String where = ROOT.relativize(page) + ":" + b.line();
          Path file = work.resolve("block.yml");
          Files.writeString(file, yaml);
          if (yaml.startsWith("name:")) {
            assertThatCode(() -> EvalMatrix.load(file)).as(where).doesNotThrowAnyException();
          } else {
            assertThatCode(() -> RunConfig.load(file)).as(where).doesNotThrowAnyException();
          }
        }
      }
    }
  }

  /**
   * The CI jobs shipped in {@value #CI} (shown in the docs as they are, not alkit configurations):
   * every {@code ./alkit} line of a step's {@code run} parses, and the files it names exist.
   */
  @Test
  void theCiJobsRunAlkitCommandsThatParse() throws IOException {
    List<Command> commands = new ArrayList<>();
    try (Stream<Path> files = Files.list(ROOT.resolve(CI))) {
      for (Path job : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
        Object workflow = YamlTree.parse(Files.readString(job));
        for (Object j : ((java.util.Map<?, ?>) ((java.util.Map<?, ?>) workflow).get("jobs")).values()) {
          for (Object step : (List<?>) ((java.util.Map<?, ?>) j).get("steps")) {
            Object run = ((java.util.Map<?, ?>) step).get("run");
            for (String line : run == null ? List.<String>of() : String.valueOf(run).lines().toList()) {
              Words words = words(line);
              if (!words.words().isEmpty() && words.words().get(0).equals(ALKIT)) {
                commands.add(new Command(job, 0, line, words.words(), null, 0, List.of()));
              }
            }
          }
        }
      }
    }
    assertThat(commands).as("alkit commands of the CI jobs").isNotEmpty();
    commands.forEach(DocsCommandsTest::parses);
  }

  @Test
  void everyRelativeLinkReachesAFileAndItsHeading() throws IOException {
    for (Path page : pages()) {
      String text = Files.readString(page);
      Matcher m = LINK.matcher(text);
      while (m.find()) {
        String target = m.group(1);
        if (target.matches("^[a-z]+:.*")) {
          continue;
        }
        int hash = target.indexOf('#');
        Path file = hash == 0 ? page : page.getParent().resolve(hash < 0 ? target : target.substring(0, hash)).normalize();
        String where = ROOT.relativize(page) + ": link " + target;
        assertThat(file).as(where).exists();
        if (hash >= 0) {
          assertThat(anchors(file)).as(where).contains(target.substring(hash + 1));
        }
      }
    }
  }

  private void check(Command c, Path folder) throws IOException {
    if (c.marker() != null) {
      if (c.alkit()) {
        parses(c);
      }
      return;
    }
    assertThat(c.alkit()).as("%s: not an ./alkit command the docs test runs, and no '# needs:', '# takes:' or "
        + "'# build:' comment says why it is not run", c).isTrue();
    Files.createDirectories(folder);
    List<String> args = arguments(c.words().subList(1, c.words().size()), folder);
    CliHarness.Result r = CliHarness.run(args.toArray(String[]::new));
    String printed = (r.out() + r.err()).replace(folder + File.separator, "").replace(ROOT + File.separator, "");
    assertThat(r.code()).as("%s ends with status %d:%n%s", c, c.exit(), printed).isEqualTo(c.exit());
    int at = 0;
    for (String expected : c.output()) {
      for (String part : expected.split("…", -1)) {
        if (part.isBlank()) {
          continue;
        }
        int found = printed.indexOf(part.strip(), at);
        assertThat(found).as("%s prints '%s' after what the docs show before it; it printed:%n%s", c, part.strip(),
            printed).isNotNegative();
        at = found + part.strip().length();
      }
    }
  }

  /**
   * The command's arguments with the checkout's working directory: a path of the checkout made
   * absolute, a written path (and eval's default output folder) moved into {@code folder}.
   */
  private static List<String> arguments(List<String> words, Path folder) {
    List<String> args = new ArrayList<>();
    for (int k = 0; k < words.size(); k++) {
      String w = words.get(k);
      if (k > 0 && WRITTEN.contains(words.get(k - 1))) {
        args.add(folder.resolve(w).toString());
      } else if (k > 0 && !w.startsWith("-") && Files.exists(ROOT.resolve(w))) {
        args.add(ROOT.resolve(w).toString());
      } else if (k > 0 && !w.startsWith("-") && Files.exists(folder.resolve(w))) {
        args.add(folder.resolve(w).toString());
      } else {
        args.add(w);
      }
    }
    if (words.get(0).equals("eval") && !words.contains("--out") && !words.contains("--help")) {
      String name = EvalMatrix.load(Path.of(args.get(1))).name();
      args.add("--out");
      args.add(folder.resolve("target").resolve("eval").resolve(name).toString());
    }
    return args;
  }

  /** A command the test does not run still parses, and the checkout files it names exist. */
  private static void parses(Command c) {
    List<String> args = c.words().subList(1, c.words().size());
    try (ApplicationContext context = ApplicationContext.builder(Alkit.class, Environment.CLI).start()) {
      assertThatCode(() -> new CommandLine(Alkit.class, new MicronautFactory(context)).parseArgs(args.toArray(String[]::new)))
          .as("%s parses", c).doesNotThrowAnyException();
    }
    for (String w : args) {
      int slash = w.indexOf('/');
      if (!w.startsWith("-") && slash > 0 && Files.isDirectory(ROOT.resolve(w.substring(0, slash)))) {
        assertThat(ROOT.resolve(w)).as("%s names %s", c, w).exists();
      }
    }
  }

  /** The README and every page of docs/. */
  private static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  static List<Block> blocks(Path page) throws IOException {
    List<String> lines = Files.readAllLines(page);
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher open = FENCE.matcher(lines.get(i));
      if (!open.matches()) {
        continue;
      }
      int indent = open.group(1).length();
      List<String> body = new ArrayList<>();
      int start = i + 1;
      for (i = start; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
        String l = lines.get(i);
        body.add(l.length() >= indent && l.substring(0, indent).isBlank() ? l.substring(indent) : l.strip());
      }
      String before = start >= 3 && lines.get(start - 2).isBlank() ? lines.get(start - 3).strip() : "";
      blocks.add(new Block(page, start + 1, open.group(2), body, before));
    }
    return blocks;
  }

  /** The commands of a page's {@code bash}, {@code sh} and {@code console} blocks, in order. */
  static List<Command> commands(Path page) throws IOException {
    List<Command> commands = new ArrayList<>();
    for (Block b : blocks(page)) {
      boolean console = b.info().equals("console");
      if (!console && !b.info().equals("bash") && !b.info().equals("sh")) {
        continue;
      }
      String blockMarker = null;
      boolean seen = false;
      List<String> lines = b.lines();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        int number = b.line() + i;
        if (console && !line.startsWith("$ ")) {
          continue;
        }
        if (console) {
          line = line.substring(2);
        }
        if (line.isEmpty()) {
          continue;
        }
        if (line.startsWith("#")) {
          String comment = line.substring(1).strip();
          if (!seen && marker(comment) != null) {
            blockMarker = marker(comment);
          }
          continue;
        }
        seen = true;
        StringBuilder text = new StringBuilder(line);
        while (text.charAt(text.length() - 1) == '\\' && i + 1 < lines.size()) {
          text.setLength(text.length() - 1);
          text.append(' ').append(lines.get(++i).strip());
        }
        List<String> output = new ArrayList<>();
        while (console && i + 1 < lines.size() && !lines.get(i + 1).startsWith("$ ")) {
          output.add(lines.get(++i));
        }
        Words words = words(text.toString());
        String comment = words.comment();
        Matcher exit = EXIT.matcher(comment);
        String marker = blockMarker != null ? blockMarker : marker(comment);
        commands.add(new Command(page, number, text.toString().replaceAll("\\s+", " ").strip(), words.words(), marker,
            exit.matches() ? Integer.parseInt(exit.group(1)) : 0, output));
      }
    }
    return commands;
  }

  /** The comment itself when it starts with one of {@link #MARKERS}, else null. */
  private static String marker(String comment) {
    return MARKERS.stream().anyMatch(comment::startsWith) ? comment : null;
  }

  private record Words(List<String> words, String comment) {}

  /** A shell line split into words (single and double quotes, backslash escapes) and its trailing comment. */
  private static Words words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (int k = 0; k < line.length(); k++) {
      char ch = line.charAt(k);
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        } else if (ch == '\\' && quote == '"' && k + 1 < line.length()) {
          word.append(line.charAt(++k));
        } else {
          word.append(ch);
        }
      } else if (Character.isWhitespace(ch)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else if (ch == '#' && word == null) {
        return new Words(words, line.substring(k + 1).strip());
      } else {
        word = word == null ? new StringBuilder() : word;
        if (ch == '\'' || ch == '"') {
          quote = ch;
        } else if (ch == '\\' && k + 1 < line.length()) {
          word.append(line.charAt(++k));
        } else {
          word.append(ch);
        }
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return new Words(words, "");
  }

  /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens. */
  private static Set<String> anchors(Path page) throws IOException {
    Set<String> anchors = new LinkedHashSet<>();
    boolean fenced = false;
    for (String line : Files.readAllLines(page)) {
      fenced ^= FENCE.matcher(line).matches();
      if (!fenced && line.startsWith("#")) {
        String heading = line.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT);
        String slug = heading.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
        String unique = slug;
        for (int n = 1; !anchors.add(unique); n++) {
          unique = slug + "-" + n;
        }
      }
    }
    return anchors;
  }
}
