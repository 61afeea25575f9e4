"""strata: how a document changes over time, from Python.

Load two versions of a document, compare them, and read what changed by
sections, claims, programmes, figures and wording::

    import strata
    changes = strata.compare("old.txt", "new.txt")
    for claim in changes.claims:
        print(claim.status, [side.text for side in claim.new])
    report = changes.to_json()   # the bytes of `strata diff --format json`

The work is done by strata's C++ library (the extension module
``strata._strata``); comparisons release the GIL, so threads run them in
parallel. ``python -m strata.batch`` runs many comparisons on a Dask cluster.
docs/python.md describes the API.
"""

import os
from typing import Iterable, Optional, Union

from . import _strata
from ._errors import (
    CorruptError,
    InvalidArgumentError,
    InvalidInputError,
    IoError,
    LockedError,
    NotFoundError,
    StrataError,
    UnsupportedError,
)
from ._strata import (
    MAX_LISTED_CLAIMS,
    Blame,
    ChangeSet,
    CheckReport,
    Document,
    DocumentCheck,
    Finding,
    ProgrammeSeries,
    Store,
    Timeline,
    VersionInfo,
    __version__,
    git_history,
    programme_series,
)

Source = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview]

# The label a document read from bytes carries when none is given.
_BYTES_LABEL = "<bytes>"


def _path_or_none(path: Optional[Union[str, "os.PathLike[str]"]]) -> Optional[str]:
    return None if path is None else os.fspath(path)


def load(
    source: Source,
    *,
    format: str = "auto",
    name: Optional[str] = None,
    rules: Optional[Union[str, "os.PathLike[str]"]] = None,
) -> Document:
    """Reads a document from a path or from bytes.

    format: "auto" (sniffed from the content, the file name's extension
    breaking ties), "text", "markdown" or "html". name: the label of bytes in reports and
    errors (default "<bytes>"); a path is its own label, as written. rules: a
    TOML file of boilerplate rules on top of the bundled ones.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        return _strata._parse_bytes(bytes(source), name or _BYTES_LABEL, format, _path_or_none(rules))
    return _strata._load_path(os.fspath(source), format, _path_or_none(rules))


def compare(
    old: Union[Document, Source],
    new: Union[Document, Source],
    *,
    classify: bool = True,
    all: bool = False,
    programmes: Optional[Union[str, "os.PathLike[str]"]] = None,
    max_diff_cells: int = 250_000,
    max_listed_claims: int = MAX_LISTED_CLAIMS,
    max_wording: int = 40,
    threads: bool = True,
    format: str = "auto",
    rules: Optional[Union[str, "os.PathLike[str]"]] = None,
) -> ChangeSet:
    """Compares two versions of a document; `old` and `new` are Documents,
    paths or bytes (read with `format` and `rules`, as load() does).

    classify: programmes, figures, modality and wording too (`strata diff`
    without --no-classify). all: keep unchanged sections and claims (--all).
    programmes: a programme file (--programmes). max_diff_cells: the largest
    word diff, as the product of two claims' token counts. max_listed_claims:
    claim changes listed in `.claims` at most (--max-listed-claims), the rest
    counted in `.claims_not_listed`; 0 lists none. max_wording: most wording
    shifts kept. threads: a second thread for part of classify, and
    every core for the claim changes and their scores (off: the calling
    thread alone, for callers that already run one comparison a
    core; the result is the same). The GIL is released while it runs.
    """
    docs = [d if isinstance(d, Document) else load(d, format=format, rules=rules) for d in (old, new)]
    return _strata._compare(
        docs[0], docs[1], classify, all, _path_or_none(programmes), max_diff_cells, max_listed_claims, max_wording,
        threads,
    )


Phrases = Union[str, Iterable[str]]


def _strings(value: Phrases) -> list:
    return [value] if isinstance(value, str) else list(value)


def check(
    old: Union[Document, Source],
    new: Union[Document, Source],
    *,
    config: Optional[Union[str, "os.PathLike[str]"]] = None,
    watch: Phrases = (),
    watch_claim: Phrases = (),
    watch_section: Phrases = (),
    fail_on: Phrases = (),
    max_claims_removed: Optional[float] = None,
    max_section_rewritten: Optional[float] = None,
    baseline: Optional[Union[str, "os.PathLike[str]"]] = None,
    fail_on_bailout: bool = False,
    programmes: Optional[Union[str, "os.PathLike[str]"]] = None,
    max_listed_claims: int = MAX_LISTED_CLAIMS,
    format: str = "auto",
    rules: Optional[Union[str, "os.PathLike[str]"]] = None,
) -> CheckReport:
    """Checks rules over what changed between two versions, as `strata check
    OLD NEW` does; `old` and `new` are Documents, paths or bytes (read with
    `format` and `rules`, as load() does).

    The rules: those of the rule file `config` (--config; no .strata.toml is
    looked for), then watch (--watch: phrases), watch_claim, watch_section
    (title-path patterns), fail_on (change kinds, "programme-removed",
    "programme-renamed"), max_claims_removed and max_section_rewritten (a
    percentage). baseline: accepted findings (--baseline).
    max_listed_claims: the report's cap on listed claim changes
    (--max-listed-claims); the rules read every change, those past the cap
    too, and only those on figures, negations and modality say they missed
    them. The report's
    to_json() is `strata check --format json`'s bytes and exit_code its exit
    status. The GIL is released while it runs.
    """
    docs = [d if isinstance(d, Document) else load(d, format=format, rules=rules) for d in (old, new)]
    return _strata._check(
        docs[0], docs[1], _path_or_none(config), _strings(watch), _strings(watch_claim), _strings(watch_section),
        _strings(fail_on), max_claims_removed, max_section_rewritten, _path_or_none(baseline), fail_on_bailout,
        _path_or_none(programmes), max_listed_claims,
    )


__all__ = [
    "MAX_LISTED_CLAIMS",
    "Blame",
    "ChangeSet",
    "CheckReport",
    "CorruptError",
    "Document",
    "DocumentCheck",
    "Finding",
    "InvalidArgumentError",
    "InvalidInputError",
    "IoError",
    "LockedError",
    "NotFoundError",
    "ProgrammeSeries",
    "Store",
    "StrataError",
    "Timeline",
    "UnsupportedError",
    "VersionInfo",
    "__version__",
    "check",
    "compare",
    "git_history",
    "load",
    "programme_series",
]
