/** An example third-party alkit plugin: built against al-api alone. */
module com.example.outlier {
  requires org.alkit.api;

  provides org.alkit.api.StrategyProvider with com.example.outlier.OutlierProvider;
}
