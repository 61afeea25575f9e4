"""strata.check against `strata check` on the bundled snapshots: the same
report, byte for byte, in every format, the same exit status and the same
errors."""

import itertools

import pytest

import strata


@pytest.fixture(autouse=True)
def at_repo(repo, monkeypatch):
    # Paths are given as the CLI is given them (relative to the repository),
    # since a report names its sources as written.
    monkeypatch.chdir(repo)


RULE_FILE = """[[watch]]
phrase = "will not recognise"
severity = "warning"
message = "Recognition wording: ask the legal team."
"""

# Python keywords and the `strata check` flags that give the same rules.
CASES = [
    ({"watch": "will not recognise"}, ["--watch", "will not recognise"]),
    ({"watch": ["Ukraine", "sovereignty"], "watch_claim": "NATO is a defensive alliance."},
     ["--watch", "Ukraine", "--watch", "sovereignty", "--watch-claim", "NATO is a defensive alliance."]),
    ({"fail_on": ["negation-removed", "figure-changed", "programme-removed"]},
     ["--fail-on", "negation-removed,figure-changed,programme-removed"]),
    ({"max_claims_removed": 3, "max_section_rewritten": 50}, ["--max-claims-removed", "3", "--max-section-rewritten", "50"]),
    ({"watch_section": "*", "fail_on": "claim-removed"}, ["--watch-section", "*", "--fail-on", "claim-removed"]),
]


@pytest.mark.parametrize("kwargs, flags", CASES)
def test_rules_give_the_cli_report_for_every_bundled_pair(snapshots, run_cli, kwargs, flags):
    pairs = list(itertools.permutations(snapshots, 2))
    statuses = set()
    for old, new in pairs:
        report = strata.check(old, new, **kwargs)
        status, out, err = run_cli("check", "--no-config", "--format", "json", *flags, old, new)
        assert err == "", (old, new)
        assert report.to_json().encode() == out, (old, new)
        assert report.exit_code == status and report.failed == (status == 1)
        statuses.add(status)
    # Somewhere a rule is broken, so the comparison covers findings.
    assert 1 in statuses


def test_rule_file_baseline_and_other_formats(snapshots, run_cli, tmp_path):
    old, new = snapshots[2], snapshots[3]  # 2023 and 2024 pages: the watched phrase changes
    config = tmp_path / "ci.toml"
    config.write_text(RULE_FILE)
    report = strata.check(old, new, config=config, watch="Ukraine")
    assert report.rules == ["watch:will not recognise", "watch:Ukraine"]
    warnings = [f for d in report.documents for f in d.findings if f.severity == "warning"]
    assert warnings and all(f.message == "Recognition wording: ask the legal team." for f in warnings)
    for fmt in ["text", "json", "junit", "github", "sarif", "md", "markdown"]:
        status, out, _ = run_cli("check", "--config", str(config), "--watch", "Ukraine", "--format", fmt, old, new)
        assert report.render(fmt).encode() == out, fmt
        assert report.exit_code == status
    assert report.render("markdown") == report.render("md")

    baseline = tmp_path / "baseline.txt"
    baseline.write_text(report.baseline())
    status, _, _ = run_cli("check", "--config", str(config), "--watch", "Ukraine",
                           "--write-baseline", str(tmp_path / "cli-baseline.txt"), old, new)
    assert status == 0 and (tmp_path / "cli-baseline.txt").read_text() == report.baseline()
    accepted = strata.check(old, new, config=config, watch="Ukraine", baseline=baseline)
    _, out, _ = run_cli("check", "--config", str(config), "--watch", "Ukraine", "--baseline", str(baseline),
                        "--format", "json", old, new)
    assert accepted.to_json().encode() == out
    assert not accepted.failed and all(f.accepted for d in accepted.documents for f in d.findings)


@pytest.mark.parametrize(
    "kwargs, flags, error",
    [
        ({"watch": " - "}, ["--watch", " - "], strata.InvalidArgumentError),
        ({"watch_section": "A > > B"}, ["--watch-section", "A > > B"], strata.InvalidArgumentError),
        ({"fail_on": "modality"}, ["--fail-on", "modality"], strata.InvalidArgumentError),
        ({"watch": ["x", "x"]}, ["--watch", "x", "--watch", "x"], strata.InvalidArgumentError),
        ({"watch": "x", "baseline": "/nonexistent/baseline.txt"}, ["--watch", "x", "--baseline", "/nonexistent/baseline.txt"],
         strata.StrataError),
    ],
)
def test_errors_are_the_cli_messages(snapshots, run_cli, kwargs, flags, error):
    old, new = snapshots[2], snapshots[3]
    with pytest.raises(error) as raised:
        strata.check(old, new, **kwargs)
    status, out, err = run_cli("check", "--no-config", *flags, old, new)
    assert status == 2 and out == b""
    assert err == f"strata: error: {raised.value}\n"


def test_no_rule_is_an_error(snapshots):
    with pytest.raises(strata.InvalidArgumentError, match="no rule to check"):
        strata.check(snapshots[0], snapshots[1])


def test_max_listed_claims_caps_the_report_not_the_rules(run_cli, tmp_path):
    # A watched sentence changed after 40 others: past a cap of 5 listed
    # changes, the watch rule still finds it, and the report is the CLI's.
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text("".join(f"Clause {i} of the old terms applies.\n\n" for i in range(40)) + "Members may leave.\n")
    new.write_text("".join(f"Rule {i} holds in the new version.\n\n" for i in range(40)) + "Members must stay.\n")
    for cap in (5, 0):
        report = strata.check(str(old), str(new), watch="Members", max_listed_claims=cap)
        found = [f for d in report.documents for f in d.findings]
        assert found and {f.rule for f in found} == {"watch:Members"}
        assert any("Members" in f.old_text or "Members" in f.new_text for f in found)
        status, out, _ = run_cli(
            "check", "--no-config", "--format", "json", "--watch", "Members", "--max-listed-claims", str(cap),
            str(old), str(new),
        )
        assert report.to_json().encode() == out and report.exit_code == status == 1
    with pytest.raises(TypeError):
        strata.check(str(old), str(new), watch="Members", max_listed_claims=-1)
