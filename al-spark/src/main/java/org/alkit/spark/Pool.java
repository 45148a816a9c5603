package org.alkit.spark;

import java.util.List;

/** A pool split into partitions, each read and handled by one task. */
interface Pool {
  /** How many partitions (tasks) {@link #map} runs. */
  int partitions();

  /** What {@code task} returns for each partition, in partition order. */
  <R> List<R> map(PoolTask<R> task);

  /** The labeled items' rows, read for the driver (a small set: the model was trained on it). */
  Subset labeled();
}
