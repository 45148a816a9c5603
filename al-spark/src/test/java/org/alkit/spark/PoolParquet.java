package org.alkit.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alkit.api.Matrix;
import org.alkit.runtime.Npy;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Writes a {@code .npy} probability pool (from {@code src/test/python/generate_pool.py}) as a
 * Parquet pool of the same items, for the evidence in docs/spark.md: one row per item, {@code id}
 * its pool index and {@code probs} its row, in {@code files} files of consecutive ids; each task
 * reads its rows from the {@code .npy} file, so no process holds the pool.
 *
 * <pre>
 * java -cp "al-spark/target/test-classes:al-spark/target/classes:al-spark/target/lib/*:al-spark/target/spark-home/jars/*" \
 *   [the --add-opens of ./alkit] org.alkit.spark.PoolParquet POOL.npy OUT.parquet FILES
 * </pre>
 */
public final class PoolParquet {
  private static final StructType SCHEMA = new StructType(new StructField[] {
      DataTypes.createStructField("id", DataTypes.LongType, false),
      DataTypes.createStructField("probs", DataTypes.createArrayType(DataTypes.FloatType, false), false)});

  private PoolParquet() {}

  public static void main(String[] args) {
    String npy = Path.of(args[0]).toAbsolutePath().toString();
    String out = args[1];
    int files = Integer.parseInt(args[2]);
    int n = Npy.header(Path.of(npy)).shape()[0];
    List<int[]> ranges = new ArrayList<>();
    for (int f = 0; f < files; f++) {
      ranges.add(new int[] {(int) ((long) n * f / files), (int) ((long) n * (f + 1) / files)});
    }
    SparkSession spark = SparkSession.builder().master("local[2]").appName("alkit pool to Parquet")
        .config("spark.ui.enabled", "false").getOrCreate();
    try {
      JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(ranges, files)
          .flatMap(r -> {
            Matrix m = Npy.readMatrixRows(Path.of(npy), r[0], r[1]);
            List<Row> items = new ArrayList<>(m.rows());
            for (int i = 0; i < m.rows(); i++) {
              float[] row = m.row(i);
              List<Float> values = new ArrayList<>(row.length);
              for (float v : row) {
                values.add(v);
              }
              // a Row's array is a Scala Seq where Spark encodes the rows of an RDD
              items.add(RowFactory.create((long) r[0] + i, CollectionConverters.asScala(values).toSeq()));
            }
            return items.iterator();
          });
      spark.createDataFrame(rows, SCHEMA).write().parquet(out);
    } finally {
      spark.stop();
    }
  }
}
