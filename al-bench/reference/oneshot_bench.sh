#!/usr/bin/env bash
# One-shot speed (issues 25 and 28): cold `./alkit select` for bald (20 x 50 000 x 10 real
# MC-dropout passes, top 100), ranked-batch and information-density (50 000 x 128 Fashion-MNIST
# PCA, budget 100), interleaved with the same algorithm in numpy (bald_distil.py --once,
# parity_numpy.py), RUNS times each. Prints one line a run and, per strategy, the medians of
# alkit's select_ms, numpy's time for the same work (after import and load), both processes' wall
# times, and the ratios numpy / alkit (above 1: alkit faster). Checks that the picks agree.
# Usage, from the repository root after `./mvnw -B -o -q install -DskipTests`:
#   al-bench/reference/oneshot_bench.sh [RUNS] [DIR]
# DIR (default al-bench/target/oneshot) receives the inputs on the first call (parity_numpy.py
# prepare, mc_dropout_fashion.py with 20 passes: about 2 minutes) and reuses them afterwards.
# takes: about 1.5 minutes on a quiet machine with the inputs present (RUNS = 5), 3.5 without
set -euo pipefail
runs=${1:-5}
dir=${2:-al-bench/target/oneshot}
here=$(dirname "$0")
mkdir -p "$dir"
if [ ! -f "$dir/embeddings.npy" ] || [ ! -f "$dir/probs.npy" ] || [ ! -f "$dir/labeled.npy" ]; then
  python3 "$here/parity_numpy.py" prepare "$dir"
fi
if [ ! -f "$dir/mc.npy" ]; then
  python3 "$here/mc_dropout_fashion.py" "$dir/mc59k.npy" 20 >&2
  python3 -c 'import numpy as np, sys; m = np.load(sys.argv[1]); np.save(sys.argv[2], np.ascontiguousarray(m[:, :50000]))' \
    "$dir/mc59k.npy" "$dir/mc.npy"
  rm -f "$dir/mc59k.npy"
fi
field() { python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(d["timing"]["select_ms"] if sys.argv[2] == "ms" else d["selected"])' "$1" "$2"; }
# shellcheck source=al-bench/reference/bench-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
timed() { # timed OUT.json CMD...: runs CMD with stdout to OUT.json, prints the wall seconds
  local out=$1 start
  shift
  start=$(date +%s.%N)
  "$@" > "$out"
  echo "$(date +%s.%N) - $start" | bc
}
echo "# $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) CPUs; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
summary=()
for strategy in bald ranked-batch information-density; do
  if [ "$strategy" = bald ]; then
    alkit=(--mc-probs "$dir/mc.npy")
    numpy=(python3 "$here/bald_distil.py" --once "$dir/mc.npy" 20 50000 100)
  else
    alkit=(--embeddings "$dir/embeddings.npy" --probs "$dir/probs.npy" --labeled "$dir/labeled.npy")
    numpy=(python3 "$here/parity_numpy.py" "$strategy" "$dir" 100)
  fi
  : > "$dir/$strategy.alkit"
  : > "$dir/$strategy.numpy"
  for _ in $(seq "$runs"); do
    wall=$(timed "$dir/$strategy.alkit.json" env ALKIT_NO_BUILD=1 ./alkit select --strategy "$strategy" --budget 100 "${alkit[@]}")
    echo "$wall $(field "$dir/$strategy.alkit.json" ms)" >> "$dir/$strategy.alkit"
    wall=$(timed "$dir/$strategy.numpy.json" "${numpy[@]}")
    echo "$wall $(field "$dir/$strategy.numpy.json" ms)" >> "$dir/$strategy.numpy"
    same=yes
    [ "$(field "$dir/$strategy.alkit.json" picks)" = "$(field "$dir/$strategy.numpy.json" picks)" ] || same=NO
    echo "$strategy: alkit wall s, select ms $(tail -1 "$dir/$strategy.alkit") | numpy $(tail -1 "$dir/$strategy.numpy") | same picks $same"
  done
  aw=$(cut -d' ' -f1 "$dir/$strategy.alkit" | median)
  as=$(cut -d' ' -f2 "$dir/$strategy.alkit" | median)
  nw=$(cut -d' ' -f1 "$dir/$strategy.numpy" | median)
  ns=$(cut -d' ' -f2 "$dir/$strategy.numpy" | median)
  summary+=("$(printf '%-20s alkit select %8.1f ms wall %5.2f s | numpy select %8.1f ms wall %5.2f s | ratio select %5.2fx wall %5.2fx' \
    "$strategy" "$as" "$aw" "$ns" "$nw" "$(echo "$ns / $as" | bc -l)" "$(echo "$nw / $aw" | bc -l)")")
done
echo "# medians of $runs runs, ratio = numpy / alkit; load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%s\n' "${summary[@]}"
