"""Document ids that never collide, and that stay the same when the same input comes again.

A file's id is its name without the extension (``seeds/002_x.txt`` -> ``002_x``), as the
record format promises; a second, different file with the same name gets the name plus a
short hash of its path. A page read from a URL is named by the last part of its path plus
a short hash of the whole URL, so two pages with the same slug never meet.

>>> url_id("https://example.com/world/2024/05/putin-visits-china.html")
'putin-visits-china-8977e17e'
>>> ids = Ids()
>>> ids.assign("article1", "/data/a/article1.txt"), ids.assign("article1", "/data/a/article1.txt")
('article1', 'article1')
>>> ids.assign("article1", "/data/b/article1.txt")
'article1-9144ebe7'
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import unquote, urlsplit

SLUG_LENGTH = 60


def short_hash(value: str, length: int = 8) -> str:
    return hashlib.sha1(value.encode("utf-8")).hexdigest()[:length]


def slug(text: str) -> str:
    """Lower-case letters, digits, ``_`` and ``-`` only; at most 60 characters.

    >>> slug("Putin Visits China!")
    'putin-visits-china'
    """
    return re.sub(r"[^a-z0-9_]+", "-", text.lower()).strip("-")[:SLUG_LENGTH].strip("-")


def url_id(url: str) -> str:
    """The last part of the URL's path (without extension) and a hash of the whole URL."""
    parts = urlsplit(url)
    segments = [s for s in unquote(parts.path).split("/") if s]
    name = slug(re.sub(r"\.[a-z0-9]{1,5}$", "", segments[-1], flags=re.IGNORECASE)) if segments else ""
    return f"{name or slug(parts.hostname or '') or 'page'}-{short_hash(url)}"


class Ids:
    """Hands out ids: the wanted one, unless another source already has it.

    ``known`` maps ids already taken (for example by an earlier build) to their source.
    """

    def __init__(self, known: dict[str, str] | None = None) -> None:
        self.owner: dict[str, str] = dict(known or {})

    def assign(self, wanted: str, source: str) -> str:
        doc_id = wanted
        if self.owner.get(doc_id, source) != source:
            doc_id = f"{wanted}-{short_hash(source)}"
        self.owner[doc_id] = source
        return doc_id
