/**
 * alkit on DJL and PyTorch (libtorch, CPU or CUDA): the neural models {@code mlp}, {@code cnn} and
 * {@code embed}. The only alkit module, besides strategies that train a network themselves, that
 * depends on DJL; it is loaded only when configuration names one of its models. Its engine door
 * ({@code org.alkit.gpu.engine.Torch}: offline start, one intra-op thread, the lock around
 * training) is shared with {@code org.alkit.vabal}, whose VAE trains on the same libtorch.
 */
@SuppressWarnings("module") // org.alkit.vabal is built after this module
module org.alkit.gpu {
  requires org.alkit.api;
  requires org.alkit.commons;
  requires ai.djl.api;
  requires static org.apiguardian.api;

  exports org.alkit.gpu.engine to org.alkit.vabal;

  uses org.alkit.api.ModelProvider;

  provides org.alkit.api.ModelProvider with
      org.alkit.gpu.model.MlpModelProvider,
      org.alkit.gpu.model.CnnModelProvider,
      org.alkit.gpu.model.EmbedModelProvider;
}
