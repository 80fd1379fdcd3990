"""Publication dates from metadata → ISO 8601 strings.

Input → output: a date as a sidecar, JSONL record, HTML page or feed gives it → ISO 8601
(``2025-07-02`` or ``2025-07-02T08:15:00+05:30``), or None when it cannot be read. A date is
never invented: no file modification times, no "today".
"""

from __future__ import annotations

import re
import time
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

__all__ = ["from_epoch", "from_struct_time", "normalize_date"]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def normalize_date(value: object) -> str | None:
    """ISO 8601 for an ISO, RFC 2822 or common written date; None when unreadable or empty."""
    if not isinstance(value, str):
        return None
    s = value.strip()
    if not s:
        return None
    if _ISO_DATE.match(s):
        try:
            return date.fromisoformat(s).isoformat()
        except ValueError:
            return None
    try:
        return datetime.fromisoformat(s).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(s).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    return _dateparser(s)


def from_epoch(value: float) -> str | None:
    """Epoch seconds (UTC) → ISO 8601 with offset; None when out of range."""
    try:
        return datetime.fromtimestamp(value, tz=UTC).isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def from_struct_time(value: time.struct_time | None) -> str | None:
    """A feedparser ``*_parsed`` value (UTC) → ISO 8601 with offset."""
    if value is None:
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC).isoformat()
    except (TypeError, ValueError):
        return None


def _dateparser(s: str) -> str | None:
    """Written dates ("July 2, 2025", "2 July 2025 10:00 IST"); dateparser is imported only here."""
    if len(s) > 64 or not re.search(r"\d{4}", s):
        # Without a year the date would be guessed against today: refuse rather than invent.
        return None
    try:
        import dateparser
    except ImportError:
        return None
    parsed = dateparser.parse(s, settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]})
    if parsed is None:
        return None
    when: datetime = parsed
    if (when.hour, when.minute, when.second) == (0, 0, 0) and not re.search(r"\d:\d", s):
        return when.date().isoformat()
    return when.isoformat()
