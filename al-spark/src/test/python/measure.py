"""Runs one command and reports its wall time and the peak resident memory of its process tree.

    python3 al-spark/src/test/python/measure.py LABEL -- COMMAND...

Prints one JSON line: the label, the exit status, wall seconds, the peak of the tree's summed RSS
and each process's own peak (MiB), sampled from /proc every 50 ms, executors in processes of their
own (local-cluster) included. Used for the figures of docs/spark.md ("Evidence").
"""
import json
import os
import subprocess
import sys
import time


def children():
    """Parent of every process, from /proc/PID/stat."""
    parent = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                parent[int(name)] = int(fields[1])
            except OSError:
                pass
    return parent


def rss_mib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def role(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            args = f.read().split(b"\0")
    except OSError:
        return "?"
    text = [a.decode(errors="replace") for a in args]
    for a in text:
        if a.startswith("org.apache.spark.") or a == "org.alkit.cli.Alkit":
            return a.rsplit(".", 1)[-1]
    return os.path.basename(text[0]) if text and text[0] else "?"


def main():
    label = sys.argv[1]
    command = sys.argv[sys.argv.index("--") + 1:]
    start = time.monotonic()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_total, peaks, roles = 0.0, {}, {}
    while proc.poll() is None:
        parent = children()
        tree, frontier = {proc.pid}, [proc.pid]
        while frontier:
            p = frontier.pop()
            for c, pp in parent.items():
                if pp == p and c not in tree:
                    tree.add(c)
                    frontier.append(c)
        total = 0.0
        for p in tree:
            r = rss_mib(p)
            total += r
            if r > peaks.get(p, 0):
                peaks[p] = r
                roles[p] = role(p)
        peak_total = max(peak_total, total)
        time.sleep(0.05)
    wall = time.monotonic() - start
    err = proc.stderr.read().decode(errors="replace").strip().splitlines()
    print(json.dumps({"label": label, "rc": proc.returncode, "wall_s": round(wall, 2),
                      "peak_tree_mib": round(peak_total),
                      "peaks_mib": sorted(([roles[p], round(v)] for p, v in peaks.items() if v > 20),
                                          key=lambda x: -x[1]),
                      "last_stderr": err[-1][:200] if err else ""}), flush=True)


if __name__ == "__main__":
    main()
