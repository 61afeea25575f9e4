#!/usr/bin/env python3
"""Usage: programme_renames.py BUILD_DIR [SEEDS]

Recall and precision of programme renames on generated pairs: for each
seed (default 20), `strata_make_pairs programmes` writes the 2023 snapshot,
a version of it where some programmes were renamed, merged, split or
respelt, and the truth (truth.tsv). `strata diff --format json` is run on
the pair and its programme changes scored:

- a true change is found when the diff pairs its old and new names as
  renamed, merged or split, or lists the new name as added with a
  succession statement that names the old one (both still named);
- every renamed, merged or split pair the diff reports that is not in the
  truth is a false one, and so is a respelt name ("variant") reported
  as anything but kept.

Prints one Markdown table row per kind of change and a total."""
import collections
import json
import os
import subprocess
import sys
import tempfile

build = sys.argv[1]
seeds = int(sys.argv[2]) if len(sys.argv) > 2 else 20
strata = os.path.join(build, "strata")
make_pairs = os.path.join(build, "bench", "strata_make_pairs")

PAIRED = {"renamed", "merged", "split"}
truths = collections.Counter()
found = collections.Counter()
reported = 0
false = []

with tempfile.TemporaryDirectory() as tmp:
    for seed in range(1, seeds + 1):
        subprocess.run([make_pairs, "programmes", "0", tmp, str(seed)], check=True)
        truth = [line.rstrip("\n").split("\t") for line in open(os.path.join(tmp, "truth.tsv"), encoding="utf-8")]
        out = subprocess.run([strata, "diff", "--format", "json", os.path.join(tmp, "old.txt"),
                              os.path.join(tmp, "new.txt")], capture_output=True, text=True)
        if out.returncode not in (0, 1):
            sys.exit(f"seed {seed}: strata diff failed: {out.stderr}")
        changes = json.loads(out.stdout)["programmes"]
        pairs = {(c["old"]["name"], c["new"]["name"]) for c in changes if c["status"] in PAIRED}
        reported += len(pairs)
        expected = {(old, new) for kind, old, new in truth if kind != "variant"}
        for kind, old, new in truth:
            truths[kind] += 1
            if kind == "variant":
                touched = [c for c in changes if c["status"] != "unchanged" and
                           old in (c["old"] or {}).get("name", "") + (c["new"] or {}).get("name", "")]
                if touched:
                    false.append((seed, kind, old, new))
                    reported += 1
                else:
                    found[kind] += 1
                continue
            announced = any(c["status"] == "added" and c["new"]["name"] == new and
                            any(old in e for e in c["evidence"]) for c in changes)
            if (old, new) in pairs or announced:
                found[kind] += 1
        false.extend((seed, "unexpected", old, new) for old, new in pairs - expected)

print("| kind | changes | found | recall |")
print("|---|---:|---:|---:|")
for kind in sorted(truths):
    print(f"| {kind} | {truths[kind]} | {found[kind]} | {found[kind] / truths[kind]:.2f} |")
renames = sum(v for k, v in truths.items() if k != "variant")
hits = sum(v for k, v in found.items() if k != "variant")
print(f"| all but variants | {renames} | {hits} | {hits / renames:.2f} |")
true_reports = reported - len(false)
print(f"\nreported renames, merges and splits: {reported}; false: {len(false)}; "
      f"precision {true_reports / reported if reported else 1:.3f}")
for f in false:
    print("false:", *f)
