/**
 * The survey's strategies that take part in training or train networks of their own: learning loss
 * ({@code learning-loss}, Yoo and Kweon, CVPR 2019), VAAL ({@code vaal}, Sinha et al., ICCV 2019)
 * and MAL ({@code mal}, Ebrahimi et al. 2021). Written as a third party would write them: against
 * {@code org.alkit.api} (its training capability: {@link org.alkit.api.NetworkTraining},
 * {@link org.alkit.api.TrainingParticipant}, {@link org.alkit.api.AuxiliaryHead}) and DJL's API,
 * never against an engine module; libtorch itself comes with the backend and the models that serve
 * the capability. Nothing is exported; the providers are found through
 * {@link org.alkit.api.StrategyProvider}.
 */
module org.alkit.deep {
  requires transitive org.alkit.api;
  requires ai.djl.api;
  requires static org.apiguardian.api;

  provides org.alkit.api.StrategyProvider with
      org.alkit.deep.LearningLossProvider,
      org.alkit.deep.VaalProvider,
      org.alkit.deep.MalProvider;
}
