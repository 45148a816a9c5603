"""ProbCover, ranked batch-mode and information density as a numpy user writes them, timed beside
`alkit select` on the same files (issue 28, item 8).

  python3 parity_numpy.py prepare DIR      # Fashion-MNIST: 50 000 training images, PCA to 128
                                           # dimensions (float32), softmax probabilities of a
                                           # nearest-centroid model on 20 labeled images, and a
                                           # delta giving about 30 neighbours a ball
  python3 parity_numpy.py STRATEGY DIR 100 # one selection; prints {"selected", "timing": {"select_ms"}}

The selection time counts everything after the files are loaded, as alkit's select_ms does.
- probcover: the delta-ball graph in blocks of 1 024 rows through BLAS (|x|^2 + |y|^2 - 2 x.y), kept
  as edge arrays, then the greedy of the ProbCover authors' code (Yehuda et al., typiclust repo,
  `probcover.py`): degrees by np.bincount over the uncovered edges, argmax, drop the edges into the
  newly covered points.
- ranked-batch: modAL's `uncertainty_batch_sampling` (`ranked_batch` / `select_instance`) with the
  distance to the nearest labeled or picked item kept as a running minimum (modAL recomputes
  pairwise_distances_argmin_min against the growing labeled set each step; the running minimum is
  the faster rendering, so the comparison favours numpy).
- information-density: entropy times the mean cosine similarity from the normalised mean vector.
"""
import gzip
import json
import sys
import time

import numpy as np

FASHION = "/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"
FASHION_LABELS = "/usr/share/datasets/fashion-mnist/train-labels-idx1-ubyte.gz"


def prepare(out, n=50_000, d=128, labeled=20, degree=30):
    with gzip.open(FASHION) as f:
        x = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 784)[:n].astype(np.float64) / 255
    with gzip.open(FASHION_LABELS) as f:
        y = np.frombuffer(f.read(), np.uint8, offset=8)[:n]
    x -= x.mean(0)
    _, _, vt = np.linalg.svd(x[::10], full_matrices=False)
    e = (x @ vt[:d].T).astype(np.float32)
    rng = np.random.default_rng(0)
    lab = np.sort(rng.choice(n, labeled, replace=False))
    centroids = np.stack([e[lab][y[lab] == c].mean(0) if (y[lab] == c).any() else e.mean(0) for c in range(10)])
    logits = -((e[:, None, :] - centroids[None]) ** 2).sum(-1) / 20
    logits -= logits.max(1, keepdims=True)
    p = np.exp(logits)
    p = (p / p.sum(1, keepdims=True)).astype(np.float32)
    sample = e[rng.choice(n, 2000, replace=False)]
    d2 = ((sample[:, None, :] - e[None, :5000, :]) ** 2).sum(-1)
    delta = float(np.sqrt(np.quantile(d2, degree / n)))
    np.save(f"{out}/embeddings.npy", e)
    np.save(f"{out}/probs.npy", p)
    np.save(f"{out}/labeled.npy", lab.astype(np.int32))
    with open(f"{out}/delta.txt", "w") as f:
        f.write(f"{delta:.4f}\n")


def probcover(e, labeled, budget, delta, block=1024):
    n = len(e)
    norms = (e * e).sum(1)
    xs, ys = [], []
    for i in range(0, n, block):
        d2 = norms[i:i + block, None] + norms[None, :] - 2 * e[i:i + block] @ e.T
        r, c = np.nonzero(d2 < delta * delta)
        xs.append(r + i)
        ys.append(c)
    x = np.concatenate(xs)
    y = np.concatenate(ys)
    covered = np.zeros(n, bool)
    covered[y[np.isin(x, labeled)]] = True
    keep = ~covered[y]
    x, y = x[keep], y[keep]
    candidate = np.ones(n, bool)
    candidate[labeled] = False
    picks = []
    rng = np.random.default_rng(0)
    for _ in range(budget):
        degrees = np.bincount(x, minlength=n)
        degrees[~candidate] = -1
        cur = int(degrees.argmax())
        if degrees[cur] <= 0:
            rest = np.flatnonzero(candidate)
            picks += rng.choice(rest, budget - len(picks), replace=False).tolist()
            break
        covered[y[x == cur]] = True
        keep = ~covered[y]
        x, y = x[keep], y[keep]
        candidate[cur] = False
        picks.append(cur)
    return picks


def ranked_batch(e, p, labeled, budget):
    n = len(e)
    unlabeled = np.setdiff1d(np.arange(n), labeled)
    u = e[unlabeled]
    uncertainty = 1 - p[unlabeled].max(1)
    ref = e[labeled]
    un = (u * u).sum(1)
    dmin = np.full(len(u), np.inf)
    for i in range(0, len(ref), 1024):
        r = ref[i:i + 1024]
        dmin = np.minimum(dmin, (un[:, None] + (r * r).sum(1)[None] - 2 * u @ r.T).min(1))
    dmin = np.sqrt(np.maximum(dmin, 0))
    mask = np.ones(len(u), bool)
    picks = []
    for s in range(budget):
        rest = len(u) - s
        alpha = rest / (rest + len(labeled) + s)
        scores = alpha * (1 - 1 / (1 + dmin)) + (1 - alpha) * uncertainty
        scores[~mask] = -np.inf
        best = int(scores.argmax())
        picks.append(int(unlabeled[best]))
        mask[best] = False
        dmin = np.minimum(dmin, np.sqrt(((u - u[best]) ** 2).sum(1)))
    return picks


def information_density(e, p, labeled, budget):
    n = len(e)
    unlabeled = np.setdiff1d(np.arange(n), labeled)
    q = p[unlabeled].astype(np.float64)
    q /= q.sum(1, keepdims=True)
    entropy = -(q * np.log(np.where(q > 0, q, 1))).sum(1)
    u = e[unlabeled].astype(np.float64)
    norms = np.linalg.norm(u, axis=1)
    unit = u / np.where(norms > 0, norms, 1)[:, None]
    density = np.maximum(unit @ unit.mean(0), 0)
    scores = entropy * density
    top = np.argpartition(-scores, budget)[:budget]
    top = top[np.lexsort((top, -scores[top]))]
    return unlabeled[top].tolist()


def main():
    if sys.argv[1] == "prepare":
        prepare(sys.argv[2])
        return
    strategy, folder, budget = sys.argv[1], sys.argv[2], int(sys.argv[3])
    e = np.load(f"{folder}/embeddings.npy")
    p = np.load(f"{folder}/probs.npy")
    labeled = np.load(f"{folder}/labeled.npy")
    t = time.perf_counter()
    if strategy == "probcover":
        delta = float(open(f"{folder}/delta.txt").read())
        picks = probcover(e, labeled, budget, delta)
    elif strategy == "ranked-batch":
        picks = ranked_batch(e, p, labeled, budget)
    else:
        picks = information_density(e, p, labeled, budget)
    ms = (time.perf_counter() - t) * 1000
    print(json.dumps({"strategy": strategy, "selected": [int(i) for i in picks], "timing": {"select_ms": round(ms, 3)}}))


if __name__ == "__main__":
    main()
