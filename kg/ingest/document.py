"""The :class:`Document` every reader produces, and the boilerplate zones marked in it.

The text of a document is kept exactly as read (a file's decoded text, a page's extracted
article text): nothing is stripped or normalised afterwards, so every offset the later
stages produce indexes ``Document.text``. Boilerplate lines ("Advertisement", share
buttons, bylines, a caption printed twice) are *marked* as zones to skip, never cut out.

>>> doc = document_from_text("note", "Advertisement\\nPutin said it was fine.\\n")
>>> doc.title
'Putin said it was fine.'
>>> [doc.text[s:e] for s, e, _ in doc.skip]
['Advertisement']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Callable, Iterator

# the metadata every document has (None when unknown); readers may add author, language,
# published_at (the time of publication, where the source gives one) and duplicate_of
METADATA_FIELDS = ("title", "publisher", "published", "url")

Warn = Callable[[str], None]


class IngestError(Exception):
    """A problem with the input as a whole (for example a path that does not exist)."""


@dataclass
class Document:
    """One article: its id, its text, metadata and the zones to skip.

    ``path`` is where it was read from: a file path, a URL, or ``-`` for standard input.
    """

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


def ignore(message: str) -> None:
    """A ``warn`` callback that drops the message."""


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


# "SAN FRANCISCO --", "LONDON (Reuters) -", "WASHINGTON, D.C. —": the place (in capitals)
# and agency a paragraph opens with
DATELINE = re.compile(r"[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]*){0,4}(?:\s*\([A-Za-z .&-]{2,40}\))?\s*(?:--|[-–—])\s")
# "KARACHI: ..." (words in capitals and a colon) opening one line; a transcript's labels open many
COLON_DATELINE = re.compile(r"[A-Z][A-Z.'’-]+(?:,? [A-Z][A-Z.'’-]+){0,3}:\s")


def find_boilerplate(text: str) -> list[tuple[int, int, str]]:
    """Zones ``(start, end, reason)`` of lines that are page furniture, not article text.

    A line is boilerplate when it matches a pattern of ``kg/data/boilerplate.txt``, or
    when it repeats an earlier line word for word (captions and headlines printed twice).
    A paragraph's dateline ("SAN FRANCISCO --") is a zone of its own: no speaker, no actor.

    So has a line opening with words in capitals and a colon ("KARACHI: ..."), when it is
    the only one: in a transcript such labels name the speakers.

    >>> text = "LONDON (Reuters) - Shares fell."
    >>> [(text[a:b], why) for a, b, why in find_boilerplate(text)]
    [('LONDON (Reuters) -', 'dateline')]
    >>> text = "KARACHI: The home side won.\\nThe coach was pleased."
    >>> [(text[a:b], why) for a, b, why in find_boilerplate(text)]
    [('KARACHI:', 'dateline')]
    >>> find_boilerplate("ROE: We played well.\\nDOE: Thanks.")
    []
    """
    patterns = boilerplate_patterns()
    zones: list[tuple[int, int, str]] = []
    seen: set[str] = set()
    lines = [(start, end) for start, end in line_spans(text) if text[start:end].strip()]
    labelled = sum(1 for start, end in lines if COLON_DATELINE.match(text[start:end].lstrip()))
    for start, end in lines:
        raw = text[start:end]
        line = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        span = (start + lead, start + lead + len(line))
        dateline = DATELINE.match(line) or (COLON_DATELINE.match(line) if labelled == 1 else None)
        if any(p.fullmatch(line) for p in patterns):
            zones.append((*span, "boilerplate"))
        elif dateline and dateline.group().split()[0].rstrip(",").isupper() and dateline.end() < len(line):
            zones.append((span[0], span[0] + len(dateline.group().rstrip()), "dateline"))
        elif line in seen:
            zones.append((*span, "repeated"))
        seen.add(line)
    return zones


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
