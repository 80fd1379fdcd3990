"""One broken record must not cost the others: unexpected exceptions → a rejected item.

Input → output: an exception raised while reading one file or record → a
:class:`~crosswire.errors.RejectedInput` with code ``"error"`` that names the exception, so
the run goes on and the ledger shows the failure (it is a crosswire bug; please report it).
:class:`~crosswire.errors.MissingDependency` is never caught: that is the environment, and
the CLI reports it once with the ``pip install`` command.
"""

from __future__ import annotations

from crosswire.errors import RejectedInput

__all__ = ["internal_error"]


def internal_error(path: str, exc: Exception, *, line: int | None = None) -> RejectedInput:
    """The rejected item recording an unexpected ``exc`` while reading ``path`` (record ``line``)."""
    return RejectedInput(
        path,
        f"internal error while reading ({type(exc).__name__}: {exc}); this is a crosswire bug, please report it",
        code="error",
        line=line,
    )
