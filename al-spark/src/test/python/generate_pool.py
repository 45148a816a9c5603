"""Writes a large pool of class probabilities for the Spark engine's evidence (docs/spark.md).

    python3 al-spark/src/test/python/generate_pool.py ITEMS CLASSES OUT.npy [SEED]

OUT.npy: ITEMS x CLASSES float32, each row a softmax of Gaussian logits (scale 3, so the entropies
spread), written in chunks of 2^18 rows through a memory map: the script holds about 200 MB
whatever ITEMS is (10^7 x 100 is a 4 GB file). The same ITEMS, CLASSES and SEED give the same file.
PoolParquet (al-spark's test tree) turns it into a Parquet pool of the same items.
"""
import sys

import numpy as np


def main():
    items, classes = int(sys.argv[1]), int(sys.argv[2])
    out = sys.argv[3]
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 7
    pool = np.lib.format.open_memmap(out, mode="w+", dtype=np.float32, shape=(items, classes))
    rng = np.random.default_rng(seed)
    chunk = 1 << 18
    for start in range(0, items, chunk):
        rows = min(chunk, items - start)
        logits = 3.0 * rng.standard_normal((rows, classes))
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        pool[start:start + rows] = p.astype(np.float32)
    pool.flush()


if __name__ == "__main__":
    main()
