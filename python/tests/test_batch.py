"""python -m strata.batch on a LocalCluster of two worker processes: a corpus
of 205 versions made from the bundled snapshots, reports equal to the CLI's
byte for byte, an interrupted run resumed, and the other kinds of corpus."""

import errno
import json
import os
import pathlib
import signal
import subprocess
import sys
import time

import pytest

import strata
from synthetic_corpus import DOCUMENTS, VERSIONS, make_corpus

distributed = pytest.importorskip("dask.distributed")
from strata import batch  # noqa: E402  (needs dask, checked above)

INTERRUPT_AFTER = 40  # index lines written before the first run is interrupted


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, repo):
    root = tmp_path_factory.mktemp("corpus") / "pages"
    assert make_corpus(root, repo) >= 200
    return root


@pytest.fixture(scope="module")
def cluster():
    """One LocalCluster of two worker processes, reached by its address as a
    remote cluster would be."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        yield c


def cli_report(cli, old, new, *flags):
    done = subprocess.run([cli, "diff", old, new, "--format", "json", *flags], capture_output=True)
    assert done.returncode in (0, 1), done.stderr
    return done.returncode, done.stdout


def check_against_cli(cli, out: pathlib.Path, comparisons, *flags):
    index = [json.loads(line) for line in (out / batch.INDEX).read_text().splitlines()]
    assert [r["report"] for r in index] == [c.report for c in comparisons]
    for record, c in zip(index, comparisons):
        status, expected = cli_report(cli, c.old.label, c.new.label, *flags)
        assert (out / c.report).read_bytes() == expected, c.report
        assert record["exit"] == status and record["old"] == c.old.label


def test_interrupted_batch_resumes_and_equals_the_cli(corpus, cluster, cli, tmp_path):
    # The last version is a named pipe until the first run has been
    # interrupted: a worker reading it waits for the test, so that run cannot
    # finish on its own however fast the machine, and the interruption always
    # cuts it short. The run is sent to the test's cluster, so its exit does
    # not wait for the worker held on the pipe.
    held = sorted(corpus.glob("*/*.txt"))[-1]
    content = held.read_bytes()
    held.unlink()
    os.mkfifo(held)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "strata.batch", str(corpus), "--out", str(out),
               "--scheduler", cluster.scheduler_address, "--chunk", "4"]
    first = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    index = out / batch.INDEX
    writer = None
    try:
        deadline = time.monotonic() + 300
        while first.poll() is None and time.monotonic() < deadline:
            if writer is None:
                try:  # succeeds once a worker has opened the pipe to read it
                    writer = os.open(held, os.O_WRONLY | os.O_NONBLOCK)
                except OSError as error:
                    if error.errno != errno.ENXIO:
                        raise
            if writer is not None and index.exists() and len(index.read_text().splitlines()) >= INTERRUPT_AFTER:
                break
            time.sleep(0.05)
        assert first.poll() is None, "the first run ended before it was interrupted"
        first.send_signal(signal.SIGINT)
        _, progress = first.communicate(timeout=120)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
        if writer is not None:
            os.close(writer)  # the held worker reads an end of file and goes on
        held.unlink()
        held.write_bytes(content)
    assert first.returncode == 130 and "interrupted" in progress, progress
    total = DOCUMENTS * (VERSIONS - 1)
    finished = batch._finished(out)
    assert INTERRUPT_AFTER <= len(finished) < total
    assert not any(r.startswith(f"{held.parent.name}/") and r.endswith(f"..{held.name}.json") for r in finished)
    mtimes = {r: (out / r).stat().st_mtime_ns for r in finished}

    summary = batch.run([str(corpus)], str(out), scheduler=cluster.scheduler_address, quiet=True)
    assert summary.total == total
    assert summary.skipped == len(finished)
    assert summary.computed == summary.total - len(finished) and summary.errors == 0
    assert {r: (out / r).stat().st_mtime_ns for r in finished} == mtimes  # not written again
    check_against_cli(cli, out, batch.plan(batch.read_corpus(str(corpus))))

    again = batch.run([str(corpus)], str(out), scheduler=cluster.scheduler_address, quiet=True)
    assert (again.skipped, again.computed) == (again.total, 0)


def test_manifest_corpus_and_flags(cluster, cli, repo, tmp_path, monkeypatch):
    monkeypatch.chdir(repo)
    out = tmp_path / "out"
    options = batch.Options(all=True, classify=False)
    summary = batch.run(["snapshots/manifest.toml"], str(out), scheduler=cluster.scheduler_address,
                        options=options, pairs="first", quiet=True)
    comparisons = batch.plan(batch.read_corpus("snapshots/manifest.toml"), "first")
    assert summary.computed == len(comparisons) >= 3
    assert all(c.old.label == comparisons[0].old.label for c in comparisons)
    check_against_cli(cli, out, comparisons, "--all", "--no-classify")


def test_git_history_and_list_corpora(cluster, repo, tmp_path):
    git = tmp_path / "site"
    git.mkdir()
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    subprocess.run(["git", "init", "-q", str(git)], check=True)
    bases = sorted((repo / "snapshots").glob("*.txt"))[:3]
    for i, base in enumerate(bases):
        (git / "page.txt").write_bytes(base.read_bytes())
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"2020-0{i + 1}-01T00:00:00Z"
        subprocess.run(["git", "-C", str(git), "add", "page.txt"], check=True, env=env)
        subprocess.run(["git", "-C", str(git), "commit", "-q", "-m", f"v{i}"], check=True, env=env)
    listing = tmp_path / "list"
    listing.write_text("# two documents\n" + "".join(f"a\t{b}\n" for b in bases) + f"b\t{bases[0]}\nb\t{bases[2]}\n")
    out = tmp_path / "out"
    summary = batch.run([f"git:{git}:page.txt", str(listing)], str(out), scheduler=cluster.scheduler_address, quiet=True)
    assert (summary.computed, summary.errors) == (2 + 2 + 1, 0)
    index = [json.loads(line) for line in (out / batch.INDEX).read_text().splitlines()]
    git_reports = [r for r in index if r["document"].startswith("site")]
    assert [r["new"] for r in git_reports] == [f"{git}:page.txt@2020-02-01", f"{git}:page.txt@2020-03-01"]
    first = json.loads((out / git_reports[0]["report"]).read_text())
    assert json.dumps(first).count(f"{git}:page.txt@2020-01-01") >= 1
    expected = strata.compare(strata.load(bases[0].read_bytes(), name=f"{git}:page.txt@2020-01-01"),
                              strata.load(bases[1].read_bytes(), name=f"{git}:page.txt@2020-02-01"))
    assert (out / git_reports[0]["report"]).read_text() == expected.to_json()


def test_bad_version_is_an_error_line_and_retried(cluster, tmp_path):
    corpus = tmp_path / "c" / "doc"
    corpus.mkdir(parents=True)
    (corpus / "1.txt").write_text("Title\n\nOne claim here.\n")
    (corpus / "2.txt").write_bytes(b"%PDF-1.4\n")
    out = tmp_path / "out"
    summary = batch.run([str(tmp_path / "c")], str(out), scheduler=cluster.scheduler_address, quiet=True)
    assert summary.errors == 1
    record = json.loads((out / batch.INDEX).read_text())
    assert record["exit"] == 2 and record["error"].startswith(str(corpus / "2.txt"))
    (corpus / "2.txt").write_text("Title\n\nOne claim here, changed.\n")
    again = batch.run([str(tmp_path / "c")], str(out), scheduler=cluster.scheduler_address, quiet=True)
    assert (again.skipped, again.computed, again.errors) == (0, 1, 0)
