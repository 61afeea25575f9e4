#!/usr/bin/env python3
"""Usage: store_series.py N OUTDIR [flicker|plain] [TRUTH_JSON [SENTENCES]]

Generate an evolving series of N versions of a ~100 KB plain-text document:
small edits, moves and renames between versions. Deterministic (seeded).
With `flicker`, every other version also leaves out two sections (as
captures of one page flip between a long and a short rendering), so their
claims vanish and return N/2 times, and one of them is reworded while away
every 50 versions: the history-wide search for returning claims at its
worst. With TRUTH_JSON, also writes where each sentence of the last version
comes from: {text: [version it was first shown in, section index]}, edits,
moves and absences included (bench/lineage_score.py scores blame on it).
With SENTENCES (a file of real sentences, one a line), sentences are drawn
from it instead of from a 40-word vocabulary, whose sentences share so many
words that any two look like rewordings of each other, and the document is
smaller (12 sections, about 25 KB) so that the sentences last."""
import datetime
import json
import os
import random
import sys

n = int(sys.argv[1]); out = sys.argv[2]
flicker = len(sys.argv) > 3 and sys.argv[3] == "flicker"
truth = sys.argv[4] if len(sys.argv) > 4 else None
pool = open(sys.argv[5]).read().split("\n")[:-1] if len(sys.argv) > 5 else None
now = 0  # the version being made: a sentence is [text, version made in, version first shown in]
rng = random.Random(42)
words = ("alliance partnership support security defence reform cooperation programme council assistance "
         "capability training exercise mission trust fund package summit declaration commission ukraine nato "
         "member states annual national plan strategic dialogue review building integrity logistics cyber "
         "medical rehabilitation energy science peace demining").split()
def sentence():
    if pool:
        return [pool.pop(rng.randrange(len(pool))), now, None]
    w = [rng.choice(words) for _ in range(rng.randint(8, 22))]
    return [w[0].capitalize() + " " + " ".join(w[1:]) + ".", now, None]
def reword(s):  # one word replaced; the sentence keeps its origin
    w = s[0][:-1].split(); w[rng.randrange(len(w))] = rng.choice(words); s[0] = " ".join(w) + "."
sections = []
for i in range(12 if pool is not None else 28):
    paras = [[sentence() for _ in range(rng.randint(3, 6))] for _ in range(rng.randint(2, 5))]
    sections.append([f"Section {i} {rng.choice(words).title()}", paras])
def render(short=False, shown=None):  # shown: the version rendered, marked in its sentences
    lines = ["Evolving document", ""]
    for index, (title, paras) in enumerate(sections):
        if short and index in (3, 4):
            continue
        lines += [title, ""]
        for p in paras:
            for s in p:
                if shown is not None and s[2] is None:
                    s[2] = shown
            lines += [" ".join(s[0] for s in p), ""]
    return "\n".join(lines) + "\n"
# grow to ~100 KB
while len(render().encode()) < (25_000 if pool is not None else 100_000):
    rng.choice(sections)[1].append([sentence() for _ in range(4)])
os.makedirs(out, exist_ok=True)
for v in range(n):
    now = v
    if v:
        for _ in range(rng.randint(1, 4)):
            r = rng.random()
            sec = rng.choice(sections)
            p = rng.choice(sec[1])
            k = rng.randrange(len(p))
            if r < 0.5:   # edit a word
                reword(p[k])
            elif r < 0.7: # add a sentence
                p.insert(k, sentence())
            elif r < 0.8 and len(p) > 1: # remove
                p.pop(k)
            elif r < 0.9: # move a sentence to another section
                s = p.pop(k) if len(p) > 1 else sentence()
                rng.choice(rng.choice(sections)[1]).append(s)
            else:         # rename a section
                sec[0] = sec[0].rsplit(" ", 1)[0] + " " + rng.choice(words).title()
    if flicker and v % 50 == 1:  # reworded while away: one word of section 3
        p = rng.choice(sections[3][1]); k = rng.randrange(len(p))
        reword(p[k])
    date = (datetime.date(2000, 1, 1) + datetime.timedelta(days=v)).isoformat()
    with open(f"{out}/v{v:04d}_{date}.txt", "w") as f:
        f.write(render(short=flicker and v % 2 == 1, shown=v))
if truth:
    short = flicker and (n - 1) % 2 == 1
    with open(truth, "w") as f:
        json.dump({s[0]: [s[2], i] for i, (_, paras) in enumerate(sections) if not (short and i in (3, 4))
                   for p in paras for s in p}, f)
print(len(render().encode()))
