package org.alkit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which jars the engine ships to executors ({@link SparkSelection#shippedJars}): the launcher's
 * list, only where executors are processes of their own and nobody named {@code spark.jars}; and
 * the web UI, off unless the settings name it ({@link SparkSelection#withoutUi}).
 */
class ShippedJarsTest {
  private static final String JARS = "a.jar,b.jar";

  @BeforeEach
  void launcherNamesItsJars() {
    System.setProperty(SparkSelection.LAUNCHER_JARS, JARS);
  }

  @AfterEach
  void clear() {
    System.clearProperty(SparkSelection.LAUNCHER_JARS);
    System.clearProperty("spark.master");
    System.clearProperty("spark.jars");
  }

  @Test
  void executorsInOtherProcessesGetTheLaunchersJars() {
    assertThat(SparkSelection.shippedJars("local-cluster[2,1,1024]", Map.of())).contains(JARS);
    assertThat(SparkSelection.shippedJars("spark://master:7077", Map.of())).contains(JARS);
    System.setProperty("spark.master", "yarn");
    assertThat(SparkSelection.shippedJars(null, Map.of())).contains(JARS);
  }

  @Test
  void inProcessExecutorsAndNamedJarsGetNothing() {
    assertThat(SparkSelection.shippedJars("local[2]", Map.of())).isEmpty();
    assertThat(SparkSelection.shippedJars("local", Map.of())).isEmpty();
    assertThat(SparkSelection.shippedJars(null, Map.of())).as("default local[*]").isEmpty();
    assertThat(SparkSelection.shippedJars("spark://m:7077", Map.of("spark.jars", "mine.jar"))).isEmpty();
    System.setProperty("spark.jars", "submitted.jar");
    assertThat(SparkSelection.shippedJars("spark://m:7077", Map.of())).as("spark-submit --jars").isEmpty();
  }

  @Test
  void withoutTheLauncherNothingIsShipped() {
    System.clearProperty(SparkSelection.LAUNCHER_JARS);
    assertThat(SparkSelection.shippedJars("spark://m:7077", Map.of())).isEmpty();
  }

  @Test
  void theWebUiIsOffUnlessTheSettingsNameIt() {
    assertThat(SparkSelection.withoutUi(Map.of("spark.executor.memory", "1g")))
        .containsEntry("spark.ui.enabled", "false").containsEntry("spark.executor.memory", "1g");
    assertThat(SparkSelection.withoutUi(Map.of("spark.ui.enabled", "true"))).containsEntry("spark.ui.enabled", "true");
  }
}
