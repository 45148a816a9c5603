#!/usr/bin/env bash
# Issue 25's k-center and facility-location ratios in one run: cold `alkit select --strategy
# coreset --budget 1000` against kcenter_torch.py on Fashion-MNIST 51 000 × 784 and Gaussian
# 51 000 × 512 (kcenter_bench.sh, interleaved, RUNS each), then cold `alkit maximize
# --function facility-location --optimizer lazy --budget 1000` on Gaussian 10 000 × 1 024 as the
# JVM finds the CPU and with -XX:UseAVX=2, against maximize_numpy.py (maximize_bench.sh, RUNS
# each). Prints each script's lines, then the medians and the ratios reference / alkit.
# Usage, from the repository root after `./mvnw -B -o -q install -DskipTests`:
#   TORCH_BLAS_DIR=DIR al-bench/reference/issue25_bench.sh [RUNS]     (RUNS: 3 by default)
# TORCH_BLAS_DIR names the folder of an optimised libblas.so.3 for the torch side (Debian's
# libopenblas0-pthread: its openblas-pthread folder); unset, torch runs on Debian's default BLAS
# and the script says so. Inputs are written once under target/issue25/ and reused: the core-set
# files by `kcenter_torch.py prepare` (Debian dataset-fashion-mnist), the facility-location matrix
# (i.i.d. standard normal, seed 0, float32) by numpy.
# takes: about 5 minutes on the quiet 2-core machine with RUNS = 3 (torch's greedy about 20 s a run)
set -euo pipefail
cd "$(dirname "$0")/../.."
here=al-bench/reference
runs=${1:-3}
dir=target/issue25
mkdir -p "$dir"
if [ -z "${TORCH_BLAS_DIR:-}" ]; then
  echo "note: TORCH_BLAS_DIR is unset, torch runs on Debian's default BLAS (slower than OpenBLAS)" >&2
elif [ ! -e "$TORCH_BLAS_DIR/libblas.so.3" ]; then
  echo "TORCH_BLAS_DIR=$TORCH_BLAS_DIR has no libblas.so.3 (install libopenblas0-pthread)" >&2
  exit 2
fi
[ -f "$dir/labeled.npy" ] || /usr/bin/python3 "$here/kcenter_torch.py" prepare "$dir"
[ -f "$dir/fl.npy" ] || python3 -c 'import numpy as np, sys
np.save(sys.argv[1], np.random.default_rng(0).standard_normal((10_000, 1_024), dtype=np.float32))' "$dir/fl.npy"
echo "CPU: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; $(grep -o -w -m1 avx512f /proc/cpuinfo || echo 'no avx512f')"
"$here/kcenter_bench.sh" "$dir" "$runs"
"$here/maximize_bench.sh" "$dir/fl.npy" "$runs" | tee "$dir/maximize.log"
# shellcheck source=al-bench/reference/bench-lib.sh
. "$here/bench-lib.sh"
echo "== issue 25 summary (medians of $runs runs; load $(cut -d' ' -f1-3 /proc/loadavg)) =="
for data in fashion gaussian; do
  a=$(median < "$dir/$data.alkit")
  t=$(median < "$dir/$data.torch")
  awk -v d="$data" -v a="$a" -v t="$t" 'BEGIN {printf "core-set %-8s alkit select_ms %6.0f  torch %6.0f  ratio %.2f (goal %s)\n", d, a, t, t / a, d == "fashion" ? "10" : "2"}'
done
numpy=$(sed -n 's/^numpy median total_ms //p' "$dir/maximize.log")
for side in native avx2; do
  a=$(sed -n "s/^$side median total_ms //p" "$dir/maximize.log")
  awk -v s="$side" -v a="$a" -v n="$numpy" 'BEGIN {printf "facility location %-6s alkit total_ms %6.0f  numpy %6.0f  ratio %.2f (goal 3)\n", s == "native" ? "auto" : "AVX2", a, n, n / a}'
done
