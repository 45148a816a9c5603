package org.alkit.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.io.TempDir;

/** The browser test runs where Chromium and its driver are installed and says what to install where they are not. */
class ChromiumTest {
  @TempDir
  Path dir;

  @Test
  void aPathWithoutTheBrowserSkipsWithTheInstallCommand() throws Exception {
    Path bin = executable(dir.resolve("bin"), Chromium.DRIVER);
    ConditionEvaluationResult r = Chromium.evaluate(bin.getParent().toString());
    assertThat(r.isDisabled()).isTrue();
    assertThat(r.getReason()).hasValueSatisfying(reason -> assertThat(reason)
        .contains("no chromium on the PATH").doesNotContain("no chromedriver")
        .contains("install it with 'apt-get install chromium chromium-driver'"));
  }

  @Test
  void anEmptyPathNamesBothMissingExecutables() {
    ConditionEvaluationResult r = Chromium.evaluate("");
    assertThat(r.isDisabled()).isTrue();
    assertThat(r.getReason()).hasValueSatisfying(reason -> assertThat(reason)
        .contains("no chromium and no chromedriver on the PATH"));
  }

  @Test
  void aPathWithBothRunsTheTest() throws Exception {
    Path browser = executable(dir.resolve("a"), Chromium.BROWSER);
    Path driver = executable(dir.resolve("b"), Chromium.DRIVER);
    Files.createDirectories(dir.resolve("empty"));
    String path = String.join(File.pathSeparator, dir.resolve("empty").toString(), browser.getParent().toString(),
        driver.getParent().toString());
    assertThat(Chromium.evaluate(path).isDisabled()).isFalse();
    assertThat(Chromium.find(path, Chromium.DRIVER)).contains(driver);
  }

  @Test
  void aFileThatIsNotExecutableIsNoBrowser() throws Exception {
    Path bin = executable(dir.resolve("bin"), Chromium.DRIVER);
    Files.writeString(bin.getParent().resolve(Chromium.BROWSER), "not a program");
    assertThat(Chromium.evaluate(bin.getParent().toString()).isDisabled()).isTrue();
  }

  private static Path executable(Path folder, String name) throws Exception {
    Files.createDirectories(folder);
    Path file = Files.writeString(folder.resolve(name), "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
