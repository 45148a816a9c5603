/** The {@code alkit} command line: strategies, select, maximize, run, eval, serve. */
module org.alkit.cli {
  requires org.alkit.runtime;
  requires org.alkit.eval;
  requires org.alkit.submodular;
  requires info.picocli;
  requires io.micronaut.picocli.micronaut_picocli;
  requires io.micronaut.micronaut_inject;
  requires io.micronaut.micronaut_core;
  requires jakarta.inject;
  requires com.google.guice;
  requires com.fasterxml.jackson.databind;
  requires me.tongfei.progressbar;
  // sun.misc.Signal: SIGINT and SIGTERM stop run and eval between journaled steps (StopSignals)
  requires jdk.unsupported;

  // Micronaut creates the bean definitions it generated here ($RunCommand$Definition, ...) through
  // MethodHandles.publicLookup(), which reaches only packages exported to every module
  exports org.alkit.cli;

  opens org.alkit.cli to info.picocli, io.micronaut.micronaut_inject, io.micronaut.micronaut_core;

  // --engine spark: al-spark, on the class path when the launcher runs select with it
  uses org.alkit.runtime.SelectionEngine;
  // serve: al-serve, on the class path when the launcher runs serve
  uses org.alkit.runtime.LabelingService;
}
