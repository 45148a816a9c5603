"""Golden cases for eer, discriminative and albl, computed here with numpy, outside alkit.

Run from this folder: python3 generate.py (numpy only). It writes one JSON file per case beside
itself, inputs included. Conventions as in ../survey/generate.py: float32 values are written as the
exact float64 they convert to, features are multiples of 2^-10, indices are 0-based.

- exp4p_*.json: EXP4.P (Beygelzimer et al. 2011) as albl runs it (Hsu and Lin 2015): the draw
  probability of every pick and the log-weights after a fixed sequence of advice, uniform draws
  and IW-ACC rewards.
- eer_*.json: the expected loss EE(x) = sum_y p(y|x) sum_u H(p'(.|u)) of every unlabeled item for
  the logistic model (standardised features, Nesterov gradient descent with Bohning's step, a
  warm-started refit per candidate and label), Platt-free.
- discriminative_*.json: the picks of discriminative active learning with its logistic
  labeled-vs-unlabeled classifier, one sub-batch, every unlabeled item a training negative.
"""
import json
import math

import numpy as np

HERE = __file__.rsplit("/", 1)[0] if "/" in __file__ else "."


def write(name, case):
    with open(f"{HERE}/{name}", "w") as f:
        json.dump(case, f, indent=1)


# ---------------------------------------------------------------- EXP4.P

def exp4p_case(seed):
    rng = np.random.default_rng(seed)
    n_pool, experts, horizon, delta = 30, 3, 20, 0.1   # 2 proposing experts + uniform
    arms_all = list(range(n_pool))
    logw = np.zeros(experts)
    rounds = []
    pending = []
    for rnd in range(3):
        reward = float(rng.integers(0, 1000)) / 1e5 if pending else None
        if reward is not None:
            for a, b in pending:
                logw = logw + a * reward + b
            pending = []
        arms = sorted(rng.choice(arms_all, size=12 - rnd, replace=False).tolist())
        picks = []
        for b_ in range(2):
            k = len(arms)
            proposals = [int(x) for x in rng.choice(arms, size=experts - 1, replace=True)]
            u = float(rng.integers(0, 2**20)) / 2**20
            floor = min(math.sqrt(math.log(experts) / k / horizon), 0.5 / k)
            share = np.exp(logw - logw.max())
            share = share / share.sum()
            scale = 1 - k * floor
            base = floor + scale * share[-1] / k
            mass = np.full(k, base)
            pos = [arms.index(x) for x in proposals]
            for i, q in enumerate(pos):
                mass[q] += scale * share[i]
            cum = 0.0
            chosen = k - 1
            for j in range(k):
                cum += mass[j]
                if u < cum:
                    chosen = j
                    break
            p = mass[chosen]
            uniform_v = sum(1.0 / k / mass[j] for j in range(k))
            root = math.sqrt(math.log(experts / delta) / k / horizon)
            a = np.zeros(experts)
            bb = np.zeros(experts)
            for i in range(experts):
                uniform = i == experts - 1
                advice = 1.0 / k if uniform else (1.0 if pos[i] == chosen else 0.0)
                v = uniform_v if uniform else 1 / mass[pos[i]]
                a[i] = floor / 2 * advice / p
                bb[i] = floor / 2 * v * root
            pending.append((a, bb))
            picks.append({"arms": arms, "proposals": proposals, "u": u, "arm": arms[chosen], "probability": p})
            arms = [x for x in arms if x != arms[chosen]]
        rounds.append({"reward": reward, "picks": picks})
    return {"experts": experts, "horizon": horizon, "delta": delta, "rounds": rounds,
            "log-weights": logw.tolist()}


# ---------------------------------------------------------------- logistic model (alkit's definition)

def standardise(x32):
    x = x32.astype(np.float64)
    mean = x.sum(axis=0) / len(x)
    var = (x * x).sum(axis=0) / len(x) - mean * mean
    sd = np.sqrt(np.maximum(0, var))
    inv = np.where(sd > 1e-12, 1 / sd, 1.0)
    return mean, inv


def softmax(z):
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def largest_eigenvalue(x):
    n, w = x.shape
    v = np.full(w, 1 / math.sqrt(w))
    lam = 0.0
    for _ in range(50):
        nxt = x.T @ (x @ v) / n
        lam = math.sqrt(float(nxt @ nxt))
        if lam == 0:
            return 0.0
        v = nxt / lam
    return lam


def train(h32, labels, classes, l2, iterations, start=None):
    n, d = h32.shape
    x = np.hstack([h32.astype(np.float64), np.ones((n, 1))])
    step = 1 / (0.5 * largest_eigenvalue(x) + l2)
    cur = np.zeros((classes, d + 1)) if start is None else start.copy()
    prev = cur.copy()
    y = np.eye(classes)[labels]
    for t in range(1, iterations + 1):
        m = (t - 1.0) / (t + 2.0)
        look = cur + m * (cur - prev)
        p = softmax(x @ look.T)
        g = (p - y).T @ x / n
        g[:, :d] += l2 * look[:, :d]
        prev = cur
        cur = look - step * g
    return cur


def predict32(weights, mean, inv, x32):
    h = (x32.astype(np.float64) - mean) * inv          # the fitted model's rows stay double
    z = np.hstack([h, np.ones((len(h), 1))]) @ weights.T
    return softmax(z).astype(np.float32)


def eer_case(seed):
    rng = np.random.default_rng(seed)
    n, d, classes = 14, 3, 3
    y_all = np.arange(n) % classes
    x = (rng.integers(-2048, 2048, size=(n, d)) / 1024.0 + 2.0 * np.eye(classes, d)[y_all]).astype(np.float32)
    labeled = [0, 1, 2, 3, 4]
    labels = [int(y_all[i]) for i in labeled]
    l2, iterations, refit_iterations = 0.01, 30, 5
    mean, inv = standardise(x)
    h32 = ((x.astype(np.float64) - mean) * inv).astype(np.float32)
    w = train(h32[labeled], labels, classes, l2, iterations)
    p = predict32(w, mean, inv, x)
    unlabeled = [i for i in range(n) if i not in labeled]
    ev = x[unlabeled]
    expected = {}
    for c in unlabeled:
        total = 0.0
        for y in range(classes):
            weight = float(p[c, y])
            if weight > 0:
                rows = labeled + [c]
                w2 = train(h32[rows], labels + [y], classes, l2, refit_iterations, start=w)
                q = predict32(w2, mean, inv, ev).astype(np.float64)
                loss = float(-(q * np.log(np.where(q > 0, q, 1))).sum())
                total += weight * loss
        expected[c] = total
    return {"features": x.astype(np.float64).tolist(), "labeled": labeled, "labels": labels, "classes": classes,
            "l2": l2, "iterations": iterations, "refit-iterations": refit_iterations,
            "expected-loss": {str(k): v for k, v in expected.items()}}


# ---------------------------------------------------------------- discriminative

def sigmoid(z):
    return np.where(z >= 0, 1 / (1 + np.exp(-np.abs(z))), np.exp(-np.abs(z)) / (1 + np.exp(-np.abs(z))))


def discriminative_case(seed):
    rng = np.random.default_rng(seed)
    n, d = 40, 4
    e = (rng.integers(-2048, 2048, size=(n, d)) / 1024.0).astype(np.float32)
    labeled = sorted(rng.choice(n, size=6, replace=False).tolist())
    e[labeled] += np.float32(1.0)
    unlabeled = [i for i in range(n) if i not in labeled]
    iterations, l2, budget = 60, 0.01, 5
    ed = e.astype(np.float64)
    xt = np.hstack([ed, np.ones((n, 1))])
    rows = labeled + unlabeled
    mean_square = float(sum(xt[i] @ xt[i] for i in rows)) / len(rows)
    step = 4 / (mean_square + 4 * l2)
    cur = np.zeros(d + 1)
    prev = cur.copy()
    for t in range(1, iterations + 1):
        m = (t - 1.0) / (t + 2.0)
        look = cur + m * (cur - prev)
        g = np.zeros(d + 1)
        for rows_, target in ((labeled, 0), (unlabeled, 1)):
            s = (sigmoid(xt[rows_] @ look) - target) / (2.0 * len(rows_))
            g += s @ xt[rows_]
        g[:d] += l2 * look[:d]
        prev = cur
        cur = look - step * g
    p = sigmoid(xt[unlabeled] @ cur)
    order = sorted(range(len(unlabeled)), key=lambda k: (-p[k], unlabeled[k]))[:budget]
    return {"embeddings": ed.tolist(), "labeled": labeled, "iterations": iterations, "l2": l2, "budget": budget,
            "selected": [unlabeled[k] for k in order], "scores": [float(p[k]) for k in order]}


if __name__ == "__main__":
    for s in range(2):
        write(f"exp4p_{s:02d}.json", exp4p_case(100 + s))
        write(f"eer_{s:02d}.json", eer_case(200 + s))
        write(f"discriminative_{s:02d}.json", discriminative_case(300 + s))
