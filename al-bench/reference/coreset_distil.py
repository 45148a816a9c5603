"""DISTIL-style greedy k-center (furthest_first) in numpy, 50 000 + 1 000, d = 512, k = 1 000."""
import time
import numpy as np

nu, nl, d, k = 50_000, 1_000, 512, 1000
rng = np.random.default_rng(0)
centres = rng.standard_normal((64, d), dtype=np.float32) * 4
u = centres[rng.integers(0, 64, nu)] + rng.standard_normal((nu, d), dtype=np.float32)
l = centres[rng.integers(0, 64, nl)] + rng.standard_normal((nl, d), dtype=np.float32)


def sqdist(a, b):
    return np.maximum((a * a).sum(1)[:, None] + (b * b).sum(1)[None, :] - 2 * a @ b.T, 0)


def furthest_first(u, l, k):
    min_dist = np.sqrt(np.concatenate([sqdist(u[i:i + 4096], l).min(1) for i in range(0, len(u), 4096)]))
    picks = []
    for _ in range(k):
        idx = int(np.argmax(min_dist))
        picks.append(idx)
        min_dist = np.minimum(min_dist, np.sqrt(sqdist(u, u[idx:idx + 1])[:, 0]))
    return picks


times = []
for _ in range(3):
    t = time.perf_counter()
    furthest_first(u, l, k)
    times.append(time.perf_counter() - t)
print(f"DISTIL-style furthest_first (numpy) {nu}+{nl} d={d} k={k}: median {np.median(times):.2f} s, "
      f"best {min(times):.2f} s")
