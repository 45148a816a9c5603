package org.alkit.gpu.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.alkit.api.InvalidInputException;
import org.alkit.api.ModelAdapter;
import org.alkit.api.ModelProvider;
import org.alkit.api.Options;
import org.alkit.api.Parameter;

/**
 * Publishes the model {@value #NAME}: a deep ensemble of M networks of one architecture
 * ({@code member: mlp} or {@code cnn}, with that model's options), each with its own seed
 * (Lakshminarayanan, Pritzel and Blundell, "Simple and Scalable Predictive Uncertainty Estimation
 * using Deep Ensembles", NeurIPS 2017). {@code kind}:
 *
 * <ul>
 *   <li>{@code independent} (the default): M members trained apart, the "naive ensemble" of
 *       Beluch, Genewein, Nürnberger and Köhler, "The power of ensembles for active learning in
 *       image classification", CVPR 2018;</li>
 *   <li>{@code snapshot}: one network trained for M cycles of {@code epochs} epochs with a cosine
 *       learning rate restarted each cycle, a member kept at the end of each (Huang et al.,
 *       "Snapshot Ensembles: Train 1, get M for free", ICLR 2017);</li>
 *   <li>{@code stochastic}: independent members, each sampled with T = {@code mc-samples}
 *       Monte-Carlo dropout passes (ensemble × dropout).</li>
 * </ul>
 *
 * With {@code bootstrap: true} each independent or stochastic member trains on its own bootstrap
 * resample of the labeled set (as Suggestive Annotation's committee, Yang et al., MICCAI 2017).
 * Member m's seed and resample come from the m-th split of the fit seed.
 *
 * <p>Offers {@code committee-probabilities} (the M members' outputs, dropout off, members × n × C),
 * {@code mc-probabilities} (stochastic: each member's T dropout passes, member after member,
 * M·T × n × C; otherwise the M members themselves, which Beluch et al. treat as the posterior's
 * samples), {@code probabilities} (the members' mean), {@code embeddings} (the members' penultimate
 * layers side by side, M·d columns) and {@code gradient-embeddings} from those. Its fits perform
 * the extra-items and epoch-predictions hooks: every member trains on the extra items, and an
 * epoch's predictions are the members' mean after that epoch (snapshot: the one network's).
 *
 * <pre>{@code
 * model: ensemble
 * model-options: {member: mlp, members: 5, kind: independent, hidden: "128", epochs: 30}
 * }</pre>
 */
public final class EnsembleModelProvider implements ModelProvider {
  /** The name configuration selects this model by. */
  public static final String NAME = "ensemble";

  /** The member models by name. */
  private static final Map<String, NetworkModelProvider> MEMBERS = members();

  /** The ServiceLoader constructor. */
  public EnsembleModelProvider() {}

  private static Map<String, NetworkModelProvider> members() {
    Map<String, NetworkModelProvider> m = new LinkedHashMap<>();
    m.put(MlpModelProvider.NAME, new MlpModelProvider());
    m.put(CnnModelProvider.NAME, new CnnModelProvider());
    return m;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "deep ensemble of mlps or cnns: independent, snapshot or stochastic (x MC dropout), optional bootstrap; committee and MC probabilities";
  }

  /** The ensemble's own options, then every member model's (each read only for its own member). */
  @Override
  public List<Parameter> parameters() {
    List<Parameter> own = List.of(
        Parameter.choice("member", MlpModelProvider.NAME, "the members' network", MEMBERS.keySet().toArray(String[]::new)),
        Parameter.integer("members", 5, "M, the members (snapshot: the cycles); one network is no ensemble")
            .atLeast(2),
        Parameter.choice("kind", Ensemble.Kind.INDEPENDENT.key(), "independent members, snapshots of one network"
            + " on a cyclic learning rate, or independent members with Monte-Carlo dropout", Ensemble.Kind.keys()),
        Parameter.bool("bootstrap", false, "each member trains on a bootstrap resample of the labeled set"));
    List<Parameter> architectures = new ArrayList<>();
    for (NetworkModelProvider member : MEMBERS.values()) {
      for (Parameter p : member.architectureParameters()) {
        if (architectures.stream().noneMatch(q -> q.name().equals(p.name()))) {
          architectures.add(p);
        }
      }
    }
    return Stream.of(own, architectures, TrainingOptions.PARAMETERS).flatMap(List::stream).toList();
  }

  @Override
  public ModelAdapter create(Options options) {
    String owner = "model '" + NAME + "'";
    int members = options.getInt("members");
    Ensemble.Kind kind = Ensemble.Kind.of(options.getString("kind"));
    boolean bootstrap = options.getBoolean("bootstrap");
    if (bootstrap && kind == Ensemble.Kind.SNAPSHOT) {
      throw new InvalidInputException(owner + ": option 'bootstrap' = true: expected false with kind snapshot"
          + " (its members are one network's snapshots)");
    }
    NetworkModelProvider member = MEMBERS.get(options.getString("member"));
    TrainingOptions training = member.training(options);
    String memberOwner = owner + " (member " + member.name() + ")";
    List<NetworkAdapter> networks = new ArrayList<>();
    for (int m = 0; m < (kind == Ensemble.Kind.SNAPSHOT ? 1 : members); m++) {
      networks.add(new NetworkAdapter(member.architecture(memberOwner, options, training), training));
    }
    return new Ensemble(owner, kind, members, bootstrap, networks, training.epochs());
  }
}
