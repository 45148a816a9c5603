package org.alkit.spark;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test class's one Spark session and generated pool: each class starts its session in a
 * {@code @BeforeAll} of its own; it is stopped here, with whatever processes it started.
 */
abstract class SessionTest {
  @TempDir
  static Path dir;

  static SparkSession spark;
  static Pools pool;

  @AfterAll
  static void stopSpark() {
    if (spark != null) {
      spark.stop();
      spark = null;
    }
  }
}
