"""Golden cases for alkit's survey strategies, computed here with numpy, outside alkit.

Run from this folder: python3 generate.py (numpy only). It writes one JSON file per case beside
itself; the inputs are stored, so the cases never need to be regenerated. Conventions as in
../reference/README.md: float32 values are written as the exact float64 they convert to, features
are multiples of 2^-10, indices are 0-based, selections list picks best first with ties to the
lower pool index. Every score is computed in float64 from the stored inputs, term by term in the
order the formula in each case's "formula" gives.
"""
import json
import math

import numpy as np

HERE = __file__.rsplit("/", 1)[0] if "/" in __file__ else "."


def f32(a):
    return np.asarray(a, dtype=np.float32)


def softmax32(logits):
    z = logits - logits.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return f32(e / e.sum(axis=-1, keepdims=True))


def grid(rng, shape, low, high):
    """Multiples of 2^-10 in [low, high)."""
    return rng.integers(int(low * 1024), int(high * 1024), size=shape) / 1024.0


def top(scores, candidates, k):
    """The k best candidates, highest score first, ties to the lower index."""
    order = sorted(candidates, key=lambda i: (-scores[i], i))
    return order[:k]


def write(name, case):
    with open(f"{HERE}/{name}.json", "w") as out:
        json.dump(case, out, indent=1)
        out.write("\n")


def listed(a):
    return np.asarray(a, dtype=np.float64).tolist()


def egl_case(name, seed, n, classes, dim, labeled_count, budget):
    rng = np.random.default_rng(seed)
    p = softmax32(rng.normal(0, 2, size=(n, classes)))
    h = grid(rng, (n, dim), -2, 2)
    # exact ties: item n-1 repeats item n-2, and item 5 repeats item 3 (p and h alike)
    p[n - 1], h[n - 1] = p[n - 2], h[n - 2]
    p[5], h[5] = p[3], h[3]
    labeled = sorted(rng.choice(n, size=labeled_count, replace=False).tolist())
    labeled = [i for i in labeled if i not in (3, 5, n - 2, n - 1)]
    scores = []
    for i in range(n):
        row = [float(v) for v in p[i]]
        squares = 0.0
        for v in row:
            squares += v * v
        expected = 0.0
        for py in row:
            expected += py * math.sqrt(max(0.0, squares - 2 * py + 1))
        norm = 0.0
        for v in h[i]:
            norm += float(v) * float(v)
        scores.append(math.sqrt(norm) * expected)
    unlabeled = [i for i in range(n) if i not in labeled]
    write(name, {
        "schema": "alkit-survey-egl/1",
        "formula": "EGL(x) = sqrt(sum_j h_j^2) * sum_y p_y * sqrt(max(0, sum_c p_c^2 - 2 p_y + 1))",
        "seed": seed, "budget": budget, "probabilities": listed(p), "embeddings": listed(h),
        "labeled": labeled, "scores": scores, "selected": top(scores, unlabeled, budget)})


def dispersion_case(name, seed, n, classes, epochs, labeled_count, budget):
    rng = np.random.default_rng(seed)
    own = rng.integers(0, classes, size=n)
    leave = rng.random(n)
    history = np.where(rng.random((epochs, n)) < leave, rng.integers(0, classes, size=(epochs, n)), own)
    history[:, 7] = history[:, 2]  # an exact tie
    labeled = sorted(rng.choice(n, size=labeled_count, replace=False).tolist())
    labeled = [i for i in labeled if i not in (2, 7)]
    scores = []
    for i in range(n):
        counts = np.bincount(history[:, i], minlength=classes)
        scores.append(1 - counts.max() / epochs)
    unlabeled = [i for i in range(n) if i not in labeled]
    write(name, {
        "schema": "alkit-survey-label-dispersion/1",
        "formula": "dispersion(x) = 1 - (epochs predicting x's most frequent class) / T",
        "seed": seed, "budget": budget, "classes": classes, "history": history.tolist(),
        "labeled": labeled, "scores": scores, "selected": top(scores, unlabeled, budget)})


def committee_vote_case(name, seed, members, n, classes, budget):
    rng = np.random.default_rng(seed)
    p = softmax32(rng.normal(0, 1.5, size=(members, n, classes)))
    p[:, 4, :] = f32([0.25] * classes) if classes == 4 else p[:, 4, :]  # a row of exact ties
    votes = p.argmax(axis=2)  # the first maximum, as alkit
    scores = []
    for i in range(n):
        counts = np.bincount(votes[:, i], minlength=classes)
        scores.append(1 - counts.max() / members)
    write(name, {
        "schema": "alkit-survey-variation-ratio/1",
        "formula": "1 - (members whose first-maximum class is the modal one) / M",
        "seed": seed, "budget": budget, "committee": listed(p), "votes": votes.T.tolist(),
        "scores": scores, "selected": top(scores, list(range(n)), budget)})


def suggestive_case(name, seed, members, n, classes, dim, labeled_count, budget, candidates):
    """Tries seeds from `seed` on until every greedy step and the candidate cut are clear of near-ties."""
    for attempt in range(seed, seed + 1000):
        rng = np.random.default_rng(attempt)
        p = softmax32(rng.normal(0, 1.5, size=(members, n, classes)) + rng.normal(0, 2, size=(1, n, classes)))
        h = grid(rng, (n, dim), 0, 1)  # non-negative, as ReLU embeddings
        # an exact tie: item 11 repeats item 10 in the committee and the embeddings
        p[:, 11, :], h[11] = p[:, 10, :], h[10]
        labeled = sorted(rng.choice(n, size=labeled_count, replace=False).tolist())
        labeled = [i for i in labeled if i not in (10, 11)]
        unlabeled = [i for i in range(n) if i not in labeled]
        uncertainty = []
        for i in range(n):
            total = 0.0
            for c in range(classes):
                column = [float(p[m, i, c]) for m in range(members)]
                mean = sum(column) / members
                total += sum((v - mean) ** 2 for v in column) / members
            uncertainty.append(total / classes)
        wanted = candidates if candidates > 0 else 4 * budget
        ranked = top(uncertainty, unlabeled, len(unlabeled))
        cut_gap = uncertainty[ranked[wanted - 1]] - uncertainty[ranked[wanted]]
        ground = sorted(ranked[:wanted])
        if not (10 in ground and 11 in ground) or 0 < cut_gap < 1e-9:
            continue
        norms = np.sqrt((h * h).sum(axis=1))
        cos = (h[ground] @ h[unlabeled].T) / np.outer(norms[ground], norms[unlabeled])
        cos = np.maximum(cos, 0)
        memo = np.zeros(len(unlabeled))
        picks, gains, gaps = [], [], []
        chosen = set()
        clear = True
        for _ in range(budget):
            g = np.array([np.maximum(cos[j], memo).sum() - memo.sum() if j not in chosen else -np.inf
                          for j in range(len(ground))])
            best = int(np.argmax(g))  # the first maximum: the lower pool index
            others = np.delete(g, best)
            gap = g[best] - others.max()
            exact = any(g[j] == g[best] and j != best for j in range(len(ground)))
            if not exact and gap < 1e-4 * abs(g[best]):
                clear = False
                break
            picks.append(ground[best])
            gains.append(float(g[best]))
            gaps.append(float(gap))
            chosen.add(best)
            memo = np.maximum(memo, cos[best])
        if not clear or not (10 in picks and 11 not in picks[: picks.index(10)]):
            continue
        write(name, {
            "schema": "alkit-survey-suggestive-annotation/1",
            "formula": "candidates: top `candidates` (0: 4 x budget) unlabeled by mean_c var_m p_m(c|x) (1/M);"
                       " greedy over them of F(A) = sum_{x in unlabeled} max(0, max_{s in A} cos(h_s, h_x))",
            "seed": attempt, "budget": budget, "candidates": candidates, "committee": listed(p),
            "embeddings": listed(h), "labeled": labeled, "uncertainty": uncertainty,
            "ground": ground, "selected": picks, "gains": gains, "chosen_minus_best_other": gaps})
        return
    raise RuntimeError(f"no clear case for {name}")


if __name__ == "__main__":
    egl_case("egl_00", 2100, 40, 4, 6, 8, 10)
    egl_case("egl_01", 2101, 300, 10, 16, 40, 25)
    dispersion_case("label_dispersion_00", 2110, 50, 5, 12, 10, 12)
    dispersion_case("label_dispersion_01", 2111, 400, 10, 30, 60, 40)
    committee_vote_case("variation_ratio_committee_00", 2120, 5, 60, 4, 15)
    committee_vote_case("variation_ratio_committee_01", 2121, 7, 200, 10, 30)
    suggestive_case("suggestive_annotation_00", 2130, 5, 60, 4, 8, 10, 6, 0)
    suggestive_case("suggestive_annotation_01", 2140, 4, 300, 10, 16, 30, 12, 40)
