"""Inputs -> :class:`Document`: which reader each input needs, and what every document gets.

Every reader turns its input into *items* (the id it asks for, what identifies it, its
text and metadata). Then each item, whatever its kind, goes through the same steps:
``metadata.csv`` and ``--published`` fill in metadata, documents that cannot be used are
skipped with a one-line reason, the id is made unique, and copies are linked to their
first copy.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Mapping

from .copies import CopyFinder
from .document import Document, IngestError, Warn, document_from_text, ignore
from .feeds import FeedError, feed_entries
from .ids import Ids, short_hash, url_id
from .metadata import METADATA_FILE, read_metadata, set_date
from .pages import extract_page
from .tables import read_table
from .text import KIND_NAMES, decode_text, looks_english, sniff
from .warc import html_records
from .web import FetchError, fetch, is_url

MAX_CHARS = 100_000  # a longer document is skipped (spaCy needs ~3.3 KB per character; see kg.pipeline)
MAX_FILE_BYTES = 20 * 2**20  # a larger file (other than a table or an archive) is not read
STDIN = "-"
STDIN_FORMATS = ("text", "html", "jsonl", "csv")

# file name endings read in a folder, and the reader each one needs
SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html", ".xhtml": "html", ".warc": "warc",
            ".warc.gz": "warc", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".rss": "feed",
            ".atom": "feed"}
# endings of documents claimgraph cannot read: named in a warning when a folder holds them
UNSUPPORTED_SUFFIXES = {".pdf": "pdf", ".doc": "office", ".docx": "zip", ".odt": "zip", ".rtf": "rtf",
                        ".epub": "zip", ".png": "image", ".jpg": "image", ".jpeg": "image", ".gif": "image",
                        ".webp": "image", ".tif": "image", ".tiff": "image"}


@dataclass
class Source:
    """One input: a file (``kind`` from its name), a URL, or standard input."""

    kind: str  # text | html | warc | jsonl | csv | feed | auto | url | stdin
    location: str
    path: Path | None = None


@dataclass
class Item:
    """A document as a reader gives it, before the steps every document goes through."""

    name: str  # the id it asks for
    key: str  # what identifies it: the same input again has the same key
    text: str
    where: str  # for messages and Document.path: a file path, URL, or path#row
    meta: dict[str, str | None] = field(default_factory=dict)
    folder: Path | None = None  # where its metadata.csv would be
    stem: str | None = None  # its row in metadata.csv


def suffix_kind(path: Path) -> str | None:
    name = path.name.lower()
    if name == METADATA_FILE:
        return None
    return next((kind for suffix, kind in SUFFIXES.items() if name.endswith(suffix)), None)


def collect_sources(paths: Iterable[str | Path], warn: Warn = ignore) -> list[Source]:
    """The inputs: files as given, folders searched recursively (sorted), URLs, ``-``.

    A path that does not exist raises :class:`IngestError` before anything is read. In a
    folder, files of kinds claimgraph cannot read (PDF, Word, images) and sub-folders that
    cannot be read are reported through ``warn``.
    """
    sources: list[Source] = []
    for raw in paths:
        raw = str(raw)
        if raw in (STDIN, "/dev/stdin"):
            sources.append(Source("stdin", STDIN))
        elif is_url(raw):
            sources.append(Source("url", raw))
        elif Path(raw).is_dir():
            sources.extend(_folder(Path(raw), warn))
        elif Path(raw).exists():
            path = Path(raw)
            sources.append(Source(suffix_kind(path) or "auto", str(path), path))
        else:
            raise IngestError(f"path not found: {raw}")
    return sources


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """The input files under ``paths`` (folders searched recursively), without URLs or ``-``."""
    return [source.path for source in collect_sources(paths) if source.path is not None]


def _folder(folder: Path, warn: Warn) -> list[Source]:
    found: list[Source] = []
    others: dict[str, int] = {}

    def unreadable(err: OSError) -> None:
        warn(f"{err.filename}: cannot read this folder ({err.strerror}); skipped")

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            path = Path(root) / name
            kind = suffix_kind(path)
            if kind:
                found.append(Source(kind, str(path), path))
            elif path.suffix.lower() in UNSUPPORTED_SUFFIXES:
                warn(f"{path}: {KIND_NAMES[UNSUPPORTED_SUFFIXES[path.suffix.lower()]]} is not read "
                     f"(save it as text or HTML); skipped")
            elif not name.startswith(".") and name != METADATA_FILE:
                others[path.suffix.lower() or "(none)"] = others.get(path.suffix.lower() or "(none)", 0) + 1
    if others and not found:
        listed = ", ".join(f"{count} {suffix}" for suffix, count in sorted(others.items()))
        warn(f"{folder}: no file of a kind claimgraph reads (found {listed})")
    return sorted(found, key=lambda s: s.location)


# --- readers: one source -> items -------------------------------------------------------


@dataclass
class Options:
    lines: bool = False
    fmt: str | None = None  # the format of standard input
    stdin: BinaryIO | None = None


def read_source(source: Source, options: Options, warn: Warn) -> Iterator[Item]:
    """The items of one source; problems with it or its parts go to ``warn``."""
    try:
        if source.kind == "url":
            yield from _url(source.location, warn)
        elif source.kind == "stdin":
            yield from _stdin(options, warn)
        elif source.kind == "warc":
            yield from _warc(source.path, warn)
        else:
            yield from _file(source, options, warn)
    except Exception as err:  # one bad input never stops a run
        warn(f"{source.location}: {_reason(err)}; skipped")


def _reason(err: Exception) -> str:
    """A one-line reason; errors of unexpected kinds are named by their class."""
    if isinstance(err, OSError) and err.strerror:
        return f"cannot read it ({err.strerror})"
    first_line = str(err).splitlines()[0] if str(err) else ""
    if isinstance(err, (OSError, ValueError, FetchError)) and first_line:
        return first_line
    return f"{err.__class__.__name__}: {first_line}" if first_line else err.__class__.__name__


def _file(source: Source, options: Options, warn: Warn) -> Iterator[Item]:
    path = source.path
    size = path.stat().st_size if path.is_file() else 0
    if size > MAX_FILE_BYTES and source.kind not in ("jsonl", "csv"):
        raise ValueError(f"{size:,} bytes, over the limit of {MAX_FILE_BYTES:,} for one file")
    data = path.read_bytes()
    kind = _kind(data, source.kind)
    key, where = str(path.resolve()), str(path)
    common = {"folder": path.parent, "stem": path.stem}
    if kind == "html":
        page = extract_page(data)
        yield Item(path.stem, key, page.text, where, _page_meta(page.meta), **common)
    elif kind == "feed":
        yield from _feed(data, where, warn)
    elif kind == "warc":
        yield from _warc(path, warn)
    elif kind in ("jsonl", "csv"):
        for row in read_table(decode_text(data), kind, path.stem, warn, where):
            yield Item(row.name, key + row.key if row.key.startswith("#") else row.key, row.text,
                       f"{where}#{row.name}", row.meta)
    else:
        yield from _text(path.stem, key, decode_text(data), where, options.lines, common)


def _kind(data: bytes, named: str) -> str:
    """The reader for some bytes: what they are, else what the file name says."""
    kind = sniff(data)
    if kind in KIND_NAMES:
        raise ValueError(f"{KIND_NAMES[kind]} is not read (save it as text or HTML)")
    if kind == "gzip":
        if named == "warc":
            return "warc"
        raise ValueError("a gzip-compressed file (only .warc.gz archives are read compressed)")
    if kind == "text" and named not in ("auto", "text"):
        return named
    return kind


def _text(name: str, key: str, text: str, where: str, lines: bool, common: dict) -> Iterator[Item]:
    if not lines:
        yield Item(name, key, text, where, **common)
        return
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip("\r")
        if line.strip():
            yield Item(f"{name}:{number}", f"{key}:{number}", line, where)


def _page_meta(meta: dict) -> dict:
    """A page's metadata with its date read as ``published`` (and ``published_at``)."""
    meta = dict(meta)
    set_date(meta, meta.pop("date", None))
    return meta


def _url(url: str, warn: Warn, feeds: bool = True) -> Iterator[Item]:
    """The page at ``url``, or the pages of the feed at ``url`` (unless ``feeds`` is False)."""
    fetched = fetch(url)
    kind = sniff(fetched.data)
    if kind == "feed" or "rss" in fetched.content_type or "atom" in fetched.content_type:
        if not feeds:
            raise ValueError("a feed, where a page was expected")
        yield from _feed(fetched.data, url, warn)
        return
    if kind in KIND_NAMES:
        raise ValueError(f"{KIND_NAMES[kind]} is not read (save it as text or HTML)")
    if kind == "html" or "html" in fetched.content_type:
        page = extract_page(fetched.data, fetched.url)
        meta = _page_meta(page.meta)
        yield Item(url_id(url), url, page.text, url, meta)
        return
    yield Item(url_id(url), url, decode_text(fetched.data), url, {"url": fetched.url})


def _feed(data: bytes, where: str, warn: Warn) -> Iterator[Item]:
    entries = feed_entries(data)
    for number, entry in enumerate(entries, start=1):
        if not entry.link:
            warn(f"{where}: entry {number} ({entry.title or 'no title'}) has no link; skipped")
            continue
        try:
            items = list(_url(entry.link, warn, feeds=False))
        except Exception as err:  # one bad entry never stops the feed
            warn(f"{entry.link}: {_reason(err)}; skipped")
            continue
        for item in items:
            item.meta.setdefault("title", None)
            if not item.meta.get("title"):
                item.meta["title"] = entry.title
            if not item.meta.get("published"):
                set_date(item.meta, entry.published)
            if not item.meta.get("publisher"):
                item.meta["publisher"] = entry.feed_title
            yield item


def _warc(path: Path, warn: Warn) -> Iterator[Item]:
    pages = 0
    try:
        for record in html_records(path):
            pages += 1
            try:
                page = extract_page(record.html, record.url)
            except Exception as err:  # one bad record never stops the archive
                warn(f"{path}: {record.url}: {_reason(err)}; skipped")
                continue
            meta = _page_meta(page.meta)
            meta["url"] = meta.get("url") or record.url
            if not meta.get("published"):
                set_date(meta, record.date)
            yield Item(url_id(record.url), record.url, page.text, record.url, meta)
    except Exception as err:  # warcio raises its own errors for damaged archives
        if isinstance(err, (OSError, ValueError)) and not err.__class__.__module__.startswith("warcio"):
            raise
        raise ValueError(f"not a readable WARC archive ({err.__class__.__name__}: "
                         f"{_reason(err).split(', first line')[0]})") from None
    if not pages:
        warn(f"{path}: no HTML page (a response record of status 200) in this archive")


def _stdin(options: Options, warn: Warn) -> Iterator[Item]:
    data = (options.stdin or sys.stdin.buffer).read()
    fmt = options.fmt or "text"
    if fmt in ("jsonl", "csv"):
        for row in read_table(decode_text(data), fmt, "stdin", warn, "stdin"):
            yield Item(row.name, "stdin" + row.key if row.key.startswith("#") else row.key, row.text,
                       f"stdin#{row.name}", row.meta)
        return
    kind = "html" if fmt == "html" else _kind(data, "text")
    if kind == "html":
        page = extract_page(data)
        yield Item(f"stdin-{short_hash(page.text)}", f"stdin:{short_hash(page.text)}", page.text, STDIN,
                   _page_meta(page.meta))
    else:
        text = decode_text(data)
        yield from _text(f"stdin-{short_hash(text)}", f"stdin:{short_hash(text)}", text, STDIN, options.lines, {})


# --- the steps every document goes through ----------------------------------------------


@dataclass
class Stored:
    """What ingest needs to know of a document already stored (say by an earlier build):
    the key of its input, the fingerprint of its text, the first copy it copies."""

    input_key: str | None = None
    fingerprint: str | None = None
    duplicate_of: str | None = None


def read_documents(paths: Iterable[str | Path], lines: bool = False, warn: Warn = ignore, *,
                   fmt: str | None = None, published: str | None = None, stored: Mapping[str, Stored] | None = None,
                   copies: bool = True, max_chars: int = MAX_CHARS, stdin: BinaryIO | None = None
                   ) -> Iterator[Document]:
    """Read every document under ``paths`` (files, folders, URLs, ``-`` for standard input).

    ``metadata.csv`` beside a file supplies its title, publisher, date and url (matched on
    the file name without extension), over ``published`` (a date for every document of
    the run), over what the page, feed or archive says. With ``lines=True`` every
    non-empty line of a text input is its own document with id ``<stem>:<line number>``.
    ``fmt`` is the format of standard input (text, html, jsonl or csv). ``stored`` maps
    the ids of documents already stored to what is known of them: a new input never takes
    their id, and a copy of one of them links to it. A missing path raises
    :class:`IngestError` at once; inputs that cannot be used are reported via ``warn``
    and skipped.
    """
    if published is not None and set_date({}, published) is False:
        raise IngestError(f"--published takes a date as YYYY-MM-DD, not {published!r}")
    if fmt is not None and fmt not in STDIN_FORMATS:
        raise IngestError(f"the format of standard input is one of {', '.join(STDIN_FORMATS)}, not {fmt!r}")
    sources = collect_sources(paths, warn)
    options = Options(lines=lines, fmt=fmt, stdin=stdin)
    stored = stored or {}
    ids = Ids({doc_id: known.input_key for doc_id, known in stored.items() if known.input_key})
    finder = None
    if copies and not lines:
        finder = CopyFinder()
        for doc_id, known in stored.items():
            if known.fingerprint:
                finder.remember(doc_id, known.fingerprint, known.duplicate_of)
    return _documents(sources, options, warn, published, ids, finder, max_chars)


def _documents(sources: list[Source], options: Options, warn: Warn, published: str | None, ids: Ids,
               copies: CopyFinder | None, max_chars: int) -> Iterator[Document]:
    metadata: dict[Path, dict[str, dict]] = {}
    seen: set[str] = set()
    for source in sources:
        for item in read_source(source, options, warn):
            if item.key in seen:
                warn(f"{item.where}: given twice; read once")
                continue
            seen.add(item.key)
            reason = unusable(item.text, max_chars, item.meta.get("language"))
            if reason:
                warn(f"{item.where}: {reason}; skipped")
                continue
            meta = dict(item.meta)
            if published:
                set_date(meta, published)
            if item.folder is not None:
                meta.update(_metadata_row(metadata, item.folder, item.stem, warn))
            meta["input_key"] = short_hash(item.key, 16)
            doc_id = ids.assign(item.name, meta["input_key"])
            meta["duplicate_of"] = copies.first_copy(doc_id, item.text) if copies else None
            yield document_from_text(doc_id, item.text, meta, path=item.where)


def _metadata_row(metadata: dict[Path, dict[str, dict]], folder: Path, stem: str | None, warn: Warn) -> dict:
    """The non-empty values of the file's row in the ``metadata.csv`` of its folder."""
    if folder not in metadata:
        path = folder / METADATA_FILE
        metadata[folder] = read_metadata(path, warn) if path.is_file() else {}
    row = metadata[folder].get(stem or "", {})
    return {key: value for key, value in row.items() if value is not None or key == "published_at"
            and row.get("published")}


def unusable(text: str, max_chars: int = MAX_CHARS, language: str | None = None) -> str | None:
    """Why a text cannot be a document (empty, too long, not English), or None.

    >>> unusable("  \\n")
    'empty document'
    """
    if not text.strip():
        return "empty document"
    if len(text) > max_chars:
        return f"{len(text):,} characters, over the limit of {max_chars:,} for one document"
    if not looks_english(text):
        declared = f"the page says {language!r}; " if language and not language.lower().startswith("en") else ""
        return f"not English ({declared}claimgraph reads English articles only)"
    return None
