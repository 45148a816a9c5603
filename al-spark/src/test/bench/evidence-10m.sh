#!/usr/bin/env bash
# Issue 23's evidence at 10^7 x 100 (docs/spark.md, "Evidence"): entropy top-10 000 over a 4 GB
# float32 probability pool, the single machine's `alkit select` on the .npy file (-Xmx6g) against
# `--engine spark --spark-master local[2]` (same heap) from the .npy file and from its Parquet copy,
# interleaved (single, spark .npy, spark Parquet, single, ...: 3, 3 and 2 runs), then pools larger than
# the heap under ALKIT_JAVA_OPTS=-Xmx450m, the smallest heap Spark starts in (it reserves 300 MiB and
# refuses a JVM with less than 1.5 times that: -Xmx400m fails with "Please increase heap size"): a
# 1.2*10^7 x 100 pool (4.8 GB, 10x the heap) from .npy, which the single machine refuses in one line
# and Spark selects (checked against the single machine at -Xmx6g), and the 10^7 Parquet pool (8.5x). Prints one JSON line per run (wall, peak RSS of the
# process tree from measure.py, select_ms from alkit's output), a check that every run picked the
# same items, and the medians and ratios to the single machine (each Spark run's wall over the
# single run before it).
#
#   al-spark/src/test/bench/evidence-10m.sh [POOLS_DIR] [OUT_DIR]
#
# needs: ./mvnw -B -o -q install -DskipTests (al-spark's test classes compiled), python3 with numpy;
# POOLS_DIR (default target/pools) gets p10m.npy (4 GB, generate_pool.py, minutes), p10m.parquet
# (about 4 GB, PoolParquet, 16 files) and p12m.npy (4.8 GB) when they are missing, and reuses them when
# present; 13 GB of disk and 8 GB of free memory for the generation, 10 GB for the runs.
# takes: about 6 minutes on a quiet 2-core machine with the pools present (10 at load 10-13); generating
# them adds about 10 minutes for the .npy files and 10-20 for the Parquet copy
set -euo pipefail
here=$(cd "$(dirname "$0")/../../../.." && pwd)
pools=${1:-$here/target/pools}
out=${2:-$here/target/bench/evidence-10m}
npy=$pools/p10m.npy
parquet=$pools/p10m.parquet
mkdir -p "$pools" "$out"
rm -f "$out"/*.json "$out/runs.jsonl"

big=$pools/p12m.npy
for pool in "$npy:10000000" "$big:12000000"; do
  if [ ! -f "${pool%%:*}" ]; then
    python3 "$here/al-spark/src/test/python/generate_pool.py" "${pool##*:}" 100 "${pool%%:*}.tmp.npy"
    mv "${pool%%:*}.tmp.npy" "${pool%%:*}"
  fi
done
if [ ! -f "$parquet/_SUCCESS" ]; then
  rm -rf "$parquet"
  spark_cp="$here/al-spark/target/test-classes:$here/al-spark/target/classes:$here/al-spark/target/lib/*"
  spark_cp+=":$here/al-spark/target/spark-home/jars/*"
  java -Xmx6g $(for p in java.lang java.nio java.util java.lang.invoke sun.nio.ch sun.util.calendar; do
    printf -- '--add-opens=java.base/%s=ALL-UNNAMED ' $p; done) -cp "$spark_cp" org.alkit.spark.PoolParquet \
    "$npy" "$parquet" 16
fi

measure=(python3 "$here/al-spark/src/test/python/measure.py")
select=("$here/alkit" select --strategy entropy --budget 10000)
spark=(--engine spark --spark-master 'local[2]')
run() { # LABEL HEAP OUT_NAME ARGS...: one measured run, its JSON line with select_ms added
  local label=$1 heap=$2 name=$3
  shift 3
  "${measure[@]}" "$label" -- env ALKIT_NO_BUILD=1 ALKIT_JAVA_OPTS="-Xmx$heap" "${select[@]}" "$@" \
    --out "$out/$name.json" | python3 -c '
import json, os, sys
line = json.loads(sys.stdin.read())
path = sys.argv[1]
line["select_ms"] = json.load(open(path))["timing"]["select_ms"] if line["rc"] == 0 and os.path.exists(path) else None
print(json.dumps(line))' "$out/$name.json" | tee -a "$out/runs.jsonl"
}

echo "# $(date -u +%FT%TZ) $(uptime)" >&2
lscpu | grep -E '^Model name|^CPU\(s\)' >&2 || true
for r in 1 2 3; do
  run "single npy" 6g "single-$r" --probs "$npy"
  run "spark npy" 6g "spark-npy-$r" --probs "$npy" "${spark[@]}"
  if [ "$r" -le 2 ]; then
    run "spark parquet" 6g "spark-parquet-$r" --parquet "$parquet" "${spark[@]}"
  fi
done
run "single 12m npy -Xmx450m" 450m "big-single-450m" --probs "$big"
run "spark 12m npy -Xmx450m" 450m "big-spark-npy-450m" --probs "$big" "${spark[@]}"
run "single 12m npy -Xmx6g" 6g "big-single-6g" --probs "$big"
# one task at a time: Spark's Parquet reader holds a task's row group (128 MB) whole, and two of them
# beside Spark's own share overflow a 450 MB heap (exit status 52, out of memory; 32 MB splits too)
run "spark parquet -Xmx450m" 450m "spark-parquet-450m" --parquet "$parquet" "${spark[@]}" \
  --spark-conf spark.task.cpus=2
echo "# $(date -u +%FT%TZ) $(uptime)" >&2

python3 - "$out" <<'PY'
import glob, json, statistics, sys
out = sys.argv[1]
runs = [json.loads(l) for l in open(out + "/runs.jsonl")]
for prefix in ["", "big-"]:  # the 10^7 runs, then the 1.2*10^7 ones: picks and scores alike
    docs = [json.load(open(f)) for f in sorted(glob.glob(out + "/*.json"))
            if f.rsplit("/", 1)[1].startswith("big-") == (prefix == "big-")]
    same = all((d["selected"], d["scores"]) == (docs[0]["selected"], docs[0]["scores"]) for d in docs)
    print(f"{'1.2*10^7' if prefix else '10^7'} pool: same picks and scores in every run: {same} ({len(docs)} runs)")
single = [r for r in runs if r["label"] == "single npy"]
def median(label, key):
    values = [r[key] for r in runs if r["label"] == label and r.get(key) is not None]
    return statistics.median(values) if values else None
print(f"{'run':24} {'n':>2} {'wall s':>8} {'select_ms':>10} {'peak RSS MiB':>13} {'wall / single':>14}")
for label in ["single npy", "spark npy", "spark parquet"]:
    mine = [r for r in runs if r["label"] == label]
    # each Spark run against the single-machine run of the same round (the one just before it)
    ratios = [m["wall_s"] / s["wall_s"] for m, s in zip(mine, single)]
    print(f"{label:24} {len(mine):>2} {median(label, 'wall_s'):>8.1f} {median(label, 'select_ms') or 0:>10.0f}"
          f" {median(label, 'peak_tree_mib'):>13.0f} {statistics.median(ratios):>13.2f}x")
for r in runs:
    if "-Xmx450m" in r["label"] or r["label"].startswith("single 12m"):
        print(f"{r['label']:24} rc={r['rc']} wall {r['wall_s']:.1f} s, peak RSS {r['peak_tree_mib']} MiB"
              + (f", select_ms {r['select_ms']}" if r.get("select_ms") else f": {r['last_stderr']}"))
PY
