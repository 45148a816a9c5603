import org.alkit.diversity.BadgeProvider;
import org.alkit.diversity.CalProvider;
import org.alkit.diversity.ClusterMarginProvider;
import org.alkit.diversity.CoresetProvider;
import org.alkit.diversity.DiscriminativeProvider;
import org.alkit.diversity.DoubtCoresetProvider;
import org.alkit.diversity.KMeansProvider;
import org.alkit.diversity.ProbCoverProvider;
import org.alkit.diversity.RandomProvider;
import org.alkit.diversity.RankedBatchProvider;
import org.alkit.diversity.TypiClustProvider;

/** Diversity strategies: random, k-center core-set, doubt-weighted core-set, k-means, cluster-margin, BADGE, CAL, discriminative active learning, ProbCover, TypiClust, ranked batch-mode. */
module org.alkit.diversity {
  requires org.alkit.api;
  requires org.alkit.commons;
  requires static org.apiguardian.api;

  provides org.alkit.api.StrategyProvider with
      RandomProvider,
      CoresetProvider,
      DoubtCoresetProvider,
      KMeansProvider,
      ClusterMarginProvider,
      BadgeProvider,
      CalProvider,
      DiscriminativeProvider,
      ProbCoverProvider,
      TypiClustProvider,
      RankedBatchProvider;
}
