#!/usr/bin/env python3
"""Batch diversity at scale: the Spark engine's partitioned selections against the single machine's
on Fashion-MNIST, for 2, 4, 8 and 16 partitions (docs/spark.md, "Batch diversity at scale").

Embeddings: Fashion-MNIST training pixels / 255, projected to 32 dimensions by a seeded Gaussian
matrix (numpy, seed 0). Labeled: 200 items drawn with seed 1, with their true labels.

  k-center (coreset)            60 000 items, k = 200: covering radius max_x min_{c in L+S} |x - c|
  GreeDi (facility-location)    10 000 items, k = 100: f(A) = sum_{i in U} max_{a in A} s(i, a)
  GreeDi (similar, flmi)        10 000 items, k = 100 and 10, Q = labeled items of rare class 0:
                                f(A) = sum_{i in U} min(max_{a in A} s(i, a), max_{q in Q} s(i, q))
  s(x, y) = exp(-|x - y| / d), d = 32, alkit's euclidean kernel; U the unlabeled items.
  cluster-margin                picks on 10 000 items, k = 50, probabilities of the loop below's first
                                fit: equal to central's for every partition count, so AUBC is too
  badge                         AUBC of a small active-learning loop of this script's own (softmax
                                regression on the 32-dimensional embeddings, fitted by numpy; 50
                                labeled, 5 rounds of 50; test accuracy on 2 000 test items), seeds
                                0, 1, 2: the loop calls ./alkit select on the local engine and on
                                the Spark engine with the same inputs each round.

Each selection is one ./alkit select process (Spark: --spark-master local[2]); times are the JSON's
timing.select_ms and the process's wall time, interleaved (central, 2, 4, 8, 16 partitions, then
again), median of REPS runs. Needs: ./mvnw -B install -DskipTests -pl al-cli,al-spark -am.

Usage: python3 al-bench/spark/diversity_quality.py [--reps 5] [--work DIR] [--only kcenter,greedi,margin,aubc]
Prints a Markdown table; the raw picks and times go to WORK/results.json.
"""
import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
PARTITIONS = [2, 4, 8, 16]
DIM = 32


def fashion(kind):
    folder = Path(os.environ.get("FASHION_MNIST_DIR", "/usr/share/datasets/fashion-mnist"))
    prefix = "train" if kind == "train" else "t10k"
    with gzip.open(folder / f"{prefix}-images-idx3-ubyte.gz") as f:
        images = np.frombuffer(f.read(), dtype=np.uint8, offset=16).reshape(-1, 784)
    with gzip.open(folder / f"{prefix}-labels-idx1-ubyte.gz") as f:
        labels = np.frombuffer(f.read(), dtype=np.uint8, offset=8).astype(np.int32)
    return images.astype(np.float32) / 255.0, labels


def project(x):
    rng = np.random.default_rng(0)
    r = rng.standard_normal((784, DIM)).astype(np.float32) / np.sqrt(DIM)
    return (x @ r).astype(np.float32)


def select(work, name, strategy, budget, files, partitions=None, extra=()):
    """One ./alkit select; returns (picks, scores, select_ms, wall_s)."""
    out = work / f"{name}.json"
    cmd = [str(ROOT / "alkit"), "select", "--strategy", strategy, "--budget", str(budget), "--out", str(out)]
    for flag, path in files.items():
        cmd += [flag, str(path)]
    cmd += list(extra)
    if partitions is not None:
        cmd += ["--engine", "spark", "--spark-master", "local[2]", "--spark-conf", f"alkit.partitions={partitions}",
                "--spark-conf", "spark.ui.enabled=false"]
    env = dict(os.environ, ALKIT_NO_BUILD="1", ALKIT_JAVA_OPTS=os.environ.get("ALKIT_JAVA_OPTS", "-Xmx3g"))
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr}")
    result = json.loads(out.read_text())
    return np.array(result["selected"], dtype=np.int64), result["scores"], result["timing"]["select_ms"], wall


def radius(x, centres):
    """max over the pool of the distance to the nearest centre, in blocks."""
    c = x[centres].astype(np.float64)
    cn = (c * c).sum(1)
    worst = 0.0
    for start in range(0, len(x), 4096):
        b = x[start:start + 4096].astype(np.float64)
        d2 = (b * b).sum(1)[:, None] + cn[None, :] - 2 * b @ c.T
        worst = max(worst, float(np.sqrt(max(0.0, np.maximum(d2, 0).min(1).max()))))
    return worst


def similarity(a, b):
    d2 = (a * a).sum(1)[:, None] + (b * b).sum(1)[None, :] - 2 * a.astype(np.float64) @ b.T.astype(np.float64)
    return np.exp(-np.sqrt(np.maximum(d2, 0)) / a.shape[1])


def facility_location(x, ground, picks, cap=None):
    cover = similarity(x[ground], x[picks]).max(1)
    return float((cover if cap is None else np.minimum(cover, cap)).sum())


def median_row(runs):
    return {"select_ms": statistics.median(r[2] for r in runs), "wall_s": statistics.median(r[3] for r in runs)}


def compare(work, tag, strategy, budget, files, reps, quality, extra=()):
    """Central, then 2, 4, 8, 16 partitions, interleaved reps times; quality(picks) of each."""
    runs = {p: [] for p in [None] + PARTITIONS}
    for rep in range(reps):
        for p in runs:
            runs[p].append(select(work, f"{tag}-{p}-{rep}", strategy, budget, files, p, extra))
    central = quality(runs[None][0][0])
    rows = []
    for p in PARTITIONS:
        picks = [r[0] for r in runs[p]]
        deterministic = all(np.array_equal(picks[0], q) for q in picks)
        rows.append({"partitions": p, "quality": quality(picks[0]), "central": central,
                     "deterministic": deterministic, **median_row(runs[p]), "central_times": median_row(runs[None])})
    return rows


def softmax_fit(x, y, classes, l2=1e-3, steps=300, lr=0.5):
    w = np.zeros((x.shape[1] + 1, classes))
    xb = np.hstack([x, np.ones((len(x), 1))])
    onehot = np.eye(classes)[y]
    for _ in range(steps):
        z = xb @ w
        z -= z.max(1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(1, keepdims=True)
        w -= lr * (xb.T @ (p - onehot) / len(x) + l2 * w)
    return w


def softmax_predict(w, x):
    z = np.hstack([x, np.ones((len(x), 1))]) @ w
    z -= z.max(1, keepdims=True)
    p = np.exp(z)
    return p / p.sum(1, keepdims=True)


def aubc(work, strategy, pool, labels, test, test_labels, seed, partitions, rounds=5, budget=50, initial=50):
    """Mean test accuracy over the rounds of a loop that selects with strategy (trapezoid AUBC)."""
    rng = np.random.default_rng(100 + seed)
    labeled = rng.choice(len(pool), initial, replace=False)
    mean, std = pool.mean(0), pool.std(0) + 1e-6
    z, zt = (pool - mean) / std, (test - mean) / std
    accuracies, times = [], []
    tag = f"aubc-{strategy}-{seed}-{partitions}"
    for r in range(rounds + 1):
        w = softmax_fit(z[labeled], labels[labeled], 10)
        accuracies.append(float((softmax_predict(w, zt).argmax(1) == test_labels).mean()))
        if r == rounds:
            break
        probs = softmax_predict(w, z).astype(np.float32)
        np.save(work / f"{tag}-probs.npy", probs)
        np.save(work / f"{tag}-emb.npy", z.astype(np.float32))
        np.save(work / f"{tag}-labeled.npy", labeled.astype(np.int32))
        picks, _, ms, _ = select(work, f"{tag}-{r}", strategy, budget, {
            "--probs": work / f"{tag}-probs.npy", "--embeddings": work / f"{tag}-emb.npy",
            "--labeled": work / f"{tag}-labeled.npy"}, partitions, ["--seed", str(seed)])
        times.append(ms)
        labeled = np.concatenate([labeled, picks])
    area = float(np.trapezoid(accuracies) / (len(accuracies) - 1))
    return area, times


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--work", default=str(ROOT / "al-bench" / "target" / "spark-diversity"))
    parser.add_argument("--only", default="kcenter,greedi,margin,aubc")
    args = parser.parse_args()
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    only = set(args.only.split(","))
    images, labels = fashion("train")
    x = project(images)
    lab = np.random.default_rng(1).choice(60_000, 200, replace=False).astype(np.int32)
    np.save(work / "emb60k.npy", x)
    np.save(work / "labeled60k.npy", lab)
    results = {}
    if "kcenter" in only:
        files = {"--embeddings": work / "emb60k.npy", "--labeled": work / "labeled60k.npy"}
        results["coreset"] = compare(work, "kcenter", "coreset", 200, files, args.reps,
                                     lambda picks: radius(x, np.concatenate([lab, picks])))
        unlabeled = np.setdiff1d(np.arange(60_000), lab)
        rng = np.random.default_rng(7)
        results["random radius, median of 3 draws"] = float(np.median([radius(x, np.concatenate(
            [lab, rng.choice(unlabeled, 200, replace=False)])) for _ in range(3)]))
    if "greedi" in only:
        n = 10_000
        x10 = x[:n]
        lab10 = np.random.default_rng(1).choice(n, 100, replace=False).astype(np.int32)
        np.save(work / "emb10k.npy", x10)
        np.save(work / "labeled10k.npy", lab10)
        np.save(work / "labels10k.npy", labels[lab10])
        ground = np.setdiff1d(np.arange(n), lab10)
        files = {"--embeddings": work / "emb10k.npy", "--labeled": work / "labeled10k.npy",
                 "--labels": work / "labels10k.npy"}
        results["facility-location"] = compare(work, "fl", "facility-location", 100, files, args.reps,
                                               lambda picks: facility_location(x10, ground, picks))
        query = lab10[labels[lab10] == 0]
        cap = similarity(x10[ground], x10[query]).max(1)
        for budget in [100, 10]:  # at 100 picks central's f(A) reaches its cap, sum of max_q s(i, q)
            results[f"similar flmi, k = {budget}"] = compare(
                work, f"flmi{budget}", "similar", budget, files, args.reps,
                lambda picks: facility_location(x10, ground, picks, cap),
                ["--set", "function=flmi", "--scenario", "rare-classes", "--rare-classes", "0"])
        rng = np.random.default_rng(7)
        draws = lambda k, f: float(np.median([f(rng.choice(ground, k, replace=False)) for _ in range(3)]))
        results["random f(A), median of 3 draws"] = {
            "facility-location": draws(100, lambda a: facility_location(x10, ground, a)),
            "similar flmi, k = 100": draws(100, lambda a: facility_location(x10, ground, a, cap)),
            "similar flmi, k = 10": draws(10, lambda a: facility_location(x10, ground, a, cap)),
            "flmi cap": float(cap.sum())}
    if "margin" in only:
        # cluster-margin's partitioned picks are the single machine's (BatchDiversityTest): checked here on
        # the loop's first round, so its AUBC difference is 0 by construction
        pool = x[:10_000]
        z = (pool - pool.mean(0)) / (pool.std(0) + 1e-6)
        start = np.random.default_rng(100).choice(10_000, 50, replace=False)
        probs = softmax_predict(softmax_fit(z[start], labels[:10_000][start], 10), z).astype(np.float32)
        np.save(work / "margin-probs.npy", probs)
        np.save(work / "margin-emb.npy", z.astype(np.float32))
        np.save(work / "margin-labeled.npy", start.astype(np.int32))
        files = {"--probs": work / "margin-probs.npy", "--embeddings": work / "margin-emb.npy",
                 "--labeled": work / "margin-labeled.npy"}
        central = select(work, "margin-central", "cluster-margin", 50, files)
        results["cluster-margin picks"] = [
            {"partitions": p, "identical": bool(np.array_equal(central[0], r[0]) and central[1] == r[1]),
             "select_ms": r[2], "central_ms": central[2]}
            for p in PARTITIONS for r in [select(work, f"margin-{p}", "cluster-margin", 50, files, p)]]
    if "aubc" in only:
        test, test_labels = fashion("test")
        pool, pool_labels = x[:10_000], labels[:10_000]
        tx = project(test[:2_000])
        rows = []
        for p in [None] + PARTITIONS:
            areas = [aubc(work, "badge", pool, pool_labels, tx, test_labels[:2_000], s, p) for s in range(3)]
            rows.append({"partitions": p, "aubc": [a for a, _ in areas],
                         "select_ms": statistics.median(t for _, ts in areas for t in ts)})
        results["badge aubc"] = rows
    (work / "results.json").write_text(json.dumps(results, indent=1, default=str))
    print_table(results)


def print_table(results):
    print("| strategy | measure | partitions | central | partitioned | ratio | select_ms central / partitioned"
          " | wall s central / partitioned |")
    print("|---|---|---|---|---|---|---|---|")
    measures = {"coreset": "covering radius (lower is better)"}
    for name, rows in results.items():
        if name.startswith("random"):
            print(f"\n{name} of random picks (seed 7): {rows}\n")
            continue
        if name == "cluster-margin picks":
            for row in rows:
                print(f"| cluster-margin | picks and scores equal central's | {row['partitions']} | | "
                      f"{'identical' if row['identical'] else 'DIFFERENT'} | | {row['central_ms']:.0f} / "
                      f"{row['select_ms']:.0f} | |")
            continue
        if name.endswith("aubc"):
            central = rows[0]
            for row in rows[1:]:
                diff = np.array(row["aubc"]) - np.array(central["aubc"])
                print(f"| {name[:-5]} | AUBC, seeds 0-2 | {row['partitions']} | {np.mean(central['aubc']):.4f} | "
                      f"{np.mean(row['aubc']):.4f} | diff {diff.mean():+.4f} ± {diff.std(ddof=1):.4f} | "
                      f"{central['select_ms']:.0f} / {row['select_ms']:.0f} | |")
            continue
        for row in rows:
            ratio = row["quality"] / row["central"]
            print(f"| {name} | {measures.get(name, 'f(A)')} | {row['partitions']} | {row['central']:.4f} | {row['quality']:.4f} | "
                  f"{ratio:.4f}{'' if row['deterministic'] else ' (NOT deterministic)'} | "
                  f"{row['central_times']['select_ms']:.0f} / {row['select_ms']:.0f} | "
                  f"{row['central_times']['wall_s']:.1f} / {row['wall_s']:.1f} |")


if __name__ == "__main__":
    main()
