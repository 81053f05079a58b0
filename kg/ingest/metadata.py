"""Publication dates, and the ``metadata.csv`` that may sit beside the input files.

>>> parse_date("2020-01-20T10:00:08+08:00")
('2020-01-20', '2020-01-20T10:00:08+08:00')
>>> parse_date("Mon, 16 Jan 2023 08:30:00 GMT")
('2023-01-16', '2023-01-16T08:30:00+00:00')
>>> parse_date("2024-05-16")
('2024-05-16', None)
>>> parse_date("yesterday")
(None, None)
"""

from __future__ import annotations

import csv
import datetime as dt
import email.utils
import io
from pathlib import Path

from .document import Warn, ignore
from .text import decode_text

METADATA_FILE = "metadata.csv"


def parse_date(value: str | None) -> tuple[str | None, str | None]:
    """``(YYYY-MM-DD, full ISO date-time or None)`` from an ISO 8601 or RFC 2822 date.

    The time is kept only where the source gives one (a bare midnight without a time
    zone is read as a date without a time).
    """
    value = (value or "").strip()
    if not value:
        return None, None
    try:
        when = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            return dt.date.fromisoformat(value[:10]).isoformat(), None
        except ValueError:
            pass
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None, None
    if len(value) <= 10 or (when.time() == dt.time() and when.tzinfo is None):
        return when.date().isoformat(), None
    return when.date().isoformat(), when.isoformat()


def set_date(meta: dict, value: str | None) -> bool:
    """Put the date of ``value`` into ``meta`` (``published``, ``published_at``); False if unreadable."""
    date, time = parse_date(value)
    if date is None:
        return False
    meta["published"], meta["published_at"] = date, time
    return True


def read_metadata(path: Path, warn: Warn = ignore) -> dict[str, dict[str, str | None]]:
    """Rows of a ``metadata.csv`` keyed by the ``doc`` column.

    UTF-8 (with or without the byte-order mark Excel writes) or UTF-16. Unknown columns
    are kept as they are. A file without a ``doc`` column, an unreadable file, a bad row
    or a second row for the same document is reported and ignored; it never stops
    ingestion.
    """
    try:
        rows = list(csv.DictReader(io.StringIO(decode_text(path.read_bytes()), newline=""), strict=True))
    except (OSError, ValueError, csv.Error) as err:
        warn(f"{path}: cannot read metadata ({err.__class__.__name__}: {err}); ignoring it")
        return {}
    if not rows or "doc" not in (rows[0].keys()):
        warn(f"{path}: no 'doc' column in the header; ignoring it")
        return {}
    table: dict[str, dict[str, str | None]] = {}
    first_row: dict[str, int] = {}
    for number, row in enumerate(rows, start=2):
        doc = (row.get("doc") or "").strip()
        if not doc or None in row:
            warn(f"{path}:{number}: malformed row (missing doc id or too many fields); skipped")
            continue
        if doc in table:
            warn(f"{path}:{number}: a second row for {doc!r} (the first is row {first_row[doc]}); ignored")
            continue
        meta = {key: (value.strip() or None) if isinstance(value, str) else None
                for key, value in row.items() if key and key != "doc"}
        if meta.get("published") and not set_date(meta, meta["published"]):
            warn(f"{path}:{number}: published date {meta['published']!r} is not ISO 8601; ignored")
            meta["published"] = None
        table[doc], first_row[doc] = meta, number
    return table
