"""Fixtures for the align tests: ``seedkit`` (a hand-built seed Extraction) on the import path.

The seed extraction, its alignment and the embedders are session fixtures in ``tests/conftest.py``,
shared with the brief tests so they are built once per run.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
