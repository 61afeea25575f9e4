"""strata.Store: read access to a history store that the CLI built, checked
against `strata log`, `strata timeline` and `strata blame`."""

import datetime
import json

import pytest

import strata


@pytest.fixture(scope="module")
def store(tmp_path_factory, cli, repo):
    import subprocess

    path = tmp_path_factory.mktemp("store") / "history"
    subprocess.run([cli, "init", "--store", str(path)], check=True, capture_output=True)
    subprocess.run([cli, "import", "--store", str(path), "--manifest", str(repo / "snapshots" / "manifest.toml")],
                   check=True, capture_output=True)
    return str(path)


def test_versions_and_their_text(store, run_cli, repo):
    s = strata.Store(store)
    versions = s.versions()
    _, out, _ = run_cli("log", "--store", store, "--format", "json", "--no-sizes")
    logged = json.loads(out)
    listed = logged["versions"] if isinstance(logged, dict) else logged
    assert [v.id for v in versions] == [v["id"] for v in listed]
    first = versions[0]
    # Imported from files, a version's time is the start of its date.
    assert first.date == "2015-05-06"
    assert first.time == int(datetime.datetime(2015, 5, 6, tzinfo=datetime.timezone.utc).timestamp())
    assert s.resolve(first.id).commit == first.commit
    assert s.resolve("HEAD").id == versions[-1].id
    original = (repo / "snapshots" / "2015-05-06_page_natos-relations-with-ukraine.txt").read_bytes()
    assert s.raw(first.id) == original
    assert s.text(first.id) == original.decode("utf-8").replace("\r\n", "\n")
    sizes = s.log(sizes=True)
    assert sizes[0].change is None and sizes[1].change.claims_added > 0


def test_a_version_that_reads_as_an_earlier_one_names_it(tmp_path, run_cli):
    path = str(tmp_path / "flips")
    run_cli("init", "--store", path)
    for version, text in (("a", "One claim here."), ("b", "Another claim."), ("c", "One claim here.")):
        page = tmp_path / f"{version}.txt"
        page.write_text(f"Title\n\n{text}\n")
        status, _, err = run_cli("import", "--store", path, "--id", version, "--date", f"202{ord(version) - 97}", str(page))
        assert status == 0, err
    log = strata.Store(path).log()
    assert [e.same_as for e in log] == [None, None, 0]
    _, out, _ = run_cli("log", "--store", path, "--format", "json")
    assert [e.get("same_as") for e in json.loads(out)] == [None, None, "a"]


def test_timeline_and_blame_match_the_cli(store, run_cli):
    s = strata.Store(store)
    _, out, _ = run_cli("timeline", "--store", store, "--format", "json", "--terms", "membership")
    assert s.timeline(terms=["membership"]).render("json").encode() == out
    _, out, _ = run_cli("blame", "HEAD", "--store", store, "--format", "json")
    blame = s.blame("HEAD")
    assert blame.render("json").encode() == out
    assert len(blame.versions) == len(s.versions())
    assert all(0 <= c.origin < len(blame.versions) for c in blame.claims)


def test_store_errors_carry_the_library_message(store, tmp_path, run_cli):
    with pytest.raises(strata.NotFoundError) as raised:
        strata.Store(store).resolve("no-such-version")
    status, _, err = run_cli("blame", "no-such-version", "--store", store)
    assert status == 2 and err == f"strata: error: {raised.value}\n"
    with pytest.raises(strata.StrataError):
        strata.Store(str(tmp_path / "nothing"))
