"""Exceptions raised by strata: one class per kind of library error.

The message of each is the library's own, the one ``strata`` prints after
``strata: error:`` (it names the file or version and the reason).
"""


class StrataError(Exception):
    """Base class of every error strata raises."""


class NotFoundError(StrataError, LookupError):
    """A file, version or section that does not exist."""


class InvalidInputError(StrataError, ValueError):
    """Bytes that are not a readable document (not UTF-8, binary, empty)."""


class InvalidArgumentError(StrataError, ValueError):
    """A malformed option, revision string or date."""


class IoError(StrataError, OSError):
    """The operating system refused a read or a write."""


class CorruptError(StrataError):
    """A store or manifest whose content contradicts itself."""


class LockedError(StrataError):
    """Another process holds the store's lock."""


class UnsupportedError(StrataError):
    """A format or feature strata does not handle."""
