"""Article tables: JSON Lines or CSV, one article a row.

A row needs a ``text`` column (``body``, ``content`` or ``article`` are read as it too;
column names are read in any case);
``id``, ``title``, ``published``, ``publisher``, ``url``, ``author`` and ``language`` are
used when present. A row without text, or a line that is not a JSON object, is reported
and skipped.

>>> rows = list(read_table('{"id": "a1", "text": "Putin spoke.", "published": "2024-05-16"}\\n', "jsonl", "t"))
>>> rows[0].name, rows[0].text, rows[0].meta["published"]
('a1', 'Putin spoke.', '2024-05-16')
"""

from __future__ import annotations

import csv
import io
import json
import sys
from dataclasses import dataclass, field
from typing import Iterator

from .document import Warn, ignore
from .ids import slug, url_id
from .metadata import set_date

TEXT_COLUMNS = ("text", "body", "content", "article")
META_COLUMNS = ("title", "publisher", "url", "author", "language")
FORMATS = ("jsonl", "csv")


@dataclass
class Row:
    """One article of a table: the id it asks for, its text and metadata."""

    name: str
    key: str  # what identifies the row across runs: its url, or ``#`` and its id or row number
    text: str
    meta: dict[str, str | None] = field(default_factory=dict)


def read_table(text: str, fmt: str, table: str, warn: Warn = ignore, where: str | None = None) -> Iterator[Row]:
    """The rows of a JSON Lines (``fmt="jsonl"``) or CSV table; ``table`` names it in ids."""
    where = where or table
    rows = _jsonl_rows(text, where, warn) if fmt == "jsonl" else _csv_rows(text, where, warn)
    for number, row in rows:
        row = {str(key).strip().lower(): value for key, value in row.items()}  # 'Text' is 'text'
        article = _row(row, number, table)
        if article is None:
            warn(f"{where}:{number}: no text (a 'text' column is needed); skipped")
            continue
        if row.get("published") and not set_date(article.meta, str(row["published"])):
            warn(f"{where}:{number}: published date {row['published']!r} is not a date; ignored")
        yield article


def _jsonl_rows(text: str, where: str, warn: Warn) -> Iterator[tuple[int, dict]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as err:
            warn(f"{where}:{number}: not JSON ({err}); skipped")
            continue
        if not isinstance(row, dict):
            warn(f"{where}:{number}: not a JSON object; skipped")
            continue
        yield number, row


def _csv_rows(text: str, where: str, warn: Warn) -> Iterator[tuple[int, dict]]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    columns = {name.strip().lower() for name in reader.fieldnames or ()}
    if not columns & set(TEXT_COLUMNS):
        raise ValueError(f"no text column (one of {', '.join(TEXT_COLUMNS)}) in this table")
    try:
        for number, row in enumerate(reader, start=2):
            if None in row:
                warn(f"{where}:{number}: more fields than columns; skipped")
                continue
            yield number, row
    except csv.Error as err:
        warn(f"{where}: CSV error ({err}); the rest of the table is skipped")


def _row(row: dict, number: int, table: str) -> Row | None:
    text = next((row[c] for c in TEXT_COLUMNS if isinstance(row.get(c), str) and row[c].strip()), None)
    if text is None:
        return None
    meta = {key: _clean(row.get(key)) for key in META_COLUMNS}
    given = _clean(row.get("id"))
    if given:
        name, key = given, f"#{given}"
    elif meta["url"]:
        name, key = url_id(meta["url"]), meta["url"]
    else:
        name, key = f"{slug(table) or 'row'}-{number}", f"#{number}"
    return Row(name=name, key=key, text=text, meta=meta)


def _clean(value) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None
