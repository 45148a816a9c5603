#!/usr/bin/env bash
# Cold `alkit maximize --function facility-location --optimizer lazy` against maximize_numpy.py on
# the same file, interleaved, RUNS times each (issue 25, item 3): alkit as the JVM finds the CPU,
# alkit with -XX:UseAVX=2 (the choices `simd = auto` makes on an AVX2 CPU, emulated on an AVX-512
# one), and numpy. Usage, from the repository root after `./mvnw -q install -DskipTests`:
#   al-bench/reference/maximize_bench.sh X.npy [RUNS [BUDGET]]
# X.npy: e.g. i.i.d. standard normal 10 000 × 1 024 float32. Prints one line a run (total_ms and
# kernel_ms of each side, the load average) and the medians.
set -euo pipefail
x=$1
runs=${2:-5}
budget=${3:-1000}
here=$(dirname "$0")
out=$(mktemp -d)
ms() { python3 -c 'import json, sys; t = json.load(open(sys.argv[1]))["timing"]; print(t["total_ms"], t.get("kernel_ms", "-"))' "$1"; }
# shellcheck source=al-bench/reference/bench-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
for _ in $(seq "$runs"); do
  ALKIT_NO_BUILD=1 ./alkit maximize --function facility-location --optimizer lazy --budget "$budget" \
    --data "$x" --out "$out/native.json" > /dev/null
  JAVA_TOOL_OPTIONS=-XX:UseAVX=2 ALKIT_NO_BUILD=1 ./alkit maximize --function facility-location \
    --optimizer lazy --budget "$budget" --data "$x" --out "$out/avx2.json" > /dev/null 2>&1
  python3 "$here/maximize_numpy.py" facility-location "$x" "$budget" > "$out/numpy.json"
  for side in native avx2 numpy; do ms "$out/$side.json" | tee -a "$out/$side.ms" > /dev/null; done
  echo "alkit $(tail -1 "$out/native.ms"), alkit AVX2 $(tail -1 "$out/avx2.ms"), numpy $(tail -1 "$out/numpy.ms") (total_ms, kernel_ms); load $(cut -d' ' -f1 /proc/loadavg)"
done
for side in native avx2 numpy; do
  echo "$side median total_ms $(cut -d' ' -f1 "$out/$side.ms" | median)"
done
