package org.alkit.bench.gpu;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.alkit.api.FittedModel;
import org.alkit.api.Matrix;
import org.alkit.api.ModelAdapter;
import org.alkit.commons.Permutations;
import org.alkit.commons.Probabilities;
import org.alkit.eval.data.Datasets;
import org.alkit.runtime.Dataset;
import org.alkit.runtime.Npy;
import org.alkit.runtime.NpyArray;
import org.alkit.runtime.Registry;

/**
 * One timed fit of the DJL model {@code mlp} or {@code cnn} (default options: 30 epochs, batch 64,
 * Adam) on {@code labeled} random Fashion-MNIST training images, the side of alkit in
 * {@code al-bench/reference/train_bench.sh}, which runs it in turn with the same fit in PyTorch
 * ({@code al-bench/reference/train_torch.py}). Prints one line: the fit's wall time and the test
 * accuracy of the fitted model on the 10 000 test images.
 *
 * <p>It writes what the PyTorch side needs to train on the same rows in the same order into
 * {@code dir}: {@code <model>-<labeled>-rows.npy} (the pool indices trained on, drawn as
 * {@code new SplittableRandom(42).ints(0, 60 000).distinct()}) and {@code <model>-<labeled>-order.npy}
 * (epochs × labeled: each epoch's batch order, positions into the rows). The order follows the
 * seed scheme {@code NetworkAdapter} documents: a generator seeded with the fit seed gives
 * libtorch's seed, then the Monte-Carlo seed, then one Fisher–Yates shuffle of the positions per
 * epoch. Before the timed fit, one fit of one epoch on 256 rows starts libtorch and warms the JIT
 * up (the PyTorch side does the same warm-up). libtorch's threads come from
 * {@code -Dai.djl.pytorch.num_threads}. {@code cpu_ms} is the process's CPU time during the fit
 * (JIT and garbage collector threads included), {@code thread_cpu_ms} that of the thread running
 * the fit, where libtorch runs its operations on one thread (the steadier figure on a shared
 * machine).
 *
 * <pre>{@code
 * java -Dai.djl.offline=true -DDJL_CACHE_DIR=target/djl-cache -Dai.djl.pytorch.num_threads=1 \
 *      -cp "al-bench/target/al-bench-0.1.0-SNAPSHOT.jar:$(cat al-bench/target/classpath.txt)" \
 *      org.alkit.bench.gpu.FitTiming mlp 5000 target/train-bench [model-options as key=value ...]
 * }</pre>
 */
public final class FitTiming {
  /** The seed of the timed fit. */
  static final long FIT_SEED = 7;

  private FitTiming() {}

  /** Arguments: the model name, the labeled count, the folder for the order files, then model options. */
  public static void main(String[] args) throws Exception {
    String name = args[0];
    int count = Integer.parseInt(args[1]);
    Path dir = Path.of(args[2]);
    Map<String, String> options = new java.util.LinkedHashMap<>();
    for (String pair : Arrays.copyOfRange(args, 3, args.length)) {
      options.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
    Dataset fashion = Datasets.load(Datasets.FASHION_MNIST, 0.25, 1);
    int[] rows = new SplittableRandom(42).ints(0, fashion.pool().rows()).distinct().limit(count).toArray();
    int[] truth = fashion.poolLabels();
    int[] labels = Arrays.stream(rows).map(i -> truth[i]).toArray();
    ModelAdapter adapter = Registry.load().createModel(name, options);
    int epochs = Integer.parseInt(options.getOrDefault("epochs", "30"));
    Files.createDirectories(dir);
    String prefix = name + "-" + count + "-";
    Npy.write(dir.resolve(prefix + "rows.npy"), integers(new int[] {count}, rows));
    Npy.write(dir.resolve(prefix + "order.npy"), integers(new int[] {epochs, count}, batchOrder(count, epochs)));

    ModelAdapter warmUp = Registry.load().createModel(name, Map.of("epochs", "1"));
    warmUp.fit(fashion.pool(), Arrays.copyOf(rows, 256), Arrays.copyOf(labels, 256), fashion.numClasses(), 1);
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu = os.getProcessCpuTime();
    long ownCpu = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    FittedModel model = adapter.fit(fashion.pool(), rows, labels, fashion.numClasses(), FIT_SEED);
    long fitNanos = System.nanoTime() - start;
    long cpuNanos = os.getProcessCpuTime() - cpu;
    long ownCpuNanos = threads.getCurrentThreadCpuTime() - ownCpu;
    double accuracy = accuracy(model.probabilities(fashion.test()), fashion.testLabels());
    System.out.printf(Locale.ROOT, "alkit %s labeled=%d threads=%s fit_ms=%.1f cpu_ms=%.1f thread_cpu_ms=%.1f accuracy=%.4f%n",
        name, count, System.getProperty("ai.djl.pytorch.num_threads", "1"), fitNanos / 1e6, cpuNanos / 1e6,
        ownCpuNanos / 1e6, accuracy);
  }

  /** Each epoch's batch order as the network adapter draws it from {@link #FIT_SEED}, epoch after epoch. */
  private static int[] batchOrder(int count, int epochs) {
    SplittableRandom random = new SplittableRandom(FIT_SEED);
    random.nextLong();
    random.nextLong();
    int[] order = new int[count];
    Arrays.setAll(order, r -> r);
    int[] all = new int[Math.multiplyExact(epochs, count)];
    for (int e = 0; e < epochs; e++) {
      Permutations.shuffle(order, random);
      System.arraycopy(order, 0, all, e * count, count);
    }
    return all;
  }

  private static NpyArray integers(int[] shape, int[] values) {
    return new NpyArray(NpyArray.Dtype.INT32, shape, Arrays.stream(values).asDoubleStream().toArray());
  }

  private static double accuracy(Matrix probabilities, int[] truth) {
    int right = 0;
    for (int i = 0; i < truth.length; i++) {
      right += Probabilities.argmax(probabilities, i) == truth[i] ? 1 : 0;
    }
    return (double) right / truth.length;
  }
}
