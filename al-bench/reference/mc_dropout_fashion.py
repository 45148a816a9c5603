"""Real MC-dropout samples on Fashion-MNIST for the Bayesian benchmarks (see README.md).

Trains a 784-256-10 MLP (ReLU, dropout 0.5 before the output layer) with Adam on 1 000 labeled
training images drawn with a fixed seed, then runs T stochastic forward passes (dropout on) over
the other 59 000 training images and writes their softmax outputs, T x 59 000 x 10 float32, C
order. The first hidden layer is deterministic, so it is computed once; each pass draws a fresh
dropout mask on it. Usage: python3 mc_dropout_fashion.py OUT.npy [T] [DATA_DIR]
(numpy only; DATA_DIR defaults to the Debian package's /usr/share/datasets/fashion-mnist).
"""
import gzip
import sys
import time

import numpy as np

out = sys.argv[1]
passes = int(sys.argv[2]) if len(sys.argv) > 2 else 100
data_dir = sys.argv[3] if len(sys.argv) > 3 else "/usr/share/datasets/fashion-mnist"


def idx(name, offset):
    with gzip.open(f"{data_dir}/{name}", "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


x = idx("train-images-idx3-ubyte.gz", 16).reshape(-1, 784).astype(np.float32) / 255
y = idx("train-labels-idx1-ubyte.gz", 8).astype(np.int64)
rng = np.random.default_rng(2019)
order = rng.permutation(len(x))
labeled, pool = order[:1000], order[1000:]

w1 = (rng.standard_normal((784, 256)) * np.sqrt(2 / 784)).astype(np.float32)
b1 = np.zeros(256, np.float32)
w2 = (rng.standard_normal((256, 10)) * np.sqrt(2 / 256)).astype(np.float32)
b2 = np.zeros(10, np.float32)
params = [w1, b1, w2, b2]
moments = [(np.zeros_like(p), np.zeros_like(p)) for p in params]


def softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


start = time.perf_counter()
step = 0
for epoch in range(60):
    for batch in np.array_split(rng.permutation(labeled), 10):
        xb, yb = x[batch], y[batch]
        h = np.maximum(xb @ w1 + b1, 0)
        mask = (rng.random(h.shape) < 0.5).astype(np.float32) * 2
        hd = h * mask
        g = softmax(hd @ w2 + b2)
        g[np.arange(len(yb)), yb] -= 1
        g /= len(yb)
        gw2, gb2 = hd.T @ g, g.sum(0)
        gh = (g @ w2.T) * mask * (h > 0)
        grads = [xb.T @ gh, gh.sum(0), gw2, gb2]
        step += 1
        for p, gr, (m, v) in zip(params, grads, moments):
            m *= 0.9
            m += 0.1 * gr
            v *= 0.999
            v += 0.001 * gr * gr
            p -= 1e-3 * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)

hidden = np.maximum(x[pool] @ w1 + b1, 0)
probs = np.empty((passes, len(pool), 10), np.float32)
for t in range(passes):
    mask = (rng.random(hidden.shape) < 0.5).astype(np.float32) * 2
    probs[t] = softmax((hidden * mask) @ w2 + b2)
accuracy = (probs.mean(0).argmax(1) == y[pool]).mean()
np.save(out, probs)
print(f"{out}: {passes} x {len(pool)} x 10 MC-dropout softmax, pool accuracy of the mean "
      f"{accuracy:.3f}, {time.perf_counter() - start:.0f} s")
