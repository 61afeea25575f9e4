#!/usr/bin/env python3
"""Usage: classify_share.py BUILD_DIR [RUNS]

What the classify stage adds to `strata diff --format json`: the same
command with and without --no-classify, run alternately RUNS times (default
20; 5 for the 10 MB pair) on the bundled 2023 -> 2024 pair and on generated
pairs (bench/make_pairs.cpp). Prints one Markdown table row per pair: the
median and the least wall time and CPU time (all threads, user + system) of
each, and what classify adds as a share of the command without it.
Alternating the two spreads the machine's drift over both columns."""
import os
import statistics
import subprocess
import sys
import tempfile
import time

build = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
strata = os.path.join(build, "strata")
make_pairs = os.path.join(build, "bench", "strata_make_pairs")
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def once(args):
    """Wall and CPU milliseconds of one run of strata with `args`."""
    start = time.perf_counter()
    proc = subprocess.Popen([strata] + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = (time.perf_counter() - start) * 1000
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"classify_share.py: strata {' '.join(args)} failed")
    return wall, (usage.ru_utime + usage.ru_stime) * 1000


def measure(old, new, n):
    bare, full = {"wall": [], "cpu": []}, {"wall": [], "cpu": []}
    for _ in range(n):
        for extra, into in (([" --no-classify"], bare), ([], full)):
            wall, cpu = once(["diff", "--format", "json"] + [e.strip() for e in extra] + [old, new])
            into["wall"].append(wall)
            into["cpu"].append(cpu)
    return bare, full


def row(name, size, bare, full):
    cells = [name, f"{size:,}"]
    for key in ("wall", "cpu"):
        b_med, f_med = statistics.median(bare[key]), statistics.median(full[key])
        b_min, f_min = min(bare[key]), min(full[key])
        cells += [f"{b_med:.1f} / {f_med:.1f}", f"{100 * (f_med / b_med - 1):.0f}% ({100 * (f_min / b_min - 1):.0f}%)"]
    return "| " + " | ".join(cells) + " |"


print("| pair | bytes | wall ms, without / with | wall extra, median (least) | CPU ms, without / with | CPU extra, median (least) |")
print("|---|---:|---:|---:|---:|---:|")
seeds = os.path.join(root, "snapshots")
old = os.path.join(seeds, "2023_page_relations-with-ukraine.txt")
new = os.path.join(seeds, "2024-07-02_page_natos-response-to-russias-invasion.txt")
print(row("seeds 2023 -> 2024", os.path.getsize(old), *measure(old, new, runs)), flush=True)
with tempfile.TemporaryDirectory() as work:
    for kind, size, n in (("realistic", 1_000_000, runs), ("unrelated", 1_000_000, max(5, runs // 4)),
                          ("realistic", 10_000_000, max(3, runs // 4))):
        pair = os.path.join(work, f"{kind}-{size}")
        os.makedirs(pair)
        subprocess.run([make_pairs, kind, str(size), pair], check=True, stdout=subprocess.DEVNULL)
        old, new = os.path.join(pair, "old.txt"), os.path.join(pair, "new.txt")
        print(row(f"{kind} {size // 1_000_000} MB", os.path.getsize(old), *measure(old, new, n)), flush=True)
