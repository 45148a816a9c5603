"""Greedy k-center as an efficient PyTorch user writes it: one matrix-vector product per pick.

    python3 kcenter_torch.py prepare DIR          # DIR/fashion.npy, DIR/gaussian.npy, DIR/labeled.npy
    python3 kcenter_torch.py select X.npy LABELED.npy K [THREADS]

`prepare` writes the two core-set benchmark inputs: the first 51 000 Fashion-MNIST training images
(Debian `dataset-fashion-mnist`) / 255 as float32 (d = 784), i.i.d. standard normal 51 000 × 512
(seed 0), and the labeled positions 50 000 … 50 999 (the last 1 000 rows).

`select` runs the greedy of Sener & Savarese (2018) as DISTIL's `furthest_first` does, on the
torch tensor (PyTorch 1.13, Debian `python3-torch`, on THREADS intra-op threads, default 2): the
nearest labeled row of every row through ‖x‖² + ‖l‖² − 2 x·l in blocks, then per pick one
matrix-vector product X·c for the squared distances to the new centre and an elementwise minimum.
It prints `select_ms` (the greedy alone, inputs loaded) and the picks, like alkit's JSON.
"""
import gzip
import json
import os
import sys
import time

import numpy as np

FASHION = "/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"
N, LABELED = 51_000, 1_000


def prepare(out):
    os.makedirs(out, exist_ok=True)
    with gzip.open(FASHION) as f:
        pixels = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 784)
    np.save(os.path.join(out, "fashion.npy"), (pixels[:N] / 255).astype(np.float32))
    rng = np.random.default_rng(0)
    np.save(os.path.join(out, "gaussian.npy"), rng.standard_normal((N, 512), dtype=np.float32))
    np.save(os.path.join(out, "labeled.npy"), np.arange(N - LABELED, N, dtype=np.int32))


def select(x_path, labeled_path, k, threads):
    import torch
    torch.set_num_threads(threads)
    x = torch.from_numpy(np.load(x_path))
    labeled = torch.from_numpy(np.load(labeled_path).astype(np.int64))
    start = time.perf_counter()
    norms = (x * x).sum(1)
    lab = x[labeled]
    min_d2 = torch.cat([
        (norms[i:i + 4096, None] + (lab * lab).sum(1)[None, :] - 2 * x[i:i + 4096] @ lab.T).min(1).values
        for i in range(0, len(x), 4096)])
    min_d2[labeled] = -1
    picks, scores = [], []
    for _ in range(k):
        c = int(torch.argmax(min_d2))
        picks.append(c)
        scores.append(float(min_d2[c].clamp(min=0).sqrt()))
        min_d2 = torch.minimum(min_d2, norms + norms[c] - 2 * (x @ x[c]))
        min_d2[c] = -1
    ms = (time.perf_counter() - start) * 1000
    print(json.dumps({"timing": {"select_ms": round(ms, 1)}, "threads": threads,
                      "picks": picks, "scores": scores}))


if __name__ == "__main__":
    if sys.argv[1] == "prepare":
        prepare(sys.argv[2])
    else:
        select(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]) if len(sys.argv) > 5 else 2)
