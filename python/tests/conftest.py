"""Fixtures shared by the package's tests: the repository, its bundled
snapshots, and the real `strata` binary the Python results are checked
against (STRATA_CLI, set by the ctest that runs these tests)."""

import os
import pathlib
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def repo() -> pathlib.Path:
    return REPO


@pytest.fixture(scope="session")
def cli() -> str:
    path = os.path.abspath(os.environ.get("STRATA_CLI", str(REPO / "build" / "strata")))
    if not os.access(path, os.X_OK):
        pytest.fail(f"the strata binary is needed to check against: {path} (set STRATA_CLI)")
    return path


@pytest.fixture(scope="session")
def snapshots() -> list:
    """The bundled snapshot files, relative to the repository, in name order
    (which is date order: the names start with the date)."""
    return sorted(f"snapshots/{p.name}" for p in (REPO / "snapshots").glob("*.txt"))


@pytest.fixture
def run_cli(cli):
    """Runs the binary in `cwd` (the repository by default) and returns
    (exit status, stdout bytes, stderr text)."""

    def run(*args, cwd=REPO):
        done = subprocess.run([cli, *args], cwd=cwd, capture_output=True)
        return done.returncode, done.stdout, done.stderr.decode()

    return run
