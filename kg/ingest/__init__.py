"""Ingest: inputs of every kind -> :class:`Document` (id, text, metadata, boilerplate zones).

Inputs are ``.txt`` files, saved web pages (``.html``), http(s) URLs, RSS/Atom feeds,
WARC archives, article tables (JSON Lines or CSV) and standard input (``-``); folders
are searched recursively. One module a kind of input:

- ``document``: the Document, boilerplate zones, :func:`document_from_text`
- ``text``: bytes -> text (UTF-8, UTF-16/32 with a byte-order mark), sniffing, language
- ``metadata``: dates, ``metadata.csv``
- ``pages``: article text and metadata of a web page (trafilatura)
- ``web``: fetching URLs; ``feeds``: RSS/Atom; ``warc``: web archives; ``tables``: JSONL/CSV
- ``ids``: ids that never collide; ``copies``: exact and near copies
- ``sources``: which reader each input needs, and the steps every document goes through

Bad input never stops a run: an input that cannot be read as a document is reported
through the ``warn`` callback with a one-line reason and skipped; the others go through.

>>> doc = document_from_text("note", "Advertisement\\nPutin said it was fine.\\n")
>>> doc.title
'Putin said it was fine.'
"""

from .document import (METADATA_FIELDS, Document, IngestError, Warn, boilerplate_patterns, document_from_text,
                       find_boilerplate, first_line_title, line_spans)
from .metadata import METADATA_FILE, parse_date, read_metadata
from .copies import fingerprint
from .sources import (MAX_CHARS, STDIN_FORMATS, SUFFIXES, Source, Stored, collect_files, collect_sources,
                      read_documents, unusable)
from .text import decode_text, looks_english, sniff
from .web import read_url_list

INPUT_FORMATS = """\
  .txt              plain text (UTF-8, or UTF-16 with a byte-order mark)
  .html, .htm       saved web pages: article text, title, date, author, site, URL
  http(s)://...     web pages (or feeds) fetched from the web
  .rss, .atom       RSS/Atom feeds (files or URLs): each entry's page is fetched
  .warc, .warc.gz   web archives: every HTML response is a page
  .jsonl, .csv      article tables: a 'text' column, optional id, title, published, publisher, url
  -                 standard input: one text, or a table with --format jsonl|csv
  metadata.csv      beside the files: doc, title, publisher, published, url per file"""

__all__ = ["Document", "IngestError", "Warn", "METADATA_FIELDS", "METADATA_FILE", "MAX_CHARS", "STDIN_FORMATS",
           "SUFFIXES", "INPUT_FORMATS", "Source", "Stored", "fingerprint", "boilerplate_patterns", "collect_files", "collect_sources",
           "decode_text", "document_from_text", "find_boilerplate", "first_line_title", "line_spans",
           "looks_english", "parse_date", "read_documents", "read_metadata", "read_url_list", "sniff",
           "unusable"]
