package org.alkit.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The Spark engine's flags, shared by {@code alkit select} and {@code alkit run}. */
final class SparkOptions {
  @Option(names = "--spark-master", description = "Spark master URL (default local[*], or spark-submit's)")
  String master;

  @Option(names = "--spark-conf", paramLabel = "<key=value>", description = "Spark configuration property, "
      + "repeatable; alkit.partitions=N splits the pool into N row ranges")
  List<String> conf = new ArrayList<>();

  /** Whether any flag is given. */
  boolean given() {
    return master != null || !conf.isEmpty();
  }

  /** The engine's settings: the {@code --spark-conf} keys, and {@code master}. */
  Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>(Inputs.keyValues("--spark-conf", conf));
    if (master != null) {
      settings.put("master", master);
    }
    return settings;
  }
}
