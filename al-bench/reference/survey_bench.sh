#!/usr/bin/env bash
# Issue 21's two speed rows (docs/benchmarks.md): cold `alkit select` of entropy, egl and
# label-dispersion, top-1 000 of n = 10^6, interleaved, ROUNDS rounds, with the median select_ms
# of each and the ratios to entropy; then al-bench's EnsembleFit (5 mlps against one mlp, fit by
# fit in one process) on a Fashion-MNIST pool of 3 000 with 3 000 labeled, PAIRS pairs, and its
# median ratio. Usage, from the repository root after `./mvnw -B -o -q install -DskipTests`:
#   al-bench/reference/survey_bench.sh [ROUNDS] [PAIRS] [DIR]
# DIR (default target/survey-bench) receives the inputs of survey_numpy.py (about 800 MB, written
# once, reused when present) and the logs.
# takes: about 1.5 minutes on a quiet machine (2 cores), plus about 40 s the first time for the inputs
set -euo pipefail
rounds=${1:-6}
pairs=${2:-5}
dir=${3:-target/survey-bench}
here=$(dirname "$0")
mkdir -p "$dir"
if [ ! -f "$dir/history.npy" ]; then
  python3 "$here/survey_numpy.py" inputs "$dir"
fi
select_ms() { python3 -c 'import json, sys; print(json.load(sys.stdin)["timing"]["select_ms"])'; }
# shellcheck source=al-bench/reference/bench-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
lscpu | grep -E '^Model name|^CPU\(s\)'
echo "instruction sets: $(grep -o -w -E 'avx2|avx512f' /proc/cpuinfo | sort -u | tr '\n' ' ')"
uptime
strategies=(entropy egl label-dispersion)
for s in "${strategies[@]}"; do : > "$dir/$s.ms"; done
for r in $(seq "$rounds"); do
  line="round $r:"
  for s in "${strategies[@]}"; do
    case $s in
      egl) signals=(--probs "$dir/probs.npy" --embeddings "$dir/emb.npy") ;;
      label-dispersion) signals=(--prediction-history "$dir/history.npy") ;;
      *) signals=(--probs "$dir/probs.npy") ;;
    esac
    ALKIT_NO_BUILD=1 ./alkit select --strategy "$s" --budget 1000 "${signals[@]}" | select_ms >> "$dir/$s.ms"
    line="$line $s $(tail -1 "$dir/$s.ms") ms"
  done
  echo "$line"
done
entropy=$(median < "$dir/entropy.ms")
for s in "${strategies[@]}"; do
  m=$(median < "$dir/$s.ms")
  echo "$s median select_ms $m, ratio to entropy $(ratio "$m" "$entropy")"
done
uptime
java -Xmx4g -Dai.djl.offline=true -DDJL_CACHE_DIR=target/djl-cache \
  -cp "al-bench/target/al-bench-0.1.0-SNAPSHOT.jar:$(cat al-bench/target/classpath.txt)" \
  org.alkit.bench.gpu.EnsembleFit 3000 3000 "$pairs" | tee "$dir/ensemble.log"
uptime
