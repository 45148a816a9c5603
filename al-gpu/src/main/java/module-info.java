/**
 * alkit on DJL and PyTorch (libtorch, CPU or CUDA): the neural models {@code mlp}, {@code cnn},
 * {@code embed}, {@code ensemble} (deep ensembles of mlps or cnns) and {@code bbb} (Bayes by
 * backprop), and the compute backend {@code djl}. The only alkit module that depends on DJL's
 * PyTorch engine; it is loaded only when configuration names one of its models or its backend, or
 * a strategy needs the {@link org.alkit.api.NetworkTraining} its backend offers (VaB-AL's VAE
 * trains through that capability, on the engine, device and threads of the backend, and under the
 * training lock alkit's networks share). Nothing is exported.
 */
module org.alkit.gpu {
  requires org.alkit.api;
  requires org.alkit.commons;
  requires ai.djl.api;
  // libtorch's intra-op threads (JniUtils.setNumThreads) for the djl backend's option 'threads'
  requires ai.djl.pytorch_engine;
  requires static org.apiguardian.api;

  uses org.alkit.api.ModelProvider;
  // the djl backend hands parallelFor, top-k and the centre trackers to the java backend
  uses org.alkit.api.BackendProvider;

  provides org.alkit.api.ModelProvider with
      org.alkit.gpu.model.MlpModelProvider,
      org.alkit.gpu.model.CnnModelProvider,
      org.alkit.gpu.model.EmbedModelProvider,
      org.alkit.gpu.model.EnsembleModelProvider,
      org.alkit.gpu.model.BbbModelProvider;
  provides org.alkit.api.BackendProvider with org.alkit.gpu.backend.DjlBackendProvider;
}
