"""Files (+ an optional ``metadata.csv``) -> :class:`Document`.

The text of a document is kept exactly as decoded from the file: nothing is stripped or
normalised, so every offset the later stages produce indexes the file's own text.
Boilerplate lines ("Advertisement", share buttons, bylines, a caption printed twice) are
*marked* as zones to skip, never cut out.

Bad input never stops a run: a file that cannot be read as a document is reported through
the ``warn`` callback and skipped, and the other documents go through.

>>> doc = document_from_text("note", "Advertisement\\nPutin said it was fine.\\n")
>>> doc.title
'Putin said it was fine.'
>>> [doc.text[s:e] for s, e, _ in doc.skip]
['Advertisement']
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Iterator

METADATA_FILE = "metadata.csv"
METADATA_FIELDS = ("title", "publisher", "published", "url")
TEXT_SUFFIXES = (".txt",)

Warn = Callable[[str], None]


class IngestError(Exception):
    """A problem with the input as a whole (for example a path that does not exist)."""


@dataclass
class Document:
    """One article: its id, its verbatim text, metadata and the zones to skip."""

    id: str
    text: str
    meta: dict[str, str | None] = field(default_factory=dict)
    skip: list[tuple[int, int, str]] = field(default_factory=list)
    path: str | None = None

    @property
    def title(self) -> str | None:
        return self.meta.get("title")

    def is_skipped(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` overlaps a boilerplate zone."""
        return any(start < z_end and z_start < end for z_start, z_end, _ in self.skip)


def _ignore(message: str) -> None:
    pass


# --- boilerplate ---------------------------------------------------------------------


@lru_cache(maxsize=1)
def boilerplate_patterns() -> tuple[re.Pattern[str], ...]:
    """The line patterns of ``kg/data/boilerplate.txt`` (one regex per line)."""
    text = resources.files("kg").joinpath("data", "boilerplate.txt").read_text("utf-8")
    lines = [line.strip() for line in text.splitlines()]
    return tuple(re.compile(line, re.IGNORECASE) for line in lines if line and not line.startswith("#"))


def line_spans(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of every non-empty line of ``text``, without its line break."""
    for match in re.finditer(r"[^\r\n]+", text):
        yield match.start(), match.end()


def find_boilerplate(text: str) -> list[tuple[int, int, str]]:
    """Zones ``(start, end, reason)`` of lines that are page furniture, not article text.

    A line is boilerplate when it matches a pattern of ``kg/data/boilerplate.txt``, or
    when it repeats an earlier line word for word (captions and headlines printed twice).
    """
    patterns = boilerplate_patterns()
    zones: list[tuple[int, int, str]] = []
    seen: set[str] = set()
    for start, end in line_spans(text):
        raw = text[start:end]
        line = raw.strip()
        if not line:
            continue
        lead = len(raw) - len(raw.lstrip())
        span = (start + lead, start + lead + len(line))
        if any(p.fullmatch(line) for p in patterns):
            zones.append((*span, "boilerplate"))
        elif line in seen:
            zones.append((*span, "repeated"))
        seen.add(line)
    return zones


# --- metadata ------------------------------------------------------------------------


def _parse_date(value: str) -> str | None:
    """An ISO date (``YYYY-MM-DD``, or a datetime whose date part is kept) or None."""
    value = value.strip()
    for candidate in (value, value[:10]):
        try:
            return dt.date.fromisoformat(candidate).isoformat()
        except ValueError:
            continue
    return None


def read_metadata(path: Path, warn: Warn = _ignore) -> dict[str, dict[str, str | None]]:
    """Rows of a ``metadata.csv`` keyed by the ``doc`` column.

    Unknown columns are kept as they are. A file without a ``doc`` column, an unreadable
    file or a bad row is reported and ignored; it never stops ingestion.
    """
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh, strict=True))
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        warn(f"{path}: cannot read metadata ({err.__class__.__name__}: {err}); ignoring it")
        return {}
    if not rows or "doc" not in (rows[0].keys()):
        warn(f"{path}: no 'doc' column in the header; ignoring it")
        return {}
    table: dict[str, dict[str, str | None]] = {}
    for number, row in enumerate(rows, start=2):
        doc = (row.get("doc") or "").strip()
        if not doc or None in row:
            warn(f"{path}:{number}: malformed row (missing doc id or too many fields); skipped")
            continue
        meta = {key: (value.strip() or None) if isinstance(value, str) else None
                for key, value in row.items() if key and key != "doc"}
        if meta.get("published"):
            date = _parse_date(meta["published"])
            if date is None:
                warn(f"{path}:{number}: published date {meta['published']!r} is not ISO 8601; ignored")
            meta["published"] = date
        table[doc] = meta
    return table


# --- documents -----------------------------------------------------------------------


def first_line_title(text: str, skip: list[tuple[int, int, str]]) -> str | None:
    """The first non-empty line that is not boilerplate, stripped."""
    for start, end in line_spans(text):
        line = text[start:end].strip()
        if line and not any(start < z_end and z_start < end for z_start, z_end, _ in skip):
            return line
    return None


def document_from_text(doc_id: str, text: str, meta: dict | None = None,
                       path: str | None = None) -> Document:
    """Build a :class:`Document`, marking boilerplate and filling in a title if missing."""
    skip = find_boilerplate(text)
    meta = {key: None for key in METADATA_FIELDS} | dict(meta or {})
    if not meta.get("title"):
        meta["title"] = first_line_title(text, skip)
    return Document(id=doc_id, text=text, meta=meta, skip=skip, path=path)


def decode_text(data: bytes) -> str:
    """Decode a file's bytes as UTF-8 text, or raise ValueError saying why it is not text."""
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ValueError(f"not UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start})") from None


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """The input files: files as given, folders searched recursively, sorted by path."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES))
        elif path.is_file():
            files.append(path)
        else:
            raise IngestError(f"path not found: {raw}")
    return files


def read_documents(paths: Iterable[str | Path], lines: bool = False,
                   warn: Warn = _ignore) -> Iterator[Document]:
    """Read every document under ``paths``.

    ``metadata.csv`` beside a file supplies its title, publisher, date and url (matched on
    the file name without extension). With ``lines=True`` every non-empty line is its own
    document with id ``<stem>:<line number>``. A missing path raises :class:`IngestError`
    at once; unreadable files are reported via ``warn`` and skipped.
    """
    return _iter_documents(collect_files(paths), lines, warn)


def _iter_documents(files: list[Path], lines: bool, warn: Warn) -> Iterator[Document]:
    metadata: dict[Path, dict[str, dict]] = {}
    seen_ids: set[str] = set()
    for path in files:
        if path.name == METADATA_FILE:
            continue
        folder = path.parent
        if folder not in metadata:
            meta_path = folder / METADATA_FILE
            metadata[folder] = read_metadata(meta_path, warn) if meta_path.is_file() else {}
        try:
            text = decode_text(path.read_bytes())
        except (OSError, ValueError) as err:
            warn(f"{path}: {err}; skipped")
            continue
        if lines:
            for number, line in enumerate(text.split("\n"), start=1):
                line = line.rstrip("\r")
                if line.strip():
                    yield document_from_text(f"{path.stem}:{number}", line, path=str(path))
            continue
        if not text.strip():
            warn(f"{path}: empty document; skipped")
            continue
        doc_id = path.stem
        if doc_id in seen_ids:
            warn(f"{path}: a document with id {doc_id!r} was already read; skipped")
            continue
        seen_ids.add(doc_id)
        yield document_from_text(doc_id, text, metadata[folder].get(doc_id), path=str(path))
