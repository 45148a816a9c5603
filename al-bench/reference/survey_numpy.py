"""Inputs and numpy reference timings for the survey strategies' speed figures.

  python3 survey_numpy.py inputs DIR   writes the cold-CLI inputs into DIR (seeded):
      probs.npy        10^6 x 10 float32, softmax of N(0, 2^2) logits
      emb.npy          10^6 x 128 float32, ReLU of N(0, 1) (a penultimate layer's look)
      history.npy      30 x 10^6 int32, class ids: each item keeps a class, leaving it per epoch
                       with a probability of its own
      sa-committee.npy 5 x 50 000 x 10 float32, members = softmax of shared + own logits
      sa-emb.npy       50 000 x 512 float32, ReLU of N(0, 1)
  python3 survey_numpy.py time DIR     times numpy statements of entropy, egl, label-dispersion
                                       (top-1 000 of 10^6) and suggestive-annotation (n = 50 000,
                                       budget 100, 400 candidates, d = 512) on those inputs, median
                                       of 3, and prints them as JSON
"""
import json
import sys
import time

import numpy as np


def softmax(z):
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return (e / e.sum(axis=-1, keepdims=True)).astype(np.float32)


def inputs(out):
    rng = np.random.default_rng(21)
    n, c = 1_000_000, 10
    np.save(f"{out}/probs.npy", softmax(rng.normal(0, 2, size=(n, c)).astype(np.float32)))
    np.save(f"{out}/emb.npy", np.maximum(rng.standard_normal((n, 128), dtype=np.float32), 0))
    own = rng.integers(0, c, size=n)
    leave = rng.random(n, dtype=np.float32)
    history = np.where(rng.random((30, n), dtype=np.float32) < leave, rng.integers(0, c, size=(30, n)), own)
    np.save(f"{out}/history.npy", history.astype(np.int32))
    m = 50_000
    shared = rng.normal(0, 2, size=(1, m, c))
    np.save(f"{out}/sa-committee.npy", softmax((shared + rng.normal(0, 1, size=(5, m, c))).astype(np.float32)))
    np.save(f"{out}/sa-emb.npy", np.maximum(rng.standard_normal((m, 512), dtype=np.float32), 0))


def top(scores, k):
    part = np.argpartition(-scores, k)[:k]
    return part[np.lexsort((part, -scores[part]))]


def entropy(p, k):
    q = p / p.sum(axis=1, keepdims=True)
    return top(-(q * np.log(np.maximum(q, 1e-30))).sum(axis=1), k)


def egl(p, h, k):
    squares = (p.astype(np.float64) ** 2).sum(axis=1, keepdims=True)
    expected = (p * np.sqrt(np.maximum(squares - 2 * p + 1, 0))).sum(axis=1)
    return top(np.sqrt((h.astype(np.float64) ** 2).sum(axis=1)) * expected, k)


def dispersion(history, k):
    epochs, n = history.shape
    counts = np.zeros((n, history.max() + 1), dtype=np.int32)
    for e in range(epochs):
        np.add.at(counts, (np.arange(n), history[e]), 1)
    return top(1 - counts.max(axis=1) / epochs, k)


def suggestive(committee, h, budget, candidates):
    u = committee.var(axis=0).mean(axis=1)
    ground = np.sort(top(u, candidates))
    hn = h / np.maximum(np.linalg.norm(h, axis=1, keepdims=True), 1e-30)
    cos = np.maximum(hn[ground] @ hn.T, 0)
    memo = np.zeros(h.shape[0], dtype=np.float32)
    picks = []
    for _ in range(budget):
        gains = np.maximum(cos, memo).sum(axis=1) - memo.sum()
        gains[picks] = -np.inf
        best = int(np.argmax(gains))
        picks.append(best)
        memo = np.maximum(memo, cos[best])
    return ground[picks]


def median_ms(f):
    times = []
    for _ in range(3):
        start = time.perf_counter()
        f()
        times.append((time.perf_counter() - start) * 1e3)
    return sorted(times)[1]


def timings(d):
    p = np.load(f"{d}/probs.npy")
    h = np.load(f"{d}/emb.npy")
    history = np.load(f"{d}/history.npy")
    committee = np.load(f"{d}/sa-committee.npy")
    sa = np.load(f"{d}/sa-emb.npy")
    print(json.dumps({
        "entropy_ms": median_ms(lambda: entropy(p, 1000)),
        "egl_ms": median_ms(lambda: egl(p, h, 1000)),
        "label_dispersion_ms": median_ms(lambda: dispersion(history, 1000)),
        "suggestive_annotation_ms": median_ms(lambda: suggestive(committee, sa, 100, 400)),
    }))


if __name__ == "__main__":
    {"inputs": inputs, "time": timings}[sys.argv[1]](sys.argv[2])
