#!/usr/bin/env bash
# alkit's network fits against the same fit in PyTorch (train_torch.py), interleaved (issue 25): by
# default the mlp on 5 000 Fashion-MNIST images, 3 runs each side, and the cnn on 2 000, 2 runs each
# side, on 1 thread. Usage, from the repository root after `./mvnw -q install -DskipTests`:
#   TORCH_BLAS_DIR=/usr/lib/x86_64-linux-gnu/openblas-pthread al-bench/reference/train_bench.sh [DIR] [CASES]
# takes: about 5 minutes on a quiet 2-core AMD EPYC (mlp 1.5, cnn 3.5); a loaded machine stretches it a lot
# CASES is a quoted list of model:labeled:runs (default "mlp:5000:3 cnn:2000:2"), THREADS (default
# 1) the thread counts. Each run is a fresh process on each side (one warm-up fit, then the timed
# one). Prints one line a run, then per case the median fit times, the ratios reference / alkit
# (above 1: alkit is faster) and the median test accuracy of both: wall (fit_ms), the process's CPU
# time (cpu_ms: on alkit's side the JIT compiler's and collector's threads too) and the fitting
# thread's (thread_cpu_ms: where libtorch runs its operations on 1 thread; the steadiest figure on
# a shared machine).
#
# alkit's side runs as ./alkit runs it: with the allocator settings it exports and, on processors
# not made by Intel, the library that lets libtorch's MKL pick its AVX2 / AVX-512 kernels
# (al-gpu/src/main/c/mkl-preload.sh; ALKIT_MKL_SHIM=off runs without it). PyTorch's side is
# Debian's python3-torch for /usr/bin/python3 (TORCH_PYTHON overrides it), which calls whatever
# libblas.so.3 the system selects: with the reference BLAS (libblas3) its fit is about 20 times
# slower than with OpenBLAS, which is what a user of a PyPI wheel (MKL) gets, so TORCH_BLAS_DIR
# should name a folder holding an optimised libblas.so.3, e.g.
# /usr/lib/x86_64-linux-gnu/openblas-pthread of libopenblas0-pthread (its threads follow the
# case's, as torch's do).
set -euo pipefail
dir=${1:-target/train-bench}
cases=${2:-mlp:5000:3 cnn:2000:2}
here=$(dirname "$0")
python=${TORCH_PYTHON:-/usr/bin/python3}
classpath="al-bench/target/al-bench-0.1.0-SNAPSHOT.jar:$(cat al-bench/target/classpath.txt)"
malloc=$(sed -n 's/^export \(MALLOC_[A-Z_]*\)="${MALLOC_[A-Z_]*:-\([0-9]*\)}"$/\1=\2/p' alkit)
mkdir -p "$dir"
# shellcheck source=../../al-gpu/src/main/c/mkl-preload.sh
. al-gpu/src/main/c/mkl-preload.sh
shim=$(mkl_preload "$(cd "$dir" && pwd)")
preload=${shim:+LD_PRELOAD=$shim}
mkl="its own choice (generic code path on processors not made by Intel)"
[ -n "$shim" ] && mkl="AVX2 / AVX-512 kernels, $shim preloaded"
# shellcheck source=al-bench/reference/bench-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p"; }
lscpu | grep -E '^Model name|^CPU\(s\)'
echo "instruction sets: $(grep -o -w -E 'avx2|avx512f' /proc/cpuinfo | sort -u | tr '\n' ' ')"
echo "alkit's MKL: $mkl"
uptime
for spec in $cases; do
  IFS=: read -r model count runs <<< "$spec"
  for threads in ${THREADS:-1}; do
    log="$dir/$model-$count-t$threads.log"
    : > "$log"
    for _ in $(seq "$runs"); do
      # shellcheck disable=SC2086
      env $malloc $preload java -Xmx2g -Dai.djl.offline=true -DDJL_CACHE_DIR=target/djl-cache -Dai.djl.pytorch.num_threads="$threads" \
        -cp "$classpath" org.alkit.bench.gpu.FitTiming "$model" "$count" "$dir" | tee -a "$log"
      OPENBLAS_NUM_THREADS=$threads OMP_NUM_THREADS=$threads \
        LD_LIBRARY_PATH="${TORCH_BLAS_DIR:-}${TORCH_BLAS_DIR:+:}${LD_LIBRARY_PATH:-}" \
        "$python" "$here/train_torch.py" "$model" "$count" "$dir" "$threads" | tee -a "$log"
    done
    alkit=$(grep '^alkit' "$log" | field fit_ms | median)
    torch=$(grep '^torch' "$log" | field fit_ms | median)
    alkit_cpu=$(grep '^alkit' "$log" | field cpu_ms | median)
    torch_cpu=$(grep '^torch' "$log" | field cpu_ms | median)
    alkit_thread=$(grep '^alkit' "$log" | field thread_cpu_ms | median)
    torch_thread=$(grep '^torch' "$log" | field thread_cpu_ms | median)
    echo "$model $count threads=$threads, $runs runs: alkit fit $alkit ms, cpu $alkit_cpu ms, thread $alkit_thread ms" \
      "(accuracy $(grep '^alkit' "$log" | field accuracy | median));" \
      "torch $torch ms, cpu $torch_cpu ms, thread $torch_thread ms (accuracy $(grep '^torch' "$log" | field accuracy | median));" \
      "ratio torch/alkit wall $(ratio "$torch" "$alkit"), cpu $(ratio "$torch_cpu" "$alkit_cpu")," \
      "thread $(ratio "$torch_thread" "$alkit_thread")"
  done
done
uptime
