"""Publication dates of inputs as ISO ``YYYY-MM-DD`` (None when unparseable).

Fast paths first (ISO strings, RFC 822 dates of feeds and mail, struct_time
from feedparser); dateparser only for the rest, with relative expressions
("yesterday") switched off: a stored date must not depend on when it was read.
"""
from __future__ import annotations

import re
import time
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])")


def to_iso(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time.struct_time):
        try:
            return date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
        except ValueError:
            return None
    s = str(value).strip()
    m = _ISO.match(s)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(s).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    if not re.search(r"\d{4}", s):       # no year: would be guessed from today
        return None
    import dateparser
    try:
        dt = dateparser.parse(s, settings={"PARSERS": ["timestamp", "custom-formats", "absolute-time"],
                                           "REQUIRE_PARTS": ["day", "month", "year"],
                                           "RETURN_AS_TIMEZONE_AWARE": False})
    except Exception:  # noqa: BLE001 - dateparser raises many kinds on odd text
        return None
    return dt.date().isoformat() if dt else None
