#!/usr/bin/env bash
# alkit's network fits against the same fit in PyTorch (train_torch.py), interleaved, RUNS times
# each (issue 25): by default mlp on 5 000 Fashion-MNIST images and cnn on 2 000, on 1 and 2
# threads. Usage, from the repository root after `./mvnw -q install -DskipTests`:
#   al-bench/reference/train_bench.sh [RUNS] [DIR] [CASES]
# CASES is a quoted list of model:labeled (default "mlp:5000 cnn:2000"), THREADS (default "1 2")
# the thread counts. Each run is a fresh process on each side (one warm-up fit, then the timed
# one). Prints one line a run, then per case the median fit times, the ratio reference / alkit
# (above 1: alkit is faster) and the median test accuracy of both; cpu_ms (the process's CPU time
# during the fit) is steadier than the wall time on a shared machine.
#
# alkit's side runs with the allocator settings ./alkit exports. PyTorch's side is Debian's
# python3-torch for /usr/bin/python3 (TORCH_PYTHON overrides it), which calls whatever libblas.so.3
# the system selects: with the reference BLAS (libblas3) its fit is about 20 times slower than
# with OpenBLAS, which is what a user of a PyPI wheel (MKL) gets, so TORCH_BLAS_DIR should name a
# folder holding an optimised libblas.so.3, e.g. /usr/lib/x86_64-linux-gnu/openblas-pthread of
# libopenblas0-pthread (its threads follow the case's, as torch's do).
set -euo pipefail
runs=${1:-5}
dir=${2:-target/train-bench}
cases=${3:-mlp:5000 cnn:2000}
here=$(dirname "$0")
python=${TORCH_PYTHON:-/usr/bin/python3}
classpath="al-bench/target/al-bench-0.1.0-SNAPSHOT.jar:$(cat al-bench/target/classpath.txt)"
malloc=$(sed -n 's/^export \(MALLOC_[A-Z_]*\)="${MALLOC_[A-Z_]*:-\([0-9]*\)}"$/\1=\2/p' alkit)
mkdir -p "$dir"
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p"; }
lscpu | grep -E '^Model name|^CPU\(s\)'
echo "instruction sets: $(grep -o -w -E 'avx2|avx512f' /proc/cpuinfo | sort -u | tr '\n' ' ')"
uptime
for spec in $cases; do
  model=${spec%:*}
  count=${spec#*:}
  for threads in ${THREADS:-1 2}; do
    log="$dir/$model-$count-t$threads.log"
    : > "$log"
    for _ in $(seq "$runs"); do
      # shellcheck disable=SC2086
      env $malloc java -Xmx2g -Dai.djl.offline=true -DDJL_CACHE_DIR=target/djl-cache -Dai.djl.pytorch.num_threads="$threads" \
        -cp "$classpath" org.alkit.bench.gpu.FitTiming "$model" "$count" "$dir" | tee -a "$log"
      OPENBLAS_NUM_THREADS=$threads OMP_NUM_THREADS=$threads \
        LD_LIBRARY_PATH="${TORCH_BLAS_DIR:-}${TORCH_BLAS_DIR:+:}${LD_LIBRARY_PATH:-}" \
        "$python" "$here/train_torch.py" "$model" "$count" "$dir" "$threads" | tee -a "$log"
    done
    alkit=$(grep '^alkit' "$log" | field fit_ms | median)
    torch=$(grep '^torch' "$log" | field fit_ms | median)
    alkit_cpu=$(grep '^alkit' "$log" | field cpu_ms | median)
    torch_cpu=$(grep '^torch' "$log" | field cpu_ms | median)
    echo "$model $count threads=$threads: alkit fit $alkit ms, cpu $alkit_cpu ms (accuracy $(grep '^alkit' "$log" | field accuracy | median))," \
      "torch $torch ms, cpu $torch_cpu ms (accuracy $(grep '^torch' "$log" | field accuracy | median))," \
      "ratio torch/alkit wall $(ratio "$torch" "$alkit"), cpu $(ratio "$torch_cpu" "$alkit_cpu")"
  done
done
uptime
