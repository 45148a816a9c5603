package org.alkit.submodular;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * How a caller of {@link Maximizer} calls the {@link MaximizeRequest} parameters in error
 * messages: the request's component names ({@code data}, {@code queryKernel}, {@code budget}, …)
 * by default, or the caller's own words for them, e.g. the CLI's flags ({@code data} →
 * {@code --data}). The submodular module words its errors in the API's terms; front ends map them.
 *
 * @param names the caller's word for each parameter it renames; the others keep their names
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ParameterNames(Map<String, String> names) {
  /** The request's own component names. */
  public static final ParameterNames API = new ParameterNames(Map.of());

  /** Copies the map. */
  public ParameterNames {
    names = Map.copyOf(names);
  }

  /** How the caller calls {@code parameter}. */
  public String of(String parameter) {
    return names.getOrDefault(parameter, parameter);
  }
}
