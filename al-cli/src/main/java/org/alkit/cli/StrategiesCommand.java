package org.alkit.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import org.alkit.api.ModelProvider;
import org.alkit.api.Parameter;
import org.alkit.api.Signal;
import org.alkit.api.StrategyProvider;
import org.alkit.runtime.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code alkit strategies}: every discovered strategy with its family, required signals and options
 * (each with its default, type, choices or range, and description), then every model a run
 * configuration can name with its options.
 */
@Command(name = "strategies", mixinStandardHelpOptions = true, version = Alkit.VERSION,
    description = "List every discovered strategy (name, family, signals, options), then every model.")
final class StrategiesCommand implements Runnable {
  @Inject
  Provider<Registry> registry;

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    for (StrategyProvider p : registry.get().strategies()) {
      out.printf("%-22s %-12s requires: %s%s%n", p.name(), p.family(), signals(p),
          p.uses().isEmpty() ? "" : "  uses: " + p.uses().stream().map(Signal::key).sorted()
              .collect(Collectors.joining(", ")));
      if (!p.description().isBlank()) {
        out.printf("    %s%n", p.description());
      }
      options(out, "--set ", p.parameters());
    }
    out.printf("%nmodels (model and model-options of a run configuration):%n");
    for (ModelProvider m : registry.get().models()) {
      out.printf("%-22s %s%n", m.name(), m.description());
      options(out, "", m.parameters());
    }
    out.flush();
  }

  private static void options(PrintWriter out, String prefix, List<Parameter> parameters) {
    for (Parameter o : parameters) {
      out.printf("    %s%s=%s  (%s%s%s) %s%n", prefix, o.name(), o.defaultValue(),
          o.type().name().toLowerCase(java.util.Locale.ROOT),
          o.choices().isEmpty() ? "" : ": " + String.join("|", o.choices()),
          o.range().isEmpty() ? "" : ", " + o.range(), o.description());
    }
  }

  private static String signals(StrategyProvider p) {
    return p.requires().isEmpty() ? "-"
        : p.requires().stream().map(Signal::key).sorted().collect(Collectors.joining(", "));
  }
}
