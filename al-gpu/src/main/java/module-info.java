/**
 * alkit on DJL and PyTorch (libtorch, CPU or CUDA): the neural models {@code mlp}, {@code cnn} and
 * {@code embed}, and the compute backend {@code djl}. The only alkit module, besides strategies
 * that train a network themselves, that depends on DJL; it is loaded only when configuration names
 * one of its models or its backend. Its engine door ({@code org.alkit.gpu.engine.Torch}: offline
 * start, one intra-op thread, the lock around training) is shared with {@code org.alkit.vabal},
 * whose VAE trains on the same libtorch.
 */
@SuppressWarnings("module") // org.alkit.vabal is built after this module
module org.alkit.gpu {
  requires org.alkit.api;
  requires org.alkit.commons;
  requires ai.djl.api;
  // libtorch's intra-op threads (JniUtils.setNumThreads) for the djl backend's option 'threads'
  requires ai.djl.pytorch_engine;
  requires static org.apiguardian.api;

  exports org.alkit.gpu.engine to org.alkit.vabal;

  uses org.alkit.api.ModelProvider;
  // the djl backend hands parallelFor, top-k and the centre trackers to the java backend
  uses org.alkit.api.BackendProvider;

  provides org.alkit.api.ModelProvider with
      org.alkit.gpu.model.MlpModelProvider,
      org.alkit.gpu.model.CnnModelProvider,
      org.alkit.gpu.model.EmbedModelProvider;
  provides org.alkit.api.BackendProvider with org.alkit.gpu.backend.DjlBackendProvider;
}
