"""Type stubs of the extension module strata._strata (python/src/*.cpp).

Every class is a read-only view of the library's value types (lib/include/
strata/); lists are copies. Status and kind fields are the names the JSON
reports use ("modified", "renamed", ...). Functions raise the exceptions of
strata._errors, with the library's messages.
"""

from typing import Dict, List, Optional, Sequence

__version__: str
MAX_LISTED_CLAIMS: int  # claim changes a ChangeSet lists; the rest are counted

class DocumentMeta:
    source: str  # path or label the bytes came from
    title: str
    date: str  # ISO 8601, YYYY, YYYY-MM or YYYY-MM-DD; may be empty
    format: str  # "text", "markdown" or "html"

class Sentence:
    text: str  # original, trimmed
    norm: str  # comparison form
    line: int  # 1-based source line of its block

class Block:
    kind: str  # paragraph, list_item, quote, code
    depth: int
    line: int
    sentences: List[Sentence]

class Section:
    id: str
    title: str  # empty for the root
    title_norm: str
    level: int  # 0 for the root
    parent: int  # index into Document.sections, -1 for the root
    line: int
    children: List[int]
    blocks: List[Block]

class Removal:
    rule: str
    text: str
    line: int

class ProgrammeMention:
    section_id: str
    section: int
    block: int
    sentence: int
    offset: int  # byte offset in the sentence's comparison form
    form: str  # as written

class Programme:
    name: str
    acronym: str  # may be empty
    aliases: List[str]
    mentions: List[ProgrammeMention]
    first_claim: str

class Document:
    """A loaded document: its section tree (pre-order; sections[0] is the root)."""
    meta: DocumentMeta
    sections: List[Section]
    removals: List[Removal]
    def title_path(self, index: int) -> List[str]: ...
    def sentence_count(self) -> int: ...
    def to_json(self) -> str:
        """`strata sections --format json` (strata.sections/1)."""
    def to_text(self) -> str:
        """`strata sections`."""
    def programmes(self, programmes: Optional[str] = None) -> List[Programme]:
        """Programmes named in the document; `programmes` is a programme file."""
    def programmes_json(self, programmes: Optional[str] = None) -> str:
        """`strata programmes FILE --format json`."""

class ProgrammeSeriesRow:
    name: str
    acronym: str
    mentions: List[int]  # one per snapshot, 0 where absent
    first_seen: int
    last_seen: int

class ProgrammeSeries:
    labels: List[str]
    rows: List[ProgrammeSeriesRow]
    def to_json(self) -> str:
        """`strata programmes --series MANIFEST --format json`."""
    def to_markdown(self) -> str: ...

def programme_series(
    documents: Sequence[Document], labels: Sequence[str], programmes: Optional[str] = None
) -> ProgrammeSeries:
    """Programme presence across an ordered series (oldest first), with renames."""

class SectionSide:
    index: int
    id: str
    title: str
    path: List[str]

class SectionChange:
    status: str  # unchanged, equivalent, modified, renamed, moved, split, merged, added, removed
    old: List[SectionSide]
    new: List[SectionSide]
    similarity: float  # 0..1
    renamed: bool
    moved: bool

class ClaimSide:
    text: str
    norm: str
    section_id: str
    section: int
    block: int
    sentence: int

class WordOp:
    op: str  # "equal", "insert" or "delete"
    text: str

class Fact:
    kind: str  # negation, modality, hedge, intensifier, quantifier, acronym
    old_text: str
    new_text: str
    note: str

class SentenceChange:
    status: str  # unchanged, modified, added or removed
    old_text: str
    new_text: str
    diff: List[WordOp]

class ClaimChange:
    status: str
    old: List[ClaimSide]
    new: List[ClaimSide]
    similarity: float
    diff: List[WordOp]
    sentences: List[SentenceChange]
    facts: List[Fact]
    note: str
    index: int

class NumberChange:
    status: str
    old_value: str
    new_value: str
    claim: int  # position in ChangeSet.claims

class ProgrammeSide:
    name: str
    acronym: str
    mentions: int

class ProgrammeChange:
    status: str  # unchanged, renamed, added, removed
    old: Optional[ProgrammeSide]
    new: Optional[ProgrammeSide]
    evidence: List[str]

class WordingShift:
    from_: Optional[str]
    to: Optional[str]
    count: int
    old_count: int
    new_count: int
    examples: List[str]

class LinkChange:
    status: str  # "added", "removed", "repointed" or "retagged"
    kind: str  # "link", or "image" (text its alt text, targets its sources)
    text: str
    old_target: str
    new_target: str
    section: str
    path: List[str]
    line: int
    parameters: List[str]

class ChangeSet:
    """What changed between two documents (strata.compare)."""
    old: DocumentMeta
    new: DocumentMeta
    # The language each version reads as ("French"); "" when its text does not tell.
    old_language: str
    new_language: str
    sections: List[SectionChange]
    claims: List[ClaimChange]
    unchanged_claims_left_out: int
    # Claim changes past MAX_LISTED_CLAIMS, by status: counted in claim_counts()
    # and exit_code, not in `claims`; empty when the cap was not hit. Their sum
    # is the JSON report's summary.claims_not_listed.
    claims_not_listed: Dict[str, int]
    numbers: List[NumberChange]
    programmes: List[ProgrammeChange]
    wording: List[WordingShift]
    links: List[LinkChange]
    warnings: List[str]  # work limits hit, as the reports' warnings (the listing cap included)
    all: bool  # unchanged claims kept (compare(all=True))
    has_changes: bool
    exit_code: int  # what `strata diff` exits with: 0 same, 1 different
    def to_json(self, only: Sequence[str] = ()) -> str:
        """`strata diff --format json` (strata.diff/1), byte for byte."""
    def to_text(self, only: Sequence[str] = (), context: int = -1, color: bool = False) -> str: ...
    def to_markdown(self, only: Sequence[str] = ()) -> str: ...
    def to_html(self, only: Sequence[str] = ()) -> str: ...
    def section_counts(self) -> Dict[str, int]: ...
    def claim_counts(self) -> Dict[str, int]: ...

class Finding:
    """A broken rule (strata.check)."""
    rule: str  # the rule's id
    kind: str  # watch, claim, section, programmes, changes, claims-removed, section-rewritten
    severity: str  # "error" or "warning"
    key: str  # stable across runs and machines; what a baseline lists
    summary: str
    message: str  # the rule's message; may be empty
    old_text: str  # empty when added
    new_text: str  # empty when removed
    section: str  # title path, " > " between levels; may be empty
    line: int  # 1-based line in the new version; 0 when it has none
    details: List[str]
    accepted: bool  # listed in the baseline: reported, never fails

class DocumentCheck:
    path: str  # the new version's source
    findings: List[Finding]  # by rule, then in document order
    bailouts: List[str]  # work limits hit while comparing

class CheckReport:
    """The verdict of strata.check()."""
    documents: List[DocumentCheck]
    rules: List[str]  # the rules' ids, in the order they were checked
    failed: bool  # a finding of severity error the baseline does not accept
    bailed_out: bool
    exit_code: int  # what `strata check` exits with: 0 no rule broken, 1 broken, 2 trouble
    def render(self, format: str = "text") -> str:
        """`strata check --format FORMAT`: text, json, junit, github, sarif or md."""
    def to_json(self) -> str:
        """`strata check --format json` (strata.check/1), byte for byte."""
    def baseline(self) -> str:
        """What `strata check --write-baseline` writes: every finding accepted."""

class VersionInfo:
    id: str
    title: str
    source: str
    date: str
    format: str
    normalization: int
    commit: str
    raw_blob: str
    time: int  # commit time, seconds since the epoch (UTC): orders the versions of one date
    position: int  # 1-based, store order

class ChangeSize:
    claims_modified: int
    claims_added: int
    claims_removed: int
    claims_moved: int
    programmes_added: int
    programmes_removed: int
    programmes_renamed: int

class LogEntry:
    version: VersionInfo
    change: Optional[ChangeSize]
    same_as: Optional[int]

class TimelineSection:
    path: str
    present: List[bool]
    earlier: List[str]

class TimelineTerm:
    term: str
    watched: bool
    counts: List[int]

class Timeline:
    versions: List[VersionInfo]
    sections: List[TimelineSection]
    programmes: ProgrammeSeries  # the series registry, as `strata programmes --series`
    terms: List[TimelineTerm]
    def render(self, format: str = "json") -> str:
        """`strata timeline --format FORMAT`: text, json or csv."""

class BlameEntry:
    text: str
    origin: int
    last_changed: int

class Blame:
    versions: List[VersionInfo]
    claims: List[BlameEntry]
    def render(self, format: str = "json") -> str:
        """`strata blame --format FORMAT`: text, json or summary."""

class Store:
    """A history store opened for reading (docs/store.md)."""
    def __init__(self, dir: str) -> None: ...
    dir: str
    def versions(self) -> List[VersionInfo]: ...
    def resolve(self, rev: str) -> VersionInfo: ...
    def raw(self, rev: str) -> bytes: ...
    def text(self, rev: str) -> str: ...
    def log(self, sizes: bool = True) -> List[LogEntry]: ...
    def timeline(self, terms: Sequence[str] = (), top_phrases: int = 5) -> Timeline: ...
    def blame(self, rev: str = "HEAD") -> Blame: ...

class Snapshot:
    bytes: bytes
    source: str
    id: str
    title: str
    date: str
    time: Optional[int]

def git_history(repo: str, path: str) -> List[Snapshot]:
    """Every version of `path` in a git repository's HEAD history, oldest first."""

def _load_path(path: str, format: str = "auto", rules: Optional[str] = None) -> Document: ...
def _parse_bytes(data: bytes, source: str, format: str = "auto", rules: Optional[str] = None) -> Document: ...
def _compare(
    old: Document,
    new: Document,
    classify: bool = True,
    all: bool = False,
    programmes: Optional[str] = None,
    max_diff_cells: int = 250000,
    max_listed_claims: int = 20000,
    max_wording: int = 40,
    threads: bool = True,
) -> ChangeSet: ...
def _check(
    old: Document,
    new: Document,
    config: Optional[str] = None,
    watch: Sequence[str] = (),
    watch_claim: Sequence[str] = (),
    watch_section: Sequence[str] = (),
    fail_on: Sequence[str] = (),
    max_claims_removed: Optional[float] = None,
    max_section_rewritten: Optional[float] = None,
    baseline: Optional[str] = None,
    fail_on_bailout: bool = False,
    programmes: Optional[str] = None,
    max_listed_claims: int = 20000,
) -> CheckReport: ...
