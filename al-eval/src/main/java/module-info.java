/**
 * alkit's evaluation suite, in three packages: {@code org.alkit.eval.data} (data sets and their
 * loaders, scenarios), {@code org.alkit.eval.matrix} (the matrix, its runner and journal, each
 * run's metrics and their paired statistics) and {@code org.alkit.eval.report} (reports: Allure
 * results, plots, a summary table, metrics as CSV, baselines).
 */
module org.alkit.eval {
  requires transitive org.alkit.runtime;
  requires org.alkit.commons;
  requires static transitive org.apiguardian.api;
  requires com.fasterxml.jackson.databind;
  requires commons.math3;
  requires org.yaml.snakeyaml;
  requires java.xml;
  requires io.qameta.allure.commons;
  requires io.qameta.allure.model;
  requires xchart;
  requires java.desktop;
  requires java.management;
  requires jdk.management;

  exports org.alkit.eval.data;
  exports org.alkit.eval.matrix;
  exports org.alkit.eval.report;

  // Jackson reads and writes the journal's records
  opens org.alkit.eval.matrix to com.fasterxml.jackson.databind;
}
