package org.alkit.spark;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;

/** Spark sessions for tests: a small UI-less session, and a count of the jobs it ran. */
final class LocalSpark {
  private LocalSpark() {}

  static SparkSession.Builder builder(String master) {
    return SparkSession.builder().master(master).appName("al-spark test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1");
  }

  /**
   * Waits until {@code spark}'s listeners have heard every event so far (they hear them on a thread
   * of their own), so a count read next is complete.
   */
  static void drain(SparkSession spark) {
    try {
      spark.sparkContext().listenerBus().waitUntilEmpty(120_000);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Spark's listeners did not catch up within 2 minutes", e);
    }
  }

  /** Counts the jobs {@code spark} starts from now on; read it after {@link #drain}. */
  static AtomicInteger jobs(SparkSession spark) {
    AtomicInteger jobs = new AtomicInteger();
    spark.sparkContext().addSparkListener(new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart jobStart) {
        jobs.incrementAndGet();
      }
    });
    return jobs;
  }
}
