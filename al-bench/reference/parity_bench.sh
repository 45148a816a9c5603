#!/usr/bin/env bash
# Cold `alkit select` against parity_numpy.py on the same files, interleaved, RUNS times each
# (issue 28, item 8). Usage, from the repository root after `./mvnw -q install -DskipTests`:
#   al-bench/reference/parity_bench.sh DIR [RUNS]
# DIR is created by `python3 al-bench/reference/parity_numpy.py prepare DIR`. Prints one line a
# run (wall seconds of the whole process, select_ms of its JSON) and the medians.
set -euo pipefail
dir=$1
runs=${2:-3}
delta=$(cat "$dir/delta.txt")
here=$(dirname "$0")
select_ms() { python3 -c 'import json, sys; print(json.loads(sys.argv[1])["timing"]["select_ms"])' "$1"; }
# shellcheck source=al-bench/reference/bench-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
for strategy in probcover ranked-batch information-density; do
  opts=()
  if [ "$strategy" = probcover ]; then opts=(--set "delta=$delta"); fi
  : > "$dir/$strategy.alkit"
  : > "$dir/$strategy.numpy"
  for _ in $(seq "$runs"); do
    start=$(date +%s.%N)
    out=$(ALKIT_NO_BUILD=1 ./alkit select --strategy "$strategy" "${opts[@]}" --budget 100 \
      --embeddings "$dir/embeddings.npy" --probs "$dir/probs.npy" --labeled "$dir/labeled.npy")
    wall=$(echo "$(date +%s.%N) - $start" | bc)
    echo "$wall $(select_ms "$out")" >> "$dir/$strategy.alkit"
    start=$(date +%s.%N)
    out=$(python3 "$here/parity_numpy.py" "$strategy" "$dir" 100)
    wall=$(echo "$(date +%s.%N) - $start" | bc)
    echo "$wall $(select_ms "$out")" >> "$dir/$strategy.numpy"
    echo "$strategy alkit $(tail -1 "$dir/$strategy.alkit")  numpy $(tail -1 "$dir/$strategy.numpy")"
  done
  for side in alkit numpy; do
    echo "$strategy $side median wall $(cut -d' ' -f1 "$dir/$strategy.$side" | median) s, select $(cut -d' ' -f2 "$dir/$strategy.$side" | median) ms"
  done
done
