"""A corpus of many versions made from the bundled snapshots by deterministic
edits, for the batch runner's test and its benchmark (bench/batch_throughput.py)."""

import pathlib
import random

DOCUMENTS = 5
VERSIONS = 41  # per document: 205 versions, 200 consecutive comparisons


def edit(lines, rng):
    """One edit, as a page changes between captures: a word replaced, a line
    dropped, a line moved, or a figure added."""
    candidates = [i for i, line in enumerate(lines) if i > 0 and len(line.split()) > 3]
    i = rng.choice(candidates)
    kind = rng.randrange(4)
    words = lines[i].split(" ")
    if kind == 0:
        donor = lines[rng.choice(candidates)].split(" ")
        words[rng.randrange(len(words))] = rng.choice(donor)
        lines[i] = " ".join(words)
    elif kind == 1 and len(candidates) > 20:
        del lines[i]
    elif kind == 2:
        line = lines.pop(i)
        lines.insert(rng.randrange(1, len(lines)), line)
    else:
        lines[i] = lines[i].rstrip(".") + f", {rng.randrange(2, 99)} per cent more in {rng.randrange(1990, 2030)}."


def make_corpus(root: pathlib.Path, repo: pathlib.Path, documents: int = DOCUMENTS, versions: int = VERSIONS) -> int:
    """Writes root/docN/vKKK.txt, each version one edit after the previous,
    the documents starting from the bundled snapshots in turn; returns the
    number of versions. The same arguments give the same bytes."""
    bases = sorted((repo / "snapshots").glob("*.txt"))
    count = 0
    for d in range(documents):
        rng = random.Random(d)
        lines = bases[d % len(bases)].read_text(encoding="utf-8").splitlines()
        folder = root / f"doc{d}"
        folder.mkdir(parents=True)
        for k in range(versions):
            if k:
                edit(lines, rng)
            (folder / f"v{k:03d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
            count += 1
    return count
