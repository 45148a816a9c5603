"""Reference timing for `alkit maximize` in numpy: what a Python user of submodlib/apricot runs.

Reads an n x d float32 .npy, builds the euclidean similarity exp(-||x - y|| / d) (submodlib's
convention) with BLAS through ||x||^2 + ||y||^2 - 2 x.y, and runs the lazy greedy (Minoux 1978)
of facility location, or greedy log-determinant by the incremental Cholesky update (the k + 1
kernel rows it reads, as alkit does). Prints the wall time of the whole process's work
(loading included) in milliseconds as JSON, like alkit's "timing".

    python3 maximize_numpy.py facility-location X.npy 1000
    python3 maximize_numpy.py log-det X.npy 100
"""
import heapq
import json
import sys
import time

import numpy as np


def similarity_rows(x, rows, sq):
    d2 = sq[rows, None] + sq[None, :] - 2.0 * (x[rows] @ x.T)
    np.maximum(d2, 0, out=d2)
    return np.exp(-np.sqrt(d2) * np.float32(1.0 / x.shape[1]))


def facility_location(x, budget):
    sq = np.einsum("ij,ij->i", x, x)
    k = similarity_rows(x, np.arange(x.shape[0]), sq)
    kernel_done = time.perf_counter()
    memo = np.zeros(x.shape[0], dtype=np.float32)
    heap = [(-float(k[:, j].sum()), j) for j in range(x.shape[0])]
    heapq.heapify(heap)
    picked = []
    while len(picked) < budget and heap:
        bound, j = heapq.heappop(heap)
        gain = float(np.maximum(k[:, j] - memo, 0).sum())
        if not heap or gain >= -heap[0][0]:
            picked.append(j)
            np.maximum(memo, k[:, j], out=memo)
        else:
            heapq.heappush(heap, (-gain, j))
    return picked, kernel_done


def log_det(x, budget, regularization=1.0):
    sq = np.einsum("ij,ij->i", x, x)
    n = x.shape[0]
    diag = np.ones(n, dtype=np.float64) + regularization  # exp(-0) = 1
    kernel_done = time.perf_counter()
    e = np.zeros((budget, n))
    residual = diag.copy()
    picked = []
    taken = np.zeros(n, dtype=bool)
    for t in range(budget):
        j = int(np.argmax(np.where(taken, -np.inf, residual)))
        taken[j] = True
        row = similarity_rows(x, np.array([j]), sq)[0].astype(np.float64)
        row[j] += regularization
        e[t] = (row - e[:t, j] @ e[:t]) / np.sqrt(residual[j])
        residual -= e[t] ** 2
        picked.append(j)
    return picked, kernel_done


def main():
    function, path, budget = sys.argv[1], sys.argv[2], int(sys.argv[3])
    start = time.perf_counter()
    x = np.load(path).astype(np.float32)
    loaded = time.perf_counter()
    run = facility_location if function == "facility-location" else log_det
    picked, kernel_done = run(x, budget)
    done = time.perf_counter()
    print(json.dumps({"selected": picked[:10], "timing": {
        "load_ms": (loaded - start) * 1e3, "kernel_ms": (kernel_done - loaded) * 1e3,
        "maximize_ms": (done - kernel_done) * 1e3, "total_ms": (done - loaded) * 1e3}}))


if __name__ == "__main__":
    main()
