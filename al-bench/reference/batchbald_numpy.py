"""A plain BatchBALD greedy in numpy, timed on MC-dropout samples (see README.md).

The greedy of Kirsch et al. 2019 as BatchBALD-redux runs it: every step evaluates every remaining
candidate. Same estimator as alkit's batch-bald: H(Y_x | Y_A) = sum_m w_m H[p(. | y_m)], with
p(y_x | y_m) = sum_t P(t | y_m) q_x,t(y_x), exact while the C^|A| configurations number at most
10 000, 10 000 sampled configurations beyond. Each step is a (configurations x T) @ (T x chunk*C)
product plus the entropies, in chunks of candidates. Usage:
python3 batchbald_numpy.py MC.npy [T] [n] [b] [candidates]: the first T passes and n items, batch
b (defaults 100, 59 000, 10), evaluating only the first `candidates` items (default all) so the
full-size time can be extrapolated linearly, as the cost of a step is linear in the candidates.
"""
import sys
import time

import numpy as np

mc = np.load(sys.argv[1], mmap_mode="r")
passes = int(sys.argv[2]) if len(sys.argv) > 2 else 100
n = int(sys.argv[3]) if len(sys.argv) > 3 else 59_000
b = int(sys.argv[4]) if len(sys.argv) > 4 else 10
m = int(sys.argv[5]) if len(sys.argv) > 5 else n
limit = samples = 10_000
q = np.ascontiguousarray(np.transpose(mc[:passes, :m], (1, 0, 2)), dtype=np.float32)  # m x T x C
q /= q.sum(2, keepdims=True)
classes = q.shape[2]
rng = np.random.default_rng(0)


def entropy_rows(p):
    s = p.sum(-1)
    with np.errstate(divide="ignore", invalid="ignore"):
        x = np.where(p > 0, p * np.log(np.where(p > 0, p, 1)), 0).sum(-1)
    return np.log(s) - x / s


start = time.perf_counter()
expected = entropy_rows(q).mean(1)
posterior = np.full((1, passes), 1 / passes, np.float32)
weights = np.ones(1)
component = None
batch = []
for step in range(b):
    gains = np.full(m, -np.inf)
    for lo in range(0, m, 200):
        hi = min(m, lo + 200)
        qc = q[lo:hi].transpose(1, 0, 2).reshape(passes, -1)  # T x (chunk*C)
        pred = (posterior @ qc).reshape(len(posterior), hi - lo, classes)
        gains[lo:hi] = weights @ entropy_rows(pred) - expected[lo:hi]
    gains[batch] = -np.inf
    x = int(np.argmax(gains))
    batch.append(x)
    qx = q[x]  # T x C
    if component is None and len(posterior) * classes <= limit:
        pred = posterior @ qx  # rows x C
        joint = (posterior[:, None, :] * qx.T[None, :, :]).reshape(-1, passes)
        weights = (weights[:, None] * pred / pred.sum(1, keepdims=True)).reshape(-1)
        keep = weights > 0
        posterior = (joint[keep] / pred.reshape(-1, 1)[keep]).astype(np.float32)
        weights = weights[keep]
    else:
        if component is None:
            component = rng.integers(passes, size=samples)
            posterior = np.full((samples, passes), 1 / passes)
            weights = np.full(samples, 1 / samples)
            items = batch
        else:
            items = [x]
        for a in items:
            cum = np.cumsum(q[a][component], 1)
            y = np.minimum((cum < rng.random((samples, 1)) * cum[:, -1:]).sum(1), classes - 1)
            posterior = posterior * q[a][:, y].T
            posterior /= posterior.sum(1, keepdims=True)
        posterior = posterior.astype(np.float32)
elapsed = time.perf_counter() - start
print(f"numpy plain BatchBALD T={passes} candidates={m} of n={n} b={b}: {elapsed:.1f} s"
      f" (x{n / m:.1f} = {elapsed * n / m:.0f} s extrapolated to n={n}); batch {batch}")
