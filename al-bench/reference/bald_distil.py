"""DISTIL-style BALD timed on MC-dropout samples (see README.md).

DISTIL's BALDDropout in numpy float32: U = H[mean_t p_t] - mean_t H[p_t] over T passes, then the
top-k (a stable descending sort of all scores, as ScoreStreamingStrategy, and np.argpartition as
the faster alternative). Usage: python3 bald_distil.py MC.npy [T] [n] [k]; the first T passes and
n items of the T' x n' x C file are used (defaults 20, 50 000, 1 000).
`python3 bald_distil.py --once MC.npy T n k` scores once, takes the top k by np.argpartition (ties
to the lower index, as alkit) and prints {"selected", "timing": {"select_ms"}} like `alkit select`,
timing everything after the file is loaded (oneshot_bench.sh).
"""
import sys
import time

import json

import numpy as np

once = sys.argv[1] == "--once"
if once:
    del sys.argv[1]
mc = np.load(sys.argv[1], mmap_mode=None if once else "r")  # once: read in full before the clock starts
passes = int(sys.argv[2]) if len(sys.argv) > 2 else 20
n = int(sys.argv[3]) if len(sys.argv) > 3 else 50_000
k = int(sys.argv[4]) if len(sys.argv) > 4 else 1000
probs = np.ascontiguousarray(mc[:passes, :n], dtype=np.float32)


def bald(p):
    pb = p.mean(0)
    entropy1 = (-pb * np.log(pb)).sum(1)
    entropy2 = (-p * np.log(p)).sum(2).mean(0)
    return entropy1 - entropy2


if once:
    t = time.perf_counter()
    u = bald(probs)
    top = np.argpartition(-u, k - 1)[:k]
    top = top[np.lexsort((top, -u[top]))]
    ms = (time.perf_counter() - t) * 1000
    print(json.dumps({"strategy": "bald", "selected": top.tolist(), "timing": {"select_ms": round(ms, 3)}}))
    sys.exit()

for name, top in [("stable sort", lambda u: np.argsort(-u, kind="stable")[:k]),
                  ("argpartition", lambda u: np.argpartition(-u, k - 1)[:k])]:
    times = []
    for _ in range(7):
        t = time.perf_counter()
        picks = top(bald(probs))
        times.append(time.perf_counter() - t)
    print(f"numpy BALD ({name}) T={passes} n={n} C={probs.shape[2]} k={k}: "
          f"median {1000 * np.median(times):.1f} ms, best {1000 * min(times):.1f} ms")
