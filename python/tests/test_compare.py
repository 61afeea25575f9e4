"""strata.load and strata.compare against `strata diff` and `strata sections`
on the bundled snapshots: same reports, byte for byte."""

import itertools
import json
import threading
import tomllib

import pytest

import strata


@pytest.fixture(autouse=True)
def at_repo(repo, monkeypatch):
    # Paths are given as the CLI is given them (relative to the repository),
    # since a report names its sources as written.
    monkeypatch.chdir(repo)


def test_every_bundled_pair_gives_the_cli_json(snapshots, run_cli):
    pairs = list(itertools.permutations(snapshots, 2))
    assert len(pairs) >= 20
    for old, new in pairs:
        changes = strata.compare(old, new)
        status, out, err = run_cli("diff", old, new, "--format", "json")
        assert err == ""
        assert changes.to_json().encode() == out, (old, new)
        assert changes.exit_code == status


@pytest.mark.parametrize(
    "kwargs, flags",
    [
        ({"all": True}, ["--all"]),
        ({"classify": False}, ["--no-classify"]),
        ({"threads": False}, []),
        ({"only": ["moved", "split"]}, ["--only", "moved,split"]),
    ],
)
def test_options_match_the_cli_flags(snapshots, run_cli, kwargs, flags):
    old, new = snapshots[0], snapshots[2]
    only = kwargs.pop("only", [])
    changes = strata.compare(old, new, **kwargs)
    _, out, _ = run_cli("diff", old, new, "--format", "json", *flags)
    assert changes.to_json(only=only).encode() == out


def test_text_markdown_and_html_match_the_cli(snapshots, run_cli):
    old, new = snapshots[1], snapshots[2]
    changes = strata.compare(old, new)
    for fmt, rendered in [("text", changes.to_text()), ("md", changes.to_markdown()), ("html", changes.to_html())]:
        _, out, _ = run_cli("diff", old, new, "--format", fmt, "--color", "never")
        assert rendered.encode() == out, fmt


def test_bytes_with_a_name_read_as_the_file(snapshots, repo):
    path = snapshots[3]
    from_bytes = strata.load((repo / path).read_bytes(), name=path)
    from_path = strata.load(path)
    assert from_bytes.to_json() == from_path.to_json()
    assert strata.load(b"Title\n\nOne claim.\n").meta.source == "<bytes>"


def test_the_objects_describe_the_changes(snapshots):
    changes = strata.compare(snapshots[2], snapshots[3])
    assert changes.has_changes
    statuses = {c.status for c in changes.claims}
    assert "modified" in statuses and "added" in statuses
    modified = next(c for c in changes.claims if c.status == "modified")
    old_words = "".join(op.text for op in modified.diff if op.op != "insert")
    new_words = "".join(op.text for op in modified.diff if op.op != "delete")
    assert new_words == modified.new[0].text
    assert old_words != new_words
    kinds = {f.kind for c in changes.claims for f in c.facts}
    assert "modality" in kinds and kinds <= {"negation", "modality", "hedge", "intensifier", "quantifier", "acronym"}
    renamed = [p for p in changes.programmes if p.status == "renamed"]
    assert [(p.old.name, p.new.name) for p in renamed] == [("NATO-Ukraine Commission", "NATO-Ukraine Council")]
    assert changes.claim_counts()["added"] == sum(1 for c in changes.claims if c.status == "added")
    # A claim of several sentences says which of them changed, and how.
    vilnius = next(c for c in changes.claims if c.old and c.old[0].text.startswith("At the 2023 Vilnius Summit"))
    first = vilnius.sentences[0]
    assert first.status == "modified"
    assert "".join(op.text for op in first.diff if op.op != "delete") == first.new_text == vilnius.new[0].text
    assert {s.status for s in vilnius.sentences[1:]} == {"removed"}


def test_a_document_and_itself_are_the_same(snapshots):
    doc = strata.load(snapshots[0])
    changes = strata.compare(doc, doc)
    assert not changes.has_changes and changes.exit_code == 0


def test_links_retagged_by_a_tracking_parameter_are_no_difference():
    old = strata.load(b"# Terms\n\nRead [our policy](https://e.com/policy).\n", name="a.md")
    new = strata.load(b"# Terms\n\nRead [our policy](https://e.com/policy?utm_source=mail).\n", name="b.md")
    changes = strata.compare(old, new)
    assert [(link.status, link.parameters) for link in changes.links] == [("retagged", ["utm_source"])]
    assert not changes.has_changes and changes.exit_code == 0


def test_sections_match_strata_sections(snapshots, run_cli):
    for path in snapshots:
        doc = strata.load(path)
        _, out, _ = run_cli("sections", path, "--format", "json")
        assert doc.to_json().encode() == out
        # Each sentence's two texts read as Python strings, as the CLI lists them.
        listed = [k for s in json.loads(out)["sections"] for b in s["blocks"] for k in b["sentences"]]
        read = [(k.text, k.norm) for s in doc.sections for b in s.blocks for k in b.sentences]
        assert read == [(k["text"], k["norm"]) for k in listed]
        _, text, _ = run_cli("sections", path)
        assert doc.to_text().encode() == text
    doc = strata.load(snapshots[0])
    assert doc.sections[0].level == 0 and doc.sections[0].parent == -1
    top = [(i, s) for i, s in enumerate(doc.sections) if s.level == 1]
    assert top and all(doc.title_path(i) == [s.title] for i, s in top)
    assert doc.sentence_count() == sum(len(b.sentences) for s in doc.sections for b in s.blocks)


def test_programmes_match_strata_programmes(snapshots, run_cli, repo):
    for path in snapshots:
        _, out, _ = run_cli("programmes", path, "--format", "json")
        assert strata.load(path).programmes_json().encode() == out
    ids, docs = [], []
    for entry in _series(repo):
        ids.append(entry["id"])
        docs.append(strata.load(f"snapshots/{entry['file']}"))
    _, out, _ = run_cli("programmes", "--series", "snapshots/manifest.toml", "--format", "json")
    assert strata.programme_series(docs, ids).to_json().encode() == out
    with pytest.raises(strata.InvalidArgumentError):
        strata.programme_series(docs, ids[1:])


def _series(repo):
    """The manifest's series entries, oldest first."""
    manifest = tomllib.loads((repo / "snapshots" / "manifest.toml").read_text())
    return sorted((s for s in manifest["snapshot"] if "series" in s), key=lambda s: s["series"])


def test_errors_are_exceptions_with_the_cli_message(run_cli, tmp_path):
    cases = [
        (str(tmp_path / "missing.txt"), strata.NotFoundError),
    ]
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"Title\n\x00\x01\x02 not text\xff\n")
    cases.append((str(binary), strata.InvalidInputError))
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes(b"Title\n\nCaf\xe9 cr\xe8me.\n")
    cases.append((str(latin1), strata.InvalidInputError))
    for path, kind in cases:
        status, _, err = run_cli("sections", path, cwd=tmp_path)
        assert status == 2
        with pytest.raises(strata.StrataError) as raised:
            strata.load(path)
        assert isinstance(raised.value, kind), (path, type(raised.value))
        assert f"strata: error: {raised.value}\n" == err
    with pytest.raises(strata.InvalidArgumentError, match="unknown input format 'pdf'"):
        strata.load(cases[1][0], format="pdf")
    with pytest.raises(strata.InvalidArgumentError, match="unknown change kind 'bogus'"):
        strata.compare(b"A\n\nOne.\n", b"A\n\nTwo.\n").to_json(only=["bogus"])


def test_threads_compare_at_once_and_agree(snapshots):
    pairs = list(zip(snapshots, snapshots[1:]))
    serial = [strata.compare(o, n).to_json() for o, n in pairs]
    docs = {p: strata.load(p) for p in snapshots}
    results = [None] * len(pairs)

    def run(i):
        old, new = pairs[i]
        results[i] = strata.compare(docs[old], docs[new]).to_json()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(pairs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == serial


def test_claims_past_the_listing_cap_are_counted_and_said(tmp_path, run_cli):
    # Two documents that share nothing: every claim of both is a change, more
    # than a ChangeSet lists.
    n = strata.MAX_LISTED_CLAIMS // 2 + 50
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text("".join(f"Clause {i} of the old terms applies.\n\n" for i in range(n)))
    new.write_text("".join(f"Rule {i} holds in the new version.\n\n" for i in range(n)))
    changes = strata.compare(str(old), str(new), classify=False)
    listed = [c for c in changes.claims if c.status != "unchanged"]
    assert len(listed) == strata.MAX_LISTED_CLAIMS
    not_listed = changes.claims_not_listed
    assert set(not_listed) <= {"added", "removed", "modified", "rewritten", "moved", "split", "merged"}
    assert sum(not_listed.values()) == 2 * n - strata.MAX_LISTED_CLAIMS
    # The counts include what is not listed; one warning says so.
    counts = changes.claim_counts()
    for status, left in not_listed.items():
        assert counts[status] == sum(1 for c in listed if c.status == status) + left
    capped = [w for w in changes.warnings if "not listed" in w]
    assert len(capped) == 1 and f"past the cap of {strata.MAX_LISTED_CLAIMS}" in capped[0]
    # As the CLI's JSON report says.
    status, out, _ = run_cli("diff", str(old), str(new), "--no-classify", "--format", "json")
    report = json.loads(out)
    assert report["summary"]["claims_not_listed"] == sum(not_listed.values())
    assert report["warnings"] == changes.warnings
    assert changes.to_json().encode() == out and changes.exit_code == status == 1


def test_max_listed_claims_sets_the_cap_as_the_cli_option_does(tmp_path, run_cli):
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text("".join(f"Clause {i} of the old terms applies.\n\n" for i in range(30)))
    new.write_text("".join(f"Rule {i} holds in the new version.\n\n" for i in range(30)))
    for cap in (7, 0):
        changes = strata.compare(str(old), str(new), classify=False, max_listed_claims=cap)
        assert len(changes.claims) == cap
        assert sum(changes.claims_not_listed.values()) == 60 - cap
        assert sum(changes.claim_counts().values()) == 60
        assert [w for w in changes.warnings if "not listed" in w][0].startswith(f"claims: {60 - cap} more")
        status, out, _ = run_cli(
            "diff", str(old), str(new), "--no-classify", "--format", "json", "--max-listed-claims", str(cap)
        )
        assert changes.to_json().encode() == out and changes.exit_code == status == 1
    assert strata.compare(str(old), str(new), classify=False, max_listed_claims=60).claims_not_listed == {}
    with pytest.raises(TypeError):
        strata.compare(str(old), str(new), max_listed_claims=-1)


def test_nothing_is_left_unlisted_under_the_cap(snapshots):
    changes = strata.compare(snapshots[0], snapshots[2])
    assert changes.claims_not_listed == {}
    assert not any("not listed" in w for w in changes.warnings)
