/**
 * alkit's evaluation suite: data sets, scenarios, the matrix runner with its journal, metrics and
 * paired statistics, and reports (Allure results, plots, a summary table, baselines).
 */
module org.alkit.eval {
  requires transitive org.alkit.runtime;
  requires org.alkit.commons;
  requires static transitive org.apiguardian.api;
  requires com.fasterxml.jackson.databind;
  requires commons.math3;
  requires io.qameta.allure.commons;
  requires io.qameta.allure.model;
  requires xchart;
  requires java.desktop;
  requires java.management;
  requires jdk.management;

  exports org.alkit.eval;

  // Jackson reads and writes the journal's records
  opens org.alkit.eval to com.fasterxml.jackson.databind;
}
