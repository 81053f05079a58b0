"""Bytes -> text, and what kind of input some bytes are.

>>> decode_text("\\ufeffHeadline".encode("utf-8"))
'Headline'
>>> decode_text("Headline".encode("utf-16"))
'Headline'
>>> sniff(b"%PDF-1.7 ...")
'pdf'
>>> looks_english("Der Kanzler sagte am Montag, dass die Regierung " * 10)
False
"""

from __future__ import annotations

import codecs
import re

# byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one)
BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))

# magic numbers of inputs claimgraph does not read, with the name said in the warning
UNSUPPORTED = ((b"%PDF", "pdf"), (b"PK\x03\x04", "zip"), (b"\xd0\xcf\x11\xe0", "office"),
               (b"{\\rtf", "rtf"), (b"\x89PNG", "image"), (b"\xff\xd8\xff", "image"), (b"GIF8", "image"),
               (b"RIFF", "image"), (b"II*\x00", "image"), (b"MM\x00*", "image"))
KIND_NAMES = {"pdf": "a PDF document", "zip": "a zip archive (a Word .docx, OpenDocument or e-book file?)",
              "office": "an old Microsoft Office document (.doc, .xls, .ppt)", "rtf": "an RTF document",
              "image": "an image"}

# the commonest English words: in English prose they are a third of all words or more
ENGLISH_WORDS = frozenset("""the of and to a in is that for it was on with as he she said by at be are have
from this his her not but they has an will which were their been or we would who its i you had more about
after than also there one when can all what if up out into over could new so no just our people year""".split())
MIN_WORDS_FOR_LANGUAGE = 40
MIN_ENGLISH_SHARE = 0.15


def decode_text(data: bytes) -> str:
    """Decode bytes as text: UTF-8, or UTF-16/32 with a byte-order mark; the mark is dropped.

    UTF-16 text has zero bytes (every space and line break has one): bytes that start
    with a UTF-16 mark but have none are not taken for UTF-16. Raises ValueError saying
    why the bytes are not text.

    >>> decode_text(b"\\xff\\xfe not utf-8")
    Traceback (most recent call last):
    ...
    ValueError: not UTF-8 text (byte 0xff at offset 0)
    """
    for bom, encoding in BOMS:
        if data.startswith(bom) and not (encoding.startswith("utf-16") and b"\x00" not in data[2:8192]):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as err:
                raise ValueError(f"not {encoding.upper()} text although it starts with its byte-order mark "
                                 f"({err.reason} at offset {err.start + len(bom)})") from None
    if b"\x00" in data[:8192]:
        encoding = _utf16_without_bom(data)
        if encoding:
            return data.decode(encoding)
        raise ValueError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ValueError(f"not UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start})") from None


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when the bytes read as mostly-ASCII UTF-16, else None."""
    head = data[:8192]
    if len(data) % 2 or len(head) < 4:
        return None
    for encoding, zeros in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
        if zeros.count(0) >= 0.9 * len(zeros):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text:
                return encoding
    return None


def sniff(data: bytes) -> str:
    """The kind of input some bytes hold, from their first bytes.

    One of ``pdf``, ``zip``, ``office``, ``rtf``, ``image`` (none of which claimgraph
    reads), ``warc``, ``gzip``, ``feed``, ``html`` or ``text``.
    """
    for magic, kind in UNSUPPORTED:
        if data.startswith(magic):
            return kind
    if data.startswith(b"WARC/"):
        return "warc"
    if data.startswith(b"\x1f\x8b"):
        return "gzip"
    head = _head_text(data)
    if head.startswith("<?xml") or head.startswith("<rss") or head.startswith("<feed"):
        if re.search(r"<(rss|feed|rdf:rdf)\b", head):
            return "feed"
    if re.match(r"(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype html|html|head|body)\b", head, re.DOTALL):
        return "html"
    return "text"


def _head_text(data: bytes) -> str:
    """The first kilobytes, decoded loosely, lower-cased and stripped, for sniffing."""
    head = data[:4096]
    for bom, encoding in BOMS:
        if head.startswith(bom):
            return head[len(bom):].decode(encoding, "ignore").lstrip().lower()
    return head.decode("utf-8", "ignore").lstrip().lower()


def looks_english(text: str) -> bool:
    """True unless the text is long enough to tell and few of its words are common English ones.

    >>> looks_english("Putin said that Russia would win the war, and that the West was to blame. " * 5)
    True
    """
    words = re.findall(r"[^\W\d_]+", text[:20000].lower())
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return True
    return sum(word in ENGLISH_WORDS for word in words) >= MIN_ENGLISH_SHARE * len(words)
