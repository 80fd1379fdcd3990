"""Input paths → the list of things to read: files and feed URLs.

Input → output: what the user typed (files, directories, globs, http(s) URLs) → an
ordered, de-duplicated list of :class:`Input` plus the paths that matched nothing.

- a directory is walked recursively in sorted order; hidden files and directories
  (``.name``) are skipped — an explicitly named hidden file is read;
- a path that does not exist but contains ``*``, ``?`` or ``[`` is a glob (``**`` recurses);
- a ``<stem>.json`` / ``<stem>.meta.json`` next to another input with the same stem is that
  input's metadata sidecar, not an input of its own;
- the same file reached twice (a directory and a file in it) is read once.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from crosswire.ingest.text import SIDECAR_SUFFIXES

__all__ = ["Input", "expand", "is_url"]

_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Input:
    """One thing to read: a local file (``path``) or a feed URL (``url``)."""

    name: str  # as shown to the user
    path: Path | None = None
    url: str | None = None


def is_url(s: str) -> bool:
    return s.lower().startswith(("http://", "https://"))


def expand(paths: Iterable[str] | str) -> tuple[list[Input], list[str], list[str]]:
    """``(inputs, missing, empty_dirs)``: what to read, what matched nothing, directories without files."""
    if isinstance(paths, str | os.PathLike):
        paths = [os.fspath(paths)]
    inputs: list[Input] = []
    missing: list[str] = []
    empty_dirs: list[str] = []
    seen: set[str] = set()

    def add_file(p: Path, shown: str) -> None:
        key = os.path.realpath(p)
        if key not in seen:
            seen.add(key)
            inputs.append(Input(name=shown, path=p))

    for raw in paths:
        raw = os.fspath(raw)
        if is_url(raw):
            if raw not in seen:
                seen.add(raw)
                inputs.append(Input(name=raw, url=raw))
            continue
        p = Path(raw).expanduser()
        if p.is_dir():
            files = _walk(p)
            if not files:
                empty_dirs.append(raw)
            for f in _drop_sidecars(files):
                add_file(f, str(f))
        elif p.is_file():
            add_file(p, raw)
        elif _GLOB_CHARS & set(raw):
            matches = [Path(m) for m in sorted(glob.glob(os.path.expanduser(raw), recursive=True))]
            files = []
            for m in matches:
                files.extend(_walk(m) if m.is_dir() else [m] if m.is_file() else [])
            if not files:
                missing.append(raw)
            for f in _drop_sidecars(files):
                add_file(f, str(f))
        else:
            missing.append(raw)
    return inputs, missing, empty_dirs


def _walk(root: Path) -> list[Path]:
    out: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        out.extend(Path(dirpath) / f for f in sorted(filenames) if not f.startswith("."))
    return out


def _drop_sidecars(files: list[Path]) -> list[Path]:
    """Files minus metadata sidecars of other files in the list."""
    stems = {(f.parent, f.stem) for f in files if not f.name.endswith(".json")}
    kept = []
    for f in files:
        sidecar = next((s for s in SIDECAR_SUFFIXES if f.name.endswith(s)), None)
        if sidecar is not None and (f.parent, f.name[: -len(sidecar)]) in stems:
            continue
        kept.append(f)
    return kept
