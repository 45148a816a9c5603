"""Golden cases for alkit's svm model, computed here with numpy, outside alkit.

Run from this folder: python3 generate.py (numpy only). It writes one JSON file per case beside
itself; the inputs are stored, so the cases never need to be regenerated. Features are multiples
of 2^-10 (exact in float32); everything else is float64.

svm_decision.json  the one-vs-rest linear SVM's decision values f_k(x) = w_k . [h(x), 1] on test
                   rows, h the z-scores over the pool rows (population deviation). For each class
                   k, w_k minimises 1/2 |w|^2 + sum_i C_i max(0, 1 - y_ik w . [h_i, 1])^2 over the
                   labeled rows (y_ik = +1 for class k, else -1; the bias regularised), with
                   C_i = C * n / (K n_k) for the positives (class-weight balanced) and C for the
                   negatives, as LIBLINEAR's weighted one-vs-rest does. Solved by Newton's method
                   on the generalised Hessian I + 2 sum_{active} C_i x_i x_i^T with backtracking,
                   to a gradient norm below 1e-12 (LIBLINEAR stops far earlier).
platt.json         Platt's sigmoid P(y=1|f) = 1 / (1 + exp(A f + B)) on fixed decision values:
                   A, B minimise the cross-entropy against Platt's targets t+ = (N+ + 1)/(N+ + 2),
                   t- = 1/(N- + 2); found by plain Newton steps (halved while the loss does not
                   drop) to a gradient norm below 1e-12.
"""
import json

import numpy as np

HERE = __file__.rsplit("/", 1)[0] if "/" in __file__ else "."


def grid(rng, shape, low, high):
    """Multiples of 2^-10 in [low, high)."""
    return rng.integers(int(low * 1024), int(high * 1024), size=shape) / 1024.0


def write(name, case):
    with open(f"{HERE}/{name}.json", "w") as out:
        json.dump(case, out, indent=1)
        out.write("\n")


def squared_hinge_ovr(x, y, cost):
    """argmin 1/2 |w|^2 + sum_i cost_i max(0, 1 - y_i w . x_i)^2 by Newton's method."""
    w = np.zeros(x.shape[1])

    def loss(v):
        margin = np.maximum(0.0, 1.0 - y * (x @ v))
        return 0.5 * v @ v + np.sum(cost * margin ** 2)

    for _ in range(200):
        slack = 1.0 - y * (x @ w)
        active = slack > 0
        gradient = w - 2.0 * (x[active].T @ (cost[active] * slack[active] * y[active]))
        if np.linalg.norm(gradient) < 1e-12:
            break
        hessian = np.eye(x.shape[1]) + 2.0 * (x[active].T * cost[active]) @ x[active]
        step = np.linalg.solve(hessian, -gradient)
        t = 1.0
        while loss(w + t * step) > loss(w) + 1e-4 * t * (gradient @ step) and t > 1e-12:
            t /= 2
        w = w + t * step
    return w


def svm_decision():
    rng = np.random.default_rng(2700)
    classes, d, pool, test = 3, 4, 48, 10
    centres = grid(rng, (classes, d), -2, 2)
    labels = np.array([0] * 24 + [1] * 14 + [2] * 10)
    x = np.vstack([centres[c] + grid(rng, (d,), -1.5, 1.5) for c in labels])
    order = rng.permutation(pool)
    x, labels = x[order], labels[order]
    mean = x.mean(axis=0)
    sd = x.std(axis=0)
    h = (x - mean) / sd
    labeled = list(range(36))
    c = 0.5
    xl = np.hstack([h[labeled], np.ones((len(labeled), 1))])
    yl = labels[labeled]
    counts = np.bincount(yl, minlength=classes)
    weights = len(yl) / (classes * counts)
    x_test = grid(rng, (test, d), -3, 3)
    h_test = np.hstack([(x_test - mean) / sd, np.ones((test, 1))])
    decision = np.zeros((test, classes))
    for k in range(classes):
        y = np.where(yl == k, 1.0, -1.0)
        cost = np.where(yl == k, c * weights[k], c)
        decision[:, k] = h_test @ squared_hinge_ovr(xl, y, cost)
    write("svm_decision", {
        "schema": "alkit-svm-decision/1",
        "formula": "f_k(x) = w_k . [h(x), 1], w_k = argmin 1/2|w|^2 + sum_i C_i max(0, 1 - y_ik w . [h_i, 1])^2",
        "c": c,
        "class_weight": "balanced",
        "classes": classes,
        "pool": x.tolist(),
        "labeled": labeled,
        "labels": yl.tolist(),
        "test": x_test.tolist(),
        "decision": decision.tolist(),
    })


def platt():
    rng = np.random.default_rng(2701)
    n = 40
    positive = rng.random(n) < 0.35
    f = np.where(positive, 0.8, -0.9) + grid(rng, (n,), -1.5, 1.5)
    n_pos, n_neg = positive.sum(), (~positive).sum()
    t = np.where(positive, (n_pos + 1) / (n_pos + 2), 1 / (n_neg + 2))

    def loss(a, b):
        z = a * f + b
        return np.sum(t * z + np.logaddexp(0, -z))

    a, b = 0.0, np.log((n_neg + 1) / (n_pos + 1))
    for _ in range(200):
        z = a * f + b
        p = 1 / (1 + np.exp(z))  # P(y = 1 | f)
        g = np.array([np.sum(f * (t - p)), np.sum(t - p)])
        if np.linalg.norm(g) < 1e-12:
            break
        w = p * (1 - p)
        hessian = np.array([[np.sum(f * f * w), np.sum(f * w)], [np.sum(f * w), np.sum(w)]])
        step = np.linalg.solve(hessian, -g)
        s = 1.0
        while loss(a + s * step[0], b + s * step[1]) > loss(a, b) and s > 1e-12:
            s /= 2
        a, b = a + s * step[0], b + s * step[1]
    probe = np.linspace(-2, 2, 9)
    write("platt", {
        "schema": "alkit-platt/1",
        "formula": "P(y=1|f) = 1 / (1 + exp(A f + B)); A, B minimise sum_i t_i z_i + log(1 + exp(-z_i)), z = A f + B",
        "decision": f.tolist(),
        "positive": positive.tolist(),
        "a": a,
        "b": b,
        "probe": probe.tolist(),
        "probability": (1 / (1 + np.exp(a * probe + b))).tolist(),
    })


if __name__ == "__main__":
    svm_decision()
    platt()
