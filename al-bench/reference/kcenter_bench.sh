#!/usr/bin/env bash
# Cold `alkit select --strategy coreset --budget 1000` against kcenter_torch.py (PyTorch, one
# matrix-vector product per pick, 2 threads) on the same files, interleaved, RUNS times each
# (issue 25, item 2). Usage, from the repository root after `./mvnw -q install -DskipTests`:
#   al-bench/reference/kcenter_bench.sh DIR [RUNS [DATA…]]   (DATA: "fashion gaussian" by default)
# DIR is created by `python3 al-bench/reference/kcenter_torch.py prepare DIR`; the torch side runs
# on /usr/bin/python3 (Debian python3-torch), on the BLAS in TORCH_BLAS_DIR when set (e.g. the
# openblas-pthread folder of Debian's libopenblas0-pthread, see train_bench.sh). Prints one line a run (select_ms of each side, the
# load average, whether the picks are identical) and the medians.
set -euo pipefail
dir=$1
runs=${2:-5}
here=$(dirname "$0")
# shellcheck source=al-bench/reference/bench-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
for data in ${3:-fashion gaussian}; do
  : > "$dir/$data.alkit"
  : > "$dir/$data.torch"
  for _ in $(seq "$runs"); do
    ALKIT_NO_BUILD=1 ./alkit select --strategy coreset --budget 1000 --embeddings "$dir/$data.npy" \
      --labeled "$dir/labeled.npy" --out "$dir/$data-alkit.json" > /dev/null
    LD_LIBRARY_PATH="${TORCH_BLAS_DIR:-}${TORCH_BLAS_DIR:+:}${LD_LIBRARY_PATH:-}" \
      /usr/bin/python3 "$here/kcenter_torch.py" select "$dir/$data.npy" "$dir/labeled.npy" 1000 2 \
      > "$dir/$data-torch.json"
    python3 - "$dir/$data-alkit.json" "$dir/$data-torch.json" "$dir/$data" <<'PY'
import json, os, sys
a, t = (json.load(open(p)) for p in sys.argv[1:3])
same = a["selected"] == t["picks"]
with open(sys.argv[3] + ".alkit", "a") as f:
    print(a["timing"]["select_ms"], file=f)
with open(sys.argv[3] + ".torch", "a") as f:
    print(t["timing"]["select_ms"], file=f)
print(f'{os.path.basename(sys.argv[3])}: alkit select_ms {a["timing"]["select_ms"]:.0f}, torch {t["timing"]["select_ms"]:.0f}, '
      f'ratio {t["timing"]["select_ms"] / a["timing"]["select_ms"]:.1f}, picks identical: {same}, load {os.getloadavg()[0]:.1f}')
PY
  done
  echo "$data median select_ms: alkit $(median < "$dir/$data.alkit"), torch $(median < "$dir/$data.torch")"
done
