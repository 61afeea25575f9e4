#!/usr/bin/env python3
"""Golden cases: every textual output of the real binary, held against the
expected files in tests/golden/<case>/.

Each case folder has a case.json naming its inputs (paths relative to the
case folder):
  "diff": [OLD, NEW]       diff text/md/json, sections and programmes of NEW
  "history": [{file, id, date}, ...]   imported into a scratch store: log,
                           timeline text/json/csv, blame text/json/summary

Usage: run.py STRATA_BINARY [CASE...]
With STRATA_UPDATE_GOLDEN=1 the expected files are rewritten instead of
compared (review the change with git diff before committing it).
"""
import difflib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
UPDATE = os.environ.get("STRATA_UPDATE_GOLDEN") == "1"


def run(binary, args, cwd, env=None):
    proc = subprocess.run([binary, *args], cwd=cwd, capture_output=True, env=env, timeout=300)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(args)}: exit {proc.returncode}: {proc.stderr.decode(errors='replace')}")
    return proc.returncode, proc.stdout.decode("utf-8")


def outputs(binary, case_dir, spec):
    out = {}
    if "diff" in spec:
        # As written in case.json, relative to the case folder (the commands
        # run there): outputs name their inputs, and an absolute path would
        # tie the expected files to one checkout.
        old, new = spec["diff"]
        codes = []
        for fmt, name in (("text", "diff.txt"), ("md", "diff.md"), ("json", "diff.json")):
            code, text = run(binary, ["diff", old, new, "--format", fmt, "--color", "never"], case_dir)
            out[name] = text
            codes.append(f"diff --format {fmt}: {code}")
        out["exit-codes.txt"] = "\n".join(codes) + "\n"
        for fmt, name in (("text", "sections.txt"), ("json", "sections.json")):
            out[name] = run(binary, ["sections", new, "--format", fmt], case_dir)[1]
        for fmt, name in (("text", "programmes.txt"), ("json", "programmes.json")):
            out[name] = run(binary, ["programmes", new, "--format", fmt], case_dir)[1]
    if "history" in spec:
        with tempfile.TemporaryDirectory() as scratch:
            store = str(Path(scratch) / "store")
            env = {k: v for k, v in os.environ.items() if k != "STRATA_STORE"}
            run(binary, ["init", "--store", store], case_dir, env)
            for v in spec["history"]:
                run(binary, ["import", v["file"], "--id", v["id"], "--date", v["date"],
                             "--store", store], case_dir, env)
            queries = {
                "log.txt": ["log"], "log.json": ["log", "--format", "json"],
                "timeline.txt": ["timeline"], "timeline.json": ["timeline", "--format", "json"],
                "timeline.csv": ["timeline", "--format", "csv"],
                "blame.txt": ["blame"], "blame.json": ["blame", "--format", "json"],
                "blame-summary.txt": ["blame", "--format", "summary"],
            }
            for name, args in queries.items():
                out[name] = run(binary, [*args, "--store", store], case_dir, env)[1]
    return out


def main():
    binary = str(Path(sys.argv[1]).resolve())
    wanted = sys.argv[2:]
    cases = sorted(p.parent for p in HERE.glob("*/case.json"))
    failures = 0
    checked = 0
    for case_dir in cases:
        if wanted and case_dir.name not in wanted:
            continue
        spec = json.loads((case_dir / "case.json").read_text())
        for name, text in outputs(binary, case_dir, spec).items():
            path = case_dir / name
            checked += 1
            if UPDATE:
                path.write_text(text, encoding="utf-8")
                continue
            expected = path.read_text(encoding="utf-8") if path.exists() else ""
            if text != expected:
                failures += 1
                sys.stdout.writelines(difflib.unified_diff(
                    expected.splitlines(True), text.splitlines(True),
                    f"expected/{case_dir.name}/{name}", f"actual/{case_dir.name}/{name}", n=2))
                print(f"golden: {case_dir.name}/{name} differs (STRATA_UPDATE_GOLDEN=1 rewrites it)")
    print(f"golden: {checked} outputs of {len(cases)} cases {'rewritten' if UPDATE else 'checked'}")
    print(f"{checked - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
