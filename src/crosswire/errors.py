"""One exception tree for crosswire; every message says what to do next.

Input → output: nothing; raised by stages, caught by the CLI and the service.

::

    CrosswireError                      base; never raised itself
    ├── InputError                      the user's input cannot be used (exit code 2 when nothing is left)
    │   ├── InputNotFound               a path or glob matches nothing
    │   └── RejectedInput               one item refused: carries path, line, code, reason
    ├── ConfigError                     a bad option or configuration value
    ├── MissingDependency               an optional extra is not installed (message has the pip command)
    ├── ModelError                      a model package is missing, corrupt or fails its checksum
    ├── StoreError                      the database cannot be opened, migrated or written
    │   └── MigrationError              the schema version is newer than this crosswire, or a step failed
    └── ServiceError                    the HTTP service cannot start (port taken, bad token file)

User errors (``InputError``, ``ConfigError``, ``MissingDependency``, ``ModelError``)
are printed as one line without a traceback; anything else is a bug.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "CrosswireError",
    "InputError",
    "InputNotFound",
    "MigrationError",
    "MissingDependency",
    "ModelError",
    "RejectedInput",
    "ServiceError",
    "StoreError",
]


class CrosswireError(Exception):
    """Base of every error crosswire raises on purpose."""


class InputError(CrosswireError):
    """The input cannot be used as given."""


class InputNotFound(InputError):
    def __init__(self, path: str) -> None:
        super().__init__(f"{path}: no such file, directory or matching glob — check the path")
        self.path = path


class RejectedInput(InputError):
    """One input item is refused; readers raise it, ``ingest`` turns it into a ``Rejected`` record."""

    def __init__(self, path: str, reason: str, *, code: str = "malformed", line: int | None = None) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")
        self.path = path
        self.reason = reason
        self.code = code
        self.line = line


class ConfigError(CrosswireError):
    """A configuration value or command-line option is wrong."""


class MissingDependency(CrosswireError):
    """An optional dependency is not installed."""

    def __init__(self, package: str, *, extra: str, purpose: str) -> None:
        super().__init__(
            f"{purpose} needs the Python package '{package}', which is not installed. "
            f"Install it with: pip install 'crosswire[{extra}]'  (or run `make install`)"
        )
        self.package = package
        self.extra = extra


class ModelError(CrosswireError):
    """A model cannot be loaded or does not match its published checksum."""


class StoreError(CrosswireError):
    """The store cannot be opened, migrated or written."""


class MigrationError(StoreError):
    """A schema migration cannot be applied."""


class ServiceError(CrosswireError):
    """The HTTP service cannot start or a request cannot be served."""
