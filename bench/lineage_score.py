"""Recall and precision of `strata blame` origins on a generated history
whose truth is known (bench/store_series.py with a truth file): every
sentence of the last version with the version it first appeared in, through
one-word edits, moves, section renames and, with `flicker`, absences (two
sections leave every other version and return, one of their sentences
reworded while away every 50 versions).

Usage: lineage_score.py STRATA N [flicker]

The sentences are the bundled snapshots' (406 distinct ones), so that, as in
a real document, two sentences of the history are rarely rewordings of each
other; the one-word edits are drawn from a small vocabulary.

Kinds: `returned` (sentences of the sections that come and go), `other`.
- recall of a kind: its sentences whose blame origin is the true one;
- precision of a kind: of its sentences that blame dates before the last
  version, those dated right.
Prints one Markdown table row per kind and a total; exits 1 below 0.95.
"""
import json
import pathlib
import re
import subprocess
import sys
import tempfile

strata, n = sys.argv[1], int(sys.argv[2])
mode = sys.argv[3] if len(sys.argv) > 3 else "plain"
here = pathlib.Path(__file__).resolve().parent
with tempfile.TemporaryDirectory() as work:
    versions, truth_path, store = f"{work}/versions", f"{work}/truth.json", f"{work}/store"
    text = "".join(p.read_text() for p in sorted((here.parent / "snapshots").glob("*.txt")))
    pool = sorted({" ".join(s.split()) for s in re.split(r"(?<=[.!?])\s+", text)
                   if 40 < len(s.strip()) < 300 and s.strip()[0].isupper() and s.strip().endswith(".")})
    pathlib.Path(f"{work}/pool.txt").write_text("".join(s + "\n" for s in pool))
    subprocess.run([sys.executable, str(here / "store_series.py"), str(n), versions, mode, truth_path,
                    f"{work}/pool.txt"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([strata, "init", "--store", store], check=True, stdout=subprocess.DEVNULL)
    for f in sorted(pathlib.Path(versions).glob("*.txt")):
        vid, date = f.stem.split("_")
        subprocess.run([strata, "import", "--no-sync", "--store", store, "--id", vid, "--date", date, str(f)],
                       check=True, stdout=subprocess.DEVNULL)
    out = subprocess.run([strata, "blame", "--store", store, "--format", "json", "HEAD"], check=True,
                         capture_output=True, text=True).stdout
    truth = json.load(open(truth_path))

last = f"v{n - 1:04d}"
rows = {}
unscored = 0
for claim in json.loads(out)["claims"]:
    if claim["text"] not in truth:
        unscored += 1
        continue
    born, section = truth[claim["text"]]
    kind = "returned" if mode == "flicker" and section in (3, 4) else "other"
    r = rows.setdefault(kind, {"n": 0, "right": 0, "dated": 0, "dated_right": 0})
    right = claim["origin"] == f"v{born:04d}"
    if not right and len(sys.argv) > 4:
        print(f"{kind}: true v{born:04d}, blamed {claim['origin']}: {claim['text'][:70]}", file=sys.stderr)
    r["n"] += 1
    r["right"] += right
    if claim["origin"] != last:
        r["dated"] += 1
        r["dated_right"] += right
total = {k: sum(r[k] for r in rows.values()) for k in ("n", "right", "dated", "dated_right")}
print("| kind | sentences | recall | precision |")
print("|---|---:|---:|---:|")
worst = 1.0
for kind, r in sorted(rows.items()) + [("total", total)]:
    recall = r["right"] / r["n"] if r["n"] else 1.0
    precision = r["dated_right"] / r["dated"] if r["dated"] else 1.0
    worst = min(worst, recall, precision)
    print(f"| {kind} | {r['n']} | {recall:.3f} | {precision:.3f} |")
if unscored:
    print(f"({unscored} blamed claims not found verbatim in the truth)", file=sys.stderr)
sys.exit(0 if worst >= 0.95 else 1)
