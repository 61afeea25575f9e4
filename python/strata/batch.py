"""Corpus-scale comparisons on a Dask cluster.

    python -m strata.batch CORPUS... --out DIR [--scheduler ADDRESS | --workers N]

A corpus is a directory tree (every folder that holds .txt, .md or .markdown
files is one document; its files, in name order, are its versions), a
strata manifest (.toml: the series it lists), a manifest list (any other
file: one version path a line, or DOCUMENT<TAB>PATH; blank lines and lines
starting with '#' are skipped) or a file in a git repository's history
(git:REPO:PATH). Every requested comparison (each version with the next, or
each with the first) runs on a dask.distributed cluster, a LocalCluster by
default. Each writes one report, the bytes of `strata diff --format json`,
and one line of DIR/index.jsonl. A comparison whose report and index line
exist is not run again, so an interrupted run resumes where it stopped.
docs/scale.md describes the runner and its measurements.
"""

import argparse
import dataclasses
import json
import logging
import os
import pathlib
import re
import sys
import time
import tomllib
from typing import Dict, Iterable, List, Optional, Sequence

import strata

VERSION_SUFFIXES = (".txt", ".md", ".markdown")
INDEX = "index.jsonl"
# Comparisons of one document per task: a task loads each version it needs
# once, so consecutive pairs share their loads; 16 keeps a task well above
# Dask's per-task overhead (about a millisecond) while still spreading a
# document of a few dozen versions over several workers.
DEFAULT_CHUNK = 16


@dataclasses.dataclass(frozen=True)
class Version:
    name: str  # file-name-safe, unique in its document
    label: str  # how reports name it: the path as given, or REPO:PATH@DATE
    path: Optional[str] = None  # read by the worker, which must see the same file system
    data: Optional[bytes] = None  # shipped to the worker (git history)


@dataclasses.dataclass(frozen=True)
class Document:
    name: str
    versions: List[Version]


@dataclasses.dataclass(frozen=True)
class Options:
    """The `strata diff` flags the reports are made with."""

    all: bool = False
    classify: bool = True
    programmes: Optional[str] = None
    rules: Optional[str] = None
    format: str = "auto"


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("_") or "_"


def read_corpus(spec: str) -> List[Document]:
    """The documents of one corpus argument, in a stable order."""
    if spec.startswith("git:"):
        repo, _, path = spec[4:].rpartition(":")
        if not repo or not path:
            raise strata.InvalidArgumentError(f"{spec}: expected git:REPO:PATH")
        snaps = strata.git_history(repo, path)
        versions = [
            Version(f"{i:05d}_{_safe(s.date)}", f"{repo}:{path}@{s.date}", data=s.bytes) for i, s in enumerate(snaps)
        ]
        return [Document(_safe(f"{pathlib.Path(repo).name}/{path}"), versions)]
    if os.path.isdir(spec):
        docs = []
        for folder, subdirs, files in os.walk(spec):
            subdirs.sort()
            names = sorted(f for f in files if f.endswith(VERSION_SUFFIXES))
            if names:
                rel = os.path.relpath(folder, spec)
                doc = _safe(pathlib.Path(spec).name if rel == "." else rel)
                docs.append(Document(doc, [Version(_safe(n), os.path.join(folder, n), os.path.join(folder, n)) for n in names]))
        return docs
    if not os.path.isfile(spec):
        raise strata.NotFoundError(f"{spec}: no such corpus (a directory, a manifest, a list or git:REPO:PATH)")
    if spec.endswith(".toml"):
        manifest = tomllib.loads(pathlib.Path(spec).read_text())
        base = os.path.dirname(spec)
        series = sorted((e for e in manifest.get("snapshot", []) if "series" in e), key=lambda e: e["series"])
        versions = [Version(_safe(e["id"]), os.path.join(base, e["file"]), os.path.join(base, e["file"])) for e in series]
        return [Document(_safe(pathlib.Path(spec).stem), versions)]
    grouped: Dict[str, List[Version]] = {}
    for line in pathlib.Path(spec).read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        doc, tab, path = line.partition("\t")
        if not tab:
            doc, path = os.path.dirname(line) or ".", line
        versions = grouped.setdefault(_safe(doc), [])
        versions.append(Version(f"{len(versions):05d}_{_safe(os.path.basename(path))}", path, path))
    return [Document(name, versions) for name, versions in grouped.items()]


@dataclasses.dataclass(frozen=True)
class Comparison:
    document: str
    old: Version
    new: Version

    @property
    def report(self) -> str:
        """The report's path, relative to the output folder."""
        return f"{self.document}/{self.old.name}..{self.new.name}.json"


def plan(documents: Iterable[Document], pairs: str = "consecutive") -> List[Comparison]:
    """Every requested comparison: each version with the next ("consecutive")
    or with the document's first ("first")."""
    out = []
    for doc in documents:
        v = doc.versions
        if pairs == "consecutive":
            out += [Comparison(doc.name, a, b) for a, b in zip(v, v[1:])]
        elif pairs == "first":
            out += [Comparison(doc.name, v[0], b) for b in v[1:]]
        else:
            raise strata.InvalidArgumentError(f"pairs: expected consecutive or first, not '{pairs}'")
    return out


def run_chunk(chunk: Sequence[Comparison], options: Options) -> List[dict]:
    """Runs on a worker: the comparisons of one task, each version loaded once.
    Returns one index record per comparison, with the report's text under
    "json" (or the error's message under "error")."""
    loaded: Dict[Version, object] = {}

    def load(v: Version):
        if v not in loaded:
            source = v.data if v.data is not None else v.path
            loaded[v] = strata.load(source, format=options.format, name=v.label, rules=options.rules)
        return loaded[v]

    results = []
    for c in chunk:
        record = {"document": c.document, "old": c.old.label, "new": c.new.label, "report": c.report}
        try:
            changes = strata.compare(
                load(c.old), load(c.new), all=options.all, classify=options.classify, programmes=options.programmes
            )
            record.update(exit=changes.exit_code, claims=changes.claim_counts(), json=changes.to_json())
        except strata.StrataError as error:
            record.update(exit=2, error=str(error))
        results.append(record)
    return results


def _write_atomic(path: pathlib.Path, text: str) -> None:
    # A temporary file renamed over the target: an interrupted run leaves the
    # old report or the new one, never part of one, so "the file exists"
    # means "the comparison finished".
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _finished(out: pathlib.Path) -> Dict[str, dict]:
    """Index records of earlier runs whose report is on disk, by report path.
    A line cut short by an interruption is ignored, and so is its comparison."""
    done: Dict[str, dict] = {}
    index = out / INDEX
    if not index.exists():
        return done
    for line in index.read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if "error" not in record and (out / record["report"]).exists():
            done[record["report"]] = record
    return done


@dataclasses.dataclass
class Summary:
    total: int = 0
    skipped: int = 0  # finished by an earlier run
    computed: int = 0
    errors: int = 0
    seconds: float = 0.0  # from the first task sent to the index written


class _Progress:
    """One line on stderr: done / total, rate, errors; redrawn in place on a
    terminal, printed every few seconds otherwise."""

    INTERVAL = 2.0  # seconds between lines when not on a terminal

    def __init__(self, summary: Summary, quiet: bool):
        self.summary, self.quiet = summary, quiet
        self.start = self.last = time.monotonic()
        self.tty = sys.stderr.isatty()

    def update(self, final: bool = False) -> None:
        now = time.monotonic()
        if self.quiet or (not final and not self.tty and now - self.last < self.INTERVAL):
            return
        self.last = now
        s = self.summary
        rate = s.computed / max(now - self.start, 1e-9)
        line = (
            f"strata.batch: {s.skipped + s.computed}/{s.total} comparisons"
            f" ({s.skipped} already done, {s.errors} errors), {rate:.1f}/s"
        )
        end = "\n" if final or not self.tty else ""
        print(("\r" if self.tty else "") + line, end=end, file=sys.stderr, flush=True)


def run(
    corpora: Sequence[str],
    out: str,
    *,
    pairs: str = "consecutive",
    options: Options = Options(),
    scheduler: Optional[str] = None,
    workers: int = 2,
    threads_per_worker: int = 1,
    chunk: int = DEFAULT_CHUNK,
    quiet: bool = False,
) -> Summary:
    """Runs every requested comparison of `corpora` on a Dask cluster (the
    one at `scheduler`, or a LocalCluster of `workers` processes) and writes
    the reports and DIR/index.jsonl under `out`. Resumes: comparisons whose
    report and index line exist are skipped."""
    from dask.distributed import Client, LocalCluster, as_completed

    documents = [d for spec in corpora for d in read_corpus(spec)]
    names = [d.name for d in documents]
    if len(set(names)) != len(names):
        raise strata.InvalidArgumentError("two documents of the corpora have the same name: " + ", ".join(sorted(names)))
    todo = plan(documents, pairs)
    outdir = pathlib.Path(out)
    outdir.mkdir(parents=True, exist_ok=True)
    done = _finished(outdir)
    summary = Summary(total=len(todo), skipped=sum(1 for c in todo if c.report in done))
    pending = [c for c in todo if c.report not in done]
    chunks = []
    for c in pending:
        if chunks and len(chunks[-1]) < chunk and chunks[-1][-1].document == c.document:
            chunks[-1].append(c)
        else:
            chunks.append([c])

    records = dict(done)
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=threads_per_worker, processes=True,
            dashboard_address=None, silence_logs=logging.ERROR,
        )
    try:
        with Client(cluster if cluster is not None else scheduler) as client, open(
            outdir / INDEX, "a", encoding="utf-8"
        ) as index:
            # Timed from here: the cluster is up, so the rate is the comparisons'.
            started = time.monotonic()
            progress = _Progress(summary, quiet)
            futures = [client.submit(run_chunk, c, options, pure=False) for c in chunks]
            for future in as_completed(futures):
                for record in future.result():
                    text = record.pop("json", None)
                    if text is not None:
                        _write_atomic(outdir / record["report"], text)
                    else:
                        summary.errors += 1
                    # The report is on disk before its index line: a line
                    # always means a finished report.
                    index.write(json.dumps(record, ensure_ascii=False) + "\n")
                    index.flush()
                    records[record["report"]] = record
                    summary.computed += 1
                progress.update()
    finally:
        if cluster is not None:
            cluster.close()
    # The index in plan order, one line per comparison, written once the run
    # is complete (appended to, line by line, while it runs).
    order = {c.report: i for i, c in enumerate(todo)}
    lines = [json.dumps(records[r], ensure_ascii=False) + "\n" for r in sorted(records, key=lambda r: order.get(r, len(order)))]
    _write_atomic(outdir / INDEX, "".join(lines))
    summary.seconds = time.monotonic() - started
    progress.update(final=True)
    return summary


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m strata.batch", description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="+", metavar="CORPUS", help="directory, manifest (.toml), list file or git:REPO:PATH")
    parser.add_argument("--out", required=True, help="folder for the reports and index.jsonl")
    parser.add_argument("--pairs", choices=["consecutive", "first"], default="consecutive",
                        help="each version with the next (default) or with the first")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler (default: a LocalCluster)")
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes (default 2)")
    parser.add_argument("--threads-per-worker", type=int, default=1, help="threads per LocalCluster worker (default 1)")
    parser.add_argument("--chunk", type=int, default=DEFAULT_CHUNK, help=f"comparisons per task (default {DEFAULT_CHUNK})")
    parser.add_argument("--all", action="store_true", help="as strata diff --all")
    parser.add_argument("--no-classify", action="store_true", help="as strata diff --no-classify")
    parser.add_argument("--programmes", help="programme file, as strata diff --programmes")
    parser.add_argument("--rules", help="boilerplate rules file, as strata diff --rules")
    parser.add_argument("--input-format", default="auto", help="auto, text or markdown")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    args = parser.parse_args(argv)
    options = Options(args.all, not args.no_classify, args.programmes, args.rules, args.input_format)
    try:
        summary = run(
            args.corpora, args.out, pairs=args.pairs, options=options, scheduler=args.scheduler,
            workers=args.workers, threads_per_worker=args.threads_per_worker, chunk=max(args.chunk, 1),
            quiet=args.quiet,
        )
    except strata.StrataError as error:
        print(f"strata: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nstrata.batch: interrupted; the same command resumes", file=sys.stderr)
        return 130
    return 2 if summary.errors else 0


if __name__ == "__main__":
    # Run through the imported module, not __main__, so that the functions
    # sent to workers are pickled by reference to strata.batch.
    from strata import batch as _batch

    sys.exit(_batch.main())
