#!/usr/bin/env python3
"""Usage: alignment_score.py STRATA MAKE_PAIRS [SEEDS] [--min RATIO]

Recall and precision of claim alignment per edit kind on generated pairs:
for each seed (default 30), `strata_make_pairs alignment` writes a Markdown
document of real sentences, a new version with labelled edits (a sentence
reworded, moved, split or merged, inserted or deleted; a sentence of a list
item reworded, an item turned into a paragraph of its sentences or cut down
to one reworded sentence; a date line changed; a section renamed), and the
truth: every link between an old claim and a new one (truth.tsv).
`strata diff --format json --all` is run on the pair and its claim changes
read as links: an unchanged, equivalent, modified or moved claim links its
two sides, a split its old claim to each new part, a merge each old part to
its new claim, an added or removed claim links to nothing.

- recall of a kind: its true links that strata reports;
- precision of a kind: of the links strata reports that touch a claim of
  that kind (on either side), those that are true.

Prints one Markdown table row per kind and a total, and on stderr a few
wrong and missed links of each kind. With --min, exits 1
when any kind's recall or precision is below RATIO."""
import collections
import json
import os
import subprocess
import sys
import tempfile

args = [a for a in sys.argv[1:]]
minimum = None
if "--min" in args:
    at = args.index("--min")
    minimum = float(args[at + 1])
    del args[at:at + 2]
strata, make_pairs = args[0], args[1]
seeds = int(args[2]) if len(args) > 2 else 30


def norm(text):
    return " ".join(text.split())


def reported_links(claims):
    links = set()
    for c in claims:
        olds = [p["text"] for p in c.get("old_parts") or ([c["old"]] if c["old"] else [])]
        news = [p["text"] for p in c.get("new_parts") or ([c["new"]] if c["new"] else [])]
        for o in olds or [""]:
            for n in news or [""]:
                links.add((norm(o), norm(n)))
    return links


truths = collections.Counter()
found = collections.Counter()
touching = collections.Counter()
right = collections.Counter()
wrong_examples = collections.defaultdict(list)
missed_examples = collections.defaultdict(list)

with tempfile.TemporaryDirectory() as tmp:
    for seed in range(1, seeds + 1):
        subprocess.run([make_pairs, "alignment", "0", tmp, str(seed)], check=True)
        truth = []
        for line in open(os.path.join(tmp, "truth.tsv"), encoding="utf-8"):
            kind, old, new = line.rstrip("\n").split("\t")
            truth.append((kind, norm(old), norm(new)))
        out = subprocess.run([strata, "diff", "--format", "json", "--all", "--no-classify",
                              os.path.join(tmp, "old.md"), os.path.join(tmp, "new.md")],
                             capture_output=True, text=True)
        if out.returncode not in (0, 1):
            sys.exit(f"seed {seed}: strata diff failed: {out.stderr}")
        reported = reported_links(json.loads(out.stdout)["claims"])
        true_links = {(old, new) for _, old, new in truth}
        kind_of_old = collections.defaultdict(set)
        kind_of_new = collections.defaultdict(set)
        for kind, old, new in truth:
            truths[kind] += 1
            found[kind] += (old, new) in reported
            if (old, new) not in reported and len(missed_examples[kind]) < 3:
                missed_examples[kind].append((seed, old[:70], new[:70]))
            if old:
                kind_of_old[old].add(kind)
            if new:
                kind_of_new[new].add(kind)
        for old, new in reported:
            for kind in kind_of_old.get(old, set()) | kind_of_new.get(new, set()):
                touching[kind] += 1
                if (old, new) in true_links:
                    right[kind] += 1
                elif len(wrong_examples[kind]) < 3:
                    wrong_examples[kind].append((seed, old[:70], new[:70]))


def ratio(a, b):
    return a / b if b else 1.0


print("| edit kind | true links | found | recall | reported links | right | precision |")
print("|---|---:|---:|---:|---:|---:|---:|")
short = []
for kind in sorted(truths):
    recall = ratio(found[kind], truths[kind])
    precision = ratio(right[kind], touching[kind])
    print(f"| {kind} | {truths[kind]} | {found[kind]} | {recall:.3f} | {touching[kind]} | {right[kind]} | {precision:.3f} |")
    if minimum is not None and (recall < minimum or precision < minimum):
        short.append(kind)
total_truth, total_found = sum(truths.values()), sum(found.values())
total_touch, total_right = sum(touching.values()), sum(right.values())
print(f"| all | {total_truth} | {total_found} | {ratio(total_found, total_truth):.3f} | {total_touch} | "
      f"{total_right} | {ratio(total_right, total_touch):.3f} |")
for kind, examples in sorted(wrong_examples.items()):
    for seed, old, new in examples:
        print(f"wrong {kind} (seed {seed}): {old!r} -> {new!r}", file=sys.stderr)
for kind, examples in sorted(missed_examples.items()):
    for seed, old, new in examples:
        print(f"missed {kind} (seed {seed}): {old!r} -> {new!r}", file=sys.stderr)
if short:
    sys.exit(f"below {minimum}: {', '.join(short)}")
