"""Fixtures for the extract tests: ``bratkit`` (brat corpora the quote-tagger tests write) on the import path."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
