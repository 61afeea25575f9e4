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
from typing import Optional, Union

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
    Blame,
    ChangeSet,
    Document,
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
    max_wording: int = 40,
    format: str = "auto",
    rules: Optional[Union[str, "os.PathLike[str]"]] = None,
) -> ChangeSet:
    """Compares two versions of a document; `old` and `new` are Documents,
    paths or bytes (read with `format` and `rules`, as load() does).

    classify: programmes, figures, modality and wording too (`strata diff`
    without --no-classify). all: keep unchanged sections and claims (--all).
    programmes: a programme file (--programmes). max_diff_cells: the largest
    word diff, as the product of two claims' token counts. max_wording: most
    wording shifts kept. The GIL is released while it runs.
    """
    docs = [d if isinstance(d, Document) else load(d, format=format, rules=rules) for d in (old, new)]
    return _strata._compare(docs[0], docs[1], classify, all, _path_or_none(programmes), max_diff_cells, max_wording)


__all__ = [
    "Blame",
    "ChangeSet",
    "CorruptError",
    "Document",
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
    "compare",
    "git_history",
    "load",
    "programme_series",
]
