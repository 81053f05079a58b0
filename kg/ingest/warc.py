"""WARC web archives (``.warc``, ``.warc.gz``): every HTML response record is a page.

The record gives the page's URL (``WARC-Target-URI``) and its capture date
(``WARC-Date``), used when the page itself names no publication date.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator


@dataclass
class Record:
    url: str
    date: str | None
    html: bytes


def html_records(path: Path) -> Iterator[Record]:
    """The HTML responses (status 200) of the archive, in order.

    Raises ``warcio.exceptions.ArchiveLoadFailed`` (a ``ValueError``-like error) when the
    file is not a WARC archive.
    """
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            status = record.http_headers.get_statuscode()
            content_type = (record.http_headers.get_header("Content-Type") or "").lower()
            if status != "200" or "html" not in content_type:
                continue
            yield Record(url=record.rec_headers.get_header("WARC-Target-URI"),
                         date=record.rec_headers.get_header("WARC-Date"),
                         html=record.content_stream().read())
