package org.alkit.spark;

import java.util.List;

/** A pool split into partitions, each read and handled by one task. */
interface Pool {
  /** How many partitions (tasks) {@link #map} runs. */
  int partitions();

  /** What {@code task} returns for each partition, in partition order. */
  <R> List<R> map(PoolTask<R> task);

  /**
   * The best {@code shard.budget()} items of the pool, each task reading and ranking its partition
   * in chunks of at most {@code chunkRows} rows ({@link Shard#rank(java.util.Iterator)}; 0: as many
   * as {@link Shard#chunkRows} gives the executor's heap), so its memory does not grow with the
   * partition; the driver merges the tasks' tops.
   */
  Top rank(Shard shard, int chunkRows);

  /** The labeled items' rows, read for the driver (a small set: the model was trained on it). */
  Subset labeled();
}
