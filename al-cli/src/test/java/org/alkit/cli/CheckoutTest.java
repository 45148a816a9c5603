package org.alkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** What git keeps of the checkout: a user's plugin jars in {@code plugins/} are theirs, not the project's. */
class CheckoutTest {
  private static final Path ROOT = Path.of(System.getProperty("alkit.root"));

  /** Whether git ignores {@code path} (relative to the checkout), by {@code git check-ignore}. */
  private static boolean ignored(String path) throws IOException, InterruptedException {
    Process git = new ProcessBuilder("git", "check-ignore", "--quiet", "--no-index", path).directory(ROOT.toFile())
        .redirectErrorStream(true).start();
    git.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    assertThat(git.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(git.exitValue()).as("git check-ignore %s: 0 ignored, 1 not", path).isIn(0, 1);
    return git.exitValue() == 0;
  }

  @Test
  void pluginsHoldsItsReadmeAndGitIgnoresEverythingElseThere() throws Exception {
    Assumptions.assumeTrue(Files.exists(ROOT.resolve(".git")), "a git checkout");
    assertThat(ignored("plugins/README.md")).isFalse();
    assertThat(ignored("plugins/my-plugin-1.0.jar")).isTrue();
    assertThat(ignored("plugins/sub/other.jar")).isTrue();
    assertThat(ignored("examples/run.yml")).as("the rule is about plugins/ alone").isFalse();
  }
}
