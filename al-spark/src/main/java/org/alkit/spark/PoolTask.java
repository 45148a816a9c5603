package org.alkit.spark;

import java.io.Serializable;
import java.util.function.Supplier;

/**
 * What a task does with its partition's {@link Rows}, in an executor, given a reader of them (which
 * throws {@link org.alkit.api.InvalidInputException} on a bad row: a task that reports bad input as
 * a value reads inside its reporting); Spark serializes it to the executors, so an implementation
 * (or a lambda) captures only serializable values.
 *
 * @param <R> what the task sends back to the driver
 */
@FunctionalInterface
interface PoolTask<R> extends Serializable {
  R apply(Supplier<Rows> rows);
}
