"""Golden cases for probcover, typiclust, ranked-batch and information-density, computed here with
numpy, outside alkit, from the papers' definitions (and modAL's for ranked batch-mode).

Run from this folder: python3 generate_geometric.py (numpy only). It writes one JSON file per case beside
itself; the inputs are stored, so the cases never need to be regenerated. Conventions as in
../reference/README.md: features are multiples of 2^-8 (ProbCover, TypiClust, ranked batch; every
squared distance is then exact in float32 as well as float64, so alkit's float kernels and this
script agree to the bit) or 2^-10, float32 probabilities are written as the exact float64 they
convert to, indices are 0-based, ties go to the lower pool index. Sums run in index order in
float64 with a plain loop (not numpy's pairwise summation), as alkit sums.

The clustering strategies (TypiClust; ProbCover's purity rule) run k-means with alkit's seeded
generator, which numpy cannot replay: their cases are well-separated blobs, one cluster each, and
the expected values are computed from the blobs; the Java test first checks that alkit's k-means
found exactly the blobs.
"""
import json
import math

import numpy as np

HERE = __file__.rsplit("/", 1)[0] if "/" in __file__ else "."


def write(name, case):
    with open(f"{HERE}/{name}.json", "w") as out:
        json.dump(case, out, indent=1)
        out.write("\n")


def listed(a):
    return np.asarray(a, dtype=np.float64).tolist()


def grid(rng, shape, low, high, step):
    """Multiples of 2^-step in [low, high)."""
    return rng.integers(int(low * 2**step), int(high * 2**step), size=shape) / 2.0**step


def softmax32(logits):
    z = logits - logits.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return (e / e.sum(axis=-1, keepdims=True)).astype(np.float32)


def distance(x, y):
    """Euclidean distance, the squared sum in index order."""
    s = 0.0
    for a, b in zip(x, y):
        s += (a - b) * (a - b)
    return math.sqrt(s)


def blobs(rng, sizes, dim, spread, scale=1.0):
    """Blobs of the given sizes around centres at least 4.2·scale apart, 2^-8 grid, in [-4, 4)."""
    centres = [(-3, -3, 0), (0, 3, -3), (3, 0, 3), (-3, 3, 3), (3, -3, -3), (0, -3, 3)][: len(sizes)]
    rows, blob = [], []
    for b, (size, c) in enumerate(zip(sizes, centres)):
        rows.append(np.asarray(c)[:dim] * scale + grid(rng, (size, dim), -spread, spread, 8))
        blob += [b] * size
    x = np.concatenate(rows)
    order = rng.permutation(len(x))
    return x[order], [blob[i] for i in order]


# ------------------------------------------------------------------ ProbCover


def probcover_greedy(x, labeled, budget, delta):
    """Greedy max coverage of δ-balls (Yehuda et al. 2022, Algorithm 1): the greedy picks and their
    counts, until the budget or until every point is covered (the rest are random in alkit)."""
    n = len(x)
    ball = [[y for y in range(n) if distance(x[i], x[y]) < delta] for i in range(n)]
    covered = [False] * n
    for l in labeled:
        for y in ball[l]:
            covered[y] = True
    picks, counts = [], []
    free = [u for u in range(n) if u not in set(labeled)]
    while len(picks) < budget:
        best, best_count = None, -1
        for u in free:
            if u in picks:
                continue
            c = sum(1 for y in ball[u] if not covered[y])
            if c > best_count:
                best, best_count = u, c
        if best_count == 0:
            break
        picks.append(best)
        counts.append(best_count)
        for y in ball[best]:
            covered[y] = True
    return picks, counts


def purity_radius(x, cluster, alpha):
    """The largest δ with at least ⌈α·n⌉ pure balls: the ⌈α·n⌉-th largest distance to another cluster."""
    n = len(x)
    other = sorted(min(distance(x[i], x[j]) for j in range(n) if cluster[j] != cluster[i]) for i in range(n))
    return other[n - math.ceil(alpha * n)]


def probcover_case(name, seed, n, dim, labeled_count, budget, delta):
    rng = np.random.default_rng(seed)
    x = grid(rng, (n, dim), -2, 2, 8)
    labeled = sorted(rng.choice(n, size=labeled_count, replace=False).tolist())
    picks, counts = probcover_greedy(x, labeled, budget, delta)
    write(name, {"formula": "greedy max coverage of delta-balls, ||x - y|| < delta; ties to the lower index",
                 "seed": seed, "embeddings": listed(x), "labeled": labeled, "budget": budget,
                 "delta": delta, "greedy": picks, "greedy_scores": counts})


def probcover_purity_case(name, seed, sizes, labeled_count, budget, alpha):
    rng = np.random.default_rng(seed)
    x, blob = blobs(rng, sizes, 3, 0.75, 0.5)
    labeled = sorted(rng.choice(len(x), size=labeled_count, replace=False).tolist())
    delta = purity_radius(x, blob, alpha)
    picks, counts = probcover_greedy(x, labeled, budget, delta)
    write(name, {"formula": "delta = the ceil(alpha n)-th largest distance to another blob; then greedy coverage",
                 "seed": seed, "embeddings": listed(x), "blobs": blob, "labeled": labeled, "budget": budget,
                 "purity": alpha, "clusters": len(sizes), "delta": delta, "greedy": picks,
                 "greedy_scores": counts})


# ------------------------------------------------------------------ TypiClust


def typicality(x, members):
    """1 / (mean distance to the k = min(20, m // 2) nearest other members + 1e-5)."""
    m = len(members)
    k = min(20, m // 2)
    out = []
    for i in members:
        if k == 0:
            out.append(0.0)
            continue
        ds = sorted(distance(x[i], x[j]) for j in members if j != i)
        s = 0.0
        for d in ds[:k]:
            s += d
        out.append(1 / (s / k + 1e-5))
    return out


def typiclust_case(name, seed, sizes, labeled_count, budget, max_clusters):
    rng = np.random.default_rng(seed)
    x, blob = blobs(rng, sizes, 3, 0.5)
    n = len(x)
    labeled = sorted(rng.choice(n, size=labeled_count, replace=False).tolist())
    assert min(labeled_count + budget, max_clusters) == len(sizes)
    used = set(labeled)
    taken = [sum(1 for l in labeled if blob[l] == b) for b in range(len(sizes))]
    picks, scores = [], []
    for _ in range(budget):
        free = {b: [i for i in range(n) if blob[i] == b and i not in used] for b in range(len(sizes))}
        b = min((b for b in free if free[b]), key=lambda b: (taken[b], -sizes[b]))
        t = typicality(x, free[b])
        best = max(range(len(t)), key=lambda i: (t[i], -free[b][i]))
        picks.append(free[b][best])
        scores.append(t[best])
        used.add(free[b][best])
        taken[b] += 1
    write(name, {"formula": "largest cluster with fewest labeled/picked items; most typical free member, "
                            "1/(mean kNN distance + 1e-5), k = min(20, m // 2)",
                 "seed": seed, "embeddings": listed(x), "blobs": blob, "labeled": labeled, "budget": budget,
                 "max_clusters": max_clusters, "selected": picks, "scores": scores})


# ------------------------------------------------------------------ ranked batch-mode


def ranked_batch_case(name, seed, n, dim, classes, labeled_count, budget):
    rng = np.random.default_rng(seed)
    x = grid(rng, (n, dim), -2, 2, 8)
    p = softmax32(rng.normal(0, 1.5, size=(n, classes)))
    labeled = sorted(rng.choice(n, size=labeled_count, replace=False).tolist()) if labeled_count else []
    unlabeled = [i for i in range(n) if i not in set(labeled)]
    doubt = {u: 1 - float(p[u].max()) for u in unlabeled}
    reference = list(labeled)
    picks, scores = [], []
    if not labeled:
        # modAL's select_cold_start_instance: least mean distance to the unlabeled items
        means = []
        for u in unlabeled:
            s = 0.0
            for v in unlabeled:
                s += distance(x[u], x[v])
            means.append(s)
        first = unlabeled[min(range(len(unlabeled)), key=lambda i: (means[i], i))]
        picks.append(first)
        scores.append(1.0)
        reference.append(first)
    while len(picks) < budget:
        rest = len(unlabeled) - len(picks)
        alpha = rest / (rest + len(labeled) + len(picks))
        best, best_score = None, -math.inf
        for u in unlabeled:
            if u in picks:
                continue
            d = min(distance(x[u], x[r]) for r in reference)
            s = alpha * (1 - 1 / (1 + d)) + (1 - alpha) * doubt[u]
            if s > best_score:
                best, best_score = u, s
        picks.append(best)
        scores.append(best_score)
        reference.append(best)
    write(name, {"formula": "alpha (1 - 1/(1 + d_min)) + (1 - alpha)(1 - max p), alpha = |U\\S| / (|U\\S| + |L| + |S|)",
                 "seed": seed, "embeddings": listed(x), "probabilities": listed(p), "labeled": labeled,
                 "budget": budget, "selected": picks, "scores": scores})


# ------------------------------------------------------------------ information density


def entropy(row):
    s = 0.0
    plogp = 0.0
    for v in row:
        v = float(v)
        s += v
        if v > 0:
            plogp += v * math.log(v)
    return math.log(s) - plogp / s


def margin_uncertainty(row):
    top = sorted((float(v) for v in row), reverse=True)
    return 1 - (top[0] - top[1])


def information_density_case(name, seed, n, dim, classes, labeled_count, budget, base, beta):
    rng = np.random.default_rng(seed)
    e = grid(rng, (n, dim), -1, 2, 10)
    e[4] = 0  # a zero embedding: similarity 0
    e[7] = -np.round(e.mean(axis=0) * 1024) / 1024  # pointing away from the pool: a negative mean similarity
    p = softmax32(rng.normal(0, 1.5, size=(n, classes)))
    labeled = sorted(rng.choice(n, size=labeled_count, replace=False).tolist())
    unlabeled = [i for i in range(n) if i not in set(labeled)]
    norms = {u: math.sqrt(sum(float(v) * float(v) for v in e[u])) for u in unlabeled}
    mean = [0.0] * dim
    for u in unlabeled:
        if norms[u] > 0:
            for j in range(dim):
                mean[j] += float(e[u][j]) / norms[u]
    mean = [m / len(unlabeled) for m in mean]
    phi = entropy if base == "entropy" else margin_uncertainty
    scores = [0.0] * n
    for u in unlabeled:
        if norms[u] == 0:
            density = 0.0
        else:
            dot = 0.0
            for j in range(dim):
                dot += float(e[u][j]) * mean[j]
            density = max(0.0, dot / norms[u])
        scores[u] = phi(p[u]) * density ** beta
    selected = sorted(unlabeled, key=lambda i: (-scores[i], i))[:budget]
    write(name, {"formula": "phi(x) * max(0, mean_u cos(e_x, e_u))^beta over the unlabeled u",
                 "seed": seed, "embeddings": listed(e), "probabilities": listed(p), "labeled": labeled,
                 "budget": budget, "base": base, "beta": beta, "scores": scores, "selected": selected})


if __name__ == "__main__":
    probcover_case("probcover_00", 11, 60, 3, 5, 8, 0.9)
    probcover_case("probcover_01", 12, 40, 2, 3, 30, 1.2)  # covered before the budget: random rest
    probcover_purity_case("probcover_purity_00", 13, [20, 14, 9], 1, 6, 0.95)
    typiclust_case("typiclust_00", 21, [12, 15, 9, 18, 11, 7], 1, 5, 500)
    typiclust_case("typiclust_01", 22, [10, 16, 13], 2, 7, 3)
    ranked_batch_case("ranked_batch_00", 31, 40, 3, 4, 5, 8)
    ranked_batch_case("ranked_batch_01", 32, 30, 2, 3, 0, 6)
    information_density_case("information_density_00", 41, 50, 6, 5, 6, 10, "entropy", 1.0)
    information_density_case("information_density_01", 42, 40, 4, 3, 4, 8, "margin", 2.5)
