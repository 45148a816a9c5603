#!/usr/bin/env bash
# Entropy top-10 000 over a generated probability pool, docs/spark.md ("Evidence"): the single
# machine's `alkit select` on the .npy file, and `--engine spark` on local[2] from the same .npy
# and from its Parquet copy, interleaved (A, B, C, A, B, C, ...), one JSON line per run with the
# wall time and peak RSS (measure.py), and a check that every run picks what the first did.
#
#   al-spark/src/test/bench/entropy-at-scale.sh POOL.npy POOL.parquet REPS OUT_DIR [MASTER]
#
# Pools: al-spark/src/test/python/generate_pool.py, then org.alkit.spark.PoolParquet.
set -euo pipefail
npy=$1 parquet=$2 reps=$3 out=$4 master=${5:-local[2]}
here=$(cd "$(dirname "$0")/../../../.." && pwd)
measure=(python3 "$here/al-spark/src/test/python/measure.py")
select=(env ALKIT_NO_BUILD=1 "$here/alkit" select --strategy entropy --budget 10000)
mkdir -p "$out"
uptime >&2
for r in $(seq 1 "$reps"); do
  "${measure[@]}" "local npy" -- "${select[@]}" --probs "$npy" --out "$out/local-$r.json"
  "${measure[@]}" "spark $master npy" -- "${select[@]}" --probs "$npy" --engine spark --spark-master "$master" \
    --spark-conf alkit.partitions=32 --out "$out/spark-npy-$r.json"
  if [ "$parquet" != - ]; then
    "${measure[@]}" "spark $master parquet" -- "${select[@]}" --parquet "$parquet" --engine spark \
      --spark-master "$master" --out "$out/spark-parquet-$r.json"
  fi
done
uptime >&2
python3 - "$out" <<'PY'
import glob, json, sys
picks = {f: json.load(open(f))["selected"] for f in sorted(glob.glob(sys.argv[1] + "/*.json"))}
first = next(iter(picks.values()))
print("same picks in every run:", all(p == first for p in picks.values()), len(picks), "runs", file=sys.stderr)
PY
