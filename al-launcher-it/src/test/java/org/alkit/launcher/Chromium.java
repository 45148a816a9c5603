package org.alkit.launcher;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium that Selenium drives through the chromedriver installed beside it (Debian's
 * {@code chromium} and {@code chromium-driver}), both found on the {@code PATH}. Selenium is handed
 * both executables, so Selenium Manager never tries to download a browser or a driver (it cannot,
 * offline). A test class with {@code @ExtendWith(Chromium.class)} runs where both are installed and
 * is skipped, saying what to install, where either is missing.
 */
final class Chromium implements ExecutionCondition {
  /** The browser's executable. */
  static final String BROWSER = "chromium";
  /** The driver's executable, of the browser's own release. */
  static final String DRIVER = "chromedriver";
  /** What a machine without them needs. */
  static final String INSTALL = "apt-get install chromium chromium-driver";

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return evaluate(System.getenv().getOrDefault("PATH", ""));
  }

  /** Enabled when {@code path} (a {@code PATH} value) holds both executables; else disabled, naming the missing ones. */
  static ConditionEvaluationResult evaluate(String path) {
    List<String> missing = new ArrayList<>();
    for (String name : List.of(BROWSER, DRIVER)) {
      if (find(path, name).isEmpty()) {
        missing.add(name);
      }
    }
    return missing.isEmpty()
        ? ConditionEvaluationResult.enabled(BROWSER + " and " + DRIVER + " are on the PATH")
        : ConditionEvaluationResult.disabled("no " + String.join(" and no ", missing) + " on the PATH ("
            + path + "): the browser test needs a real Chromium; install it with '" + INSTALL + "'");
  }

  /** The executable {@code name} in the first folder of {@code path} that holds one. */
  static Optional<Path> find(String path, String name) {
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Starts a headless Chromium (a fresh profile, no sandbox, as containers and root need; no
   * {@code /dev/shm}, which containers keep small) of {@code width × height} pixels, the page load
   * bounded by {@code timeout}. The caller quits it.
   */
  static ChromeDriver start(int width, int height, Duration timeout) {
    String path = System.getenv().getOrDefault("PATH", "");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(find(path, DRIVER).orElseThrow().toFile())
        .usingAnyFreePort()
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(find(path, BROWSER).orElseThrow().toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=" + width + "," + height);
    options.setPageLoadTimeout(timeout);
    return new ChromeDriver(service, options);
  }
}
