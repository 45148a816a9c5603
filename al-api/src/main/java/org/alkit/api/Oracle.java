package org.alkit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Returns the true labels of pool items: simulated from ground truth, read from a file, or asked of a person. */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface Oracle {
  /** The label of each index, position by position. */
  int[] label(int[] indices);
}
