#!/usr/bin/env python3
"""Usage: batch_throughput.py BUILD_DIR [DOCUMENTS VERSIONS]

Throughput of `strata.batch` on a LocalCluster: the synthetic corpus of the
batch test (python/tests/synthetic_corpus.py; default 5 documents x 41
versions, 200 consecutive comparisons) run with 1 and then 2 worker
processes of one thread, each into a fresh folder. Prints one Markdown table
row per run: workers, comparisons, seconds (from the first task sent to the
index written; the cluster's start-up is not counted), comparisons per
second, and per second per worker. Also times the same comparisons in one
process without Dask, the floor a worker's share is measured against.
Prints the load average first: 1 against 2 workers shows scaling only on
idle cores, so a run under load measures overhead, not scaling."""
import os
import pathlib
import sys
import tempfile
import time

build = pathlib.Path(sys.argv[1]).resolve()
documents = int(sys.argv[2]) if len(sys.argv) > 2 else None
versions = int(sys.argv[3]) if len(sys.argv) > 3 else None
root = pathlib.Path(__file__).resolve().parent.parent
sys.path[:0] = [str(build / "python"), str(root / "python" / "tests")]
# Spawned workers find the package the way this process did.
os.environ["PYTHONPATH"] = os.pathsep.join([str(build / "python"), os.environ.get("PYTHONPATH", "")])

import strata  # noqa: E402
from strata import batch  # noqa: E402
from synthetic_corpus import DOCUMENTS, VERSIONS, make_corpus  # noqa: E402

if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        corpus = pathlib.Path(tmp) / "corpus"
        make_corpus(corpus, root, documents or DOCUMENTS, versions or VERSIONS)
        comparisons = batch.plan(batch.read_corpus(str(corpus)))
        start = time.monotonic()
        for c in comparisons:
            strata.compare(c.old.path, c.new.path).to_json()
        alone = time.monotonic() - start
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print("| workers | comparisons | seconds | comparisons/s | per worker |")
        print("|---|---|---|---|---|")
        print(f"| none (one process, no Dask) | {len(comparisons)} | {alone:.1f} | {len(comparisons) / alone:.1f} | — |")
        for workers in (1, 2):
            summary = batch.run([str(corpus)], str(pathlib.Path(tmp) / f"out{workers}"), workers=workers, quiet=True)
            rate = summary.computed / summary.seconds
            print(f"| {workers} | {summary.computed} | {summary.seconds:.1f} | {rate:.1f} | {rate / workers:.1f} |")
