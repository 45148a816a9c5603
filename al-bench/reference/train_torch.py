"""alkit's `mlp` / `cnn` fit as a PyTorch user writes it, for the same-run comparison of
`train_bench.sh` (issue 25).

The same network (default options), initialisation (weights N(0, 2 / fan_in), DJL's Xavier
"gaussian, in, 2", biases 0), input scaling (per feature for the mlp, per channel for the cnn,
fitted on the 60 000 training images as alkit's `Scaler`), loss (mean softmax cross-entropy),
optimiser (Adam, lr 1e-3, betas 0.9 / 0.999, eps 1e-8, L2 weight decay 1e-4 added to the
gradient), epochs (30), batch size (64) and batch order: the rows and each epoch's order are read
from the files `org.alkit.bench.gpu.FitTiming` writes. DJL puts Adam's eps on the unscaled
sqrt(v) (lr·sqrt(1 − β₂ᵗ)/(1 − β₁ᵗ) · m / (sqrt(v) + eps)), PyTorch on the bias-corrected one;
the difference is below 1e-8 relative here.

    python3 train_torch.py MODEL LABELED DIR THREADS

prints `torch MODEL labeled=N threads=T fit_ms=... cpu_ms=... thread_cpu_ms=... accuracy=...` like FitTiming. fit_ms times what
alkit's fit does: the scaler, the network, the training loop. One warm-up fit of one epoch on 256
rows comes first, as in FitTiming. Needs torch (Debian's python3-torch) and numpy; reads the
Fashion-MNIST files from $ALKIT_FASHION_MNIST or /usr/share/datasets/fashion-mnist.
"""
import gzip
import os
import sys
import time

import numpy as np
import torch
from torch import nn
import torch.nn.functional as F

EPOCHS, BATCH, LR, WEIGHT_DECAY, DROPOUT = 30, 64, 1e-3, 1e-4, 0.25
TORCH_SEED = 7


def images(directory, split):
    with gzip.open(os.path.join(directory, split + "-images-idx3-ubyte.gz")) as f:
        x = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 784)
    with gzip.open(os.path.join(directory, split + "-labels-idx1-ubyte.gz")) as f:
        y = np.frombuffer(f.read(), np.uint8, offset=8).astype(np.int64)
    return (x / np.float32(255)).astype(np.float32), y


def scaler(pool, per_channel):
    """alkit's Scaler: mean and 1 / deviation in float64, one per feature or over all pixels."""
    x = pool.astype(np.float64)
    if per_channel:
        mean = np.full(pool.shape[1], x.mean())
        sd = np.full(pool.shape[1], np.sqrt(max(0.0, (x * x).mean() - x.mean() ** 2)))
    else:
        mean = x.mean(axis=0)
        sd = np.sqrt(np.maximum(0.0, (x * x).mean(axis=0) - mean ** 2))
    scale = np.where(sd > 1e-12, 1 / np.where(sd > 1e-12, sd, 1), 1.0)
    return mean.astype(np.float32), scale.astype(np.float32)


def network(model):
    if model == "mlp":
        net = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Dropout(DROPOUT), nn.Linear(256, 10))
    else:
        net = nn.Sequential(
            nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Dropout(DROPOUT), nn.Flatten(), nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Dropout(DROPOUT),
            nn.Linear(128, 10))
    for layer in net:
        if isinstance(layer, (nn.Linear, nn.Conv2d)):
            nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")
            nn.init.zeros_(layer.bias)
    return net


def fit(model, pool, rows, y, order):
    """Trains on pool[rows] (labels y) in the batch order `order` (epochs × len(rows))."""
    mean, scale = scaler(pool, model == "cnn")
    x = torch.from_numpy((pool[rows] - mean) * scale)
    if model == "cnn":
        x = x.reshape(-1, 1, 28, 28)
    targets = torch.from_numpy(y)
    torch.manual_seed(TORCH_SEED)
    net = network(model)
    optimiser = torch.optim.Adam(net.parameters(), lr=LR, betas=(0.9, 0.999), eps=1e-8, weight_decay=WEIGHT_DECAY)
    net.train()
    for epoch_order in order:
        for start in range(0, len(epoch_order), BATCH):
            batch = torch.from_numpy(epoch_order[start:start + BATCH].astype(np.int64))
            optimiser.zero_grad()
            loss = F.cross_entropy(net(x[batch]), targets[batch])
            loss.backward()
            optimiser.step()
    return net, mean, scale


def accuracy(model, net, mean, scale, test, truth):
    net.eval()
    right = 0
    with torch.no_grad():
        for start in range(0, len(test), 1000):
            x = torch.from_numpy((test[start:start + 1000] - mean) * scale)
            if model == "cnn":
                x = x.reshape(-1, 1, 28, 28)
            right += int((net(x).argmax(1).numpy() == truth[start:start + 1000]).sum())
    return right / len(test)


def main():
    model, count, directory, threads = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    torch.set_num_threads(threads)
    data = os.environ.get("ALKIT_FASHION_MNIST", "/usr/share/datasets/fashion-mnist")
    pool, labels = images(data, "train")
    test, truth = images(data, "t10k")
    prefix = os.path.join(directory, "%s-%d-" % (model, count))
    rows = np.load(prefix + "rows.npy")
    order = np.load(prefix + "order.npy")
    fit(model, pool, rows[:256], labels[rows[:256]], order[:1, :][:, order[0] < 256])
    cpu = time.process_time()
    thread_cpu = time.thread_time()
    start = time.perf_counter()
    net, mean, scale = fit(model, pool, rows, labels[rows], order)
    fit_ms = (time.perf_counter() - start) * 1000
    cpu_ms = (time.process_time() - cpu) * 1000
    thread_cpu_ms = (time.thread_time() - thread_cpu) * 1000
    print("torch %s labeled=%d threads=%d fit_ms=%.1f cpu_ms=%.1f thread_cpu_ms=%.1f accuracy=%.4f"
          % (model, count, threads, fit_ms, cpu_ms, thread_cpu_ms, accuracy(model, net, mean, scale, test, truth)))


if __name__ == "__main__":
    main()
