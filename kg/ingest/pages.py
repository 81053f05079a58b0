"""Saved web pages -> article text and metadata, with trafilatura.

The extracted text *is* the document text: offsets point into it. Navigation, ads,
share buttons, related links and comments are left out by trafilatura (precision
first); blocks of links to other stories that it keeps at the end ("Editors'
Recommendations", "Related") are cut off here, and a page whose text trafilatura misses
but whose schema.org data carries it (``articleBody``) gives that text instead.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

MIN_ARTICLE_CHARS = 200
# elements that hold other stories, newsletters or ads, by class or id
PRUNE_XPATH = ["//*[contains(@class,'more-about') or contains(@id,'next-post') or contains(@class,'nextstory')"
               " or contains(@class,'related-') or contains(@id,'related-') or contains(@class,'recommend')"
               " or contains(@class,'newsletter') or contains(@class,'outbrain') or contains(@class,'taboola')]"]
# a line that opens a list of links to other stories: it and all that follows are cut
END_MARKER = re.compile(r"(editors?[’']?s?[’']? (picks|recommendations)|related( articles| stories| coverage)?|"
                        r"recommended( for you| reading| stories)?|you (may|might) also like|more (stories|news)"
                        r"( from .{1,40})?|read (more|next)|trending( now| stories)?|most (read|popular))\s*:?",
                        re.IGNORECASE)
BYLINE = re.compile(r"(?i:(?:written |reported |words )?by:?)\s+([A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3})")
TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+")
TITLE_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})|(\d{4}-\d{2}-\d{2})")


@dataclass
class Page:
    """What came out of one page: its article text and metadata (None when unknown)."""

    text: str
    meta: dict[str, str | None] = field(default_factory=dict)


class PageError(ValueError):
    """The page holds no article text."""


def extract_page(html: bytes | str, url: str | None = None) -> Page:
    """The article of a saved page: text, title, date, author, site, canonical URL, language.

    Raises :class:`PageError` when the page has no article text.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True,
        prune_xpath=PRUNE_XPATH,
        date_extraction_params={"original_date": True, "extensive_search": True,
                                "outputformat": "%Y-%m-%dT%H:%M:%S%z"})
    text = cut_trailing_links(doc.text or "") if doc is not None else ""
    body = schema_article_body(html)
    if body and len(body) > max(2 * len(text), MIN_ARTICLE_CHARS):
        text = body
    if len(text.strip()) < MIN_ARTICLE_CHARS:
        raise PageError("no article text found in the page")
    meta: dict[str, str | None] = {}
    if doc is not None:
        author = doc.author or None
        if not author or _same_site(_key(author), _key(doc.sitename or doc.hostname or "")):
            author = byline(text) or author  # the site named as author: the article's byline is better
        meta = {"title": clean_title(doc.title, doc.sitename or doc.hostname), "author": author,
                "publisher": doc.sitename or None, "url": doc.url or url,
                "language": doc.language or page_language(html),
                "date": title_date(doc.title) or doc.date or None}
    return Page(text=text.strip(), meta=meta)


def byline(text: str) -> str | None:
    """The name of a byline line among the first lines of the text ("Written by: Julie Mollins").

    >>> byline("Courtesy of Forests News\\nWritten by: Julie Mollins\\nIndigenous Peoples have ...")
    'Julie Mollins'
    """
    for line in text.split("\n")[:5]:
        match = BYLINE.fullmatch(line.strip())
        if match:
            return match.group(1)
    return None


def cut_trailing_links(text: str) -> str:
    """The text up to a line that opens a list of other stories, in the last third.

    >>> cut_trailing_links("Body one.\\nBody two.\\nBody three.\\nRelated:\\n- Other story")
    'Body one.\\nBody two.\\nBody three.'
    """
    lines = text.split("\n")
    for number in range(max(1, 2 * len(lines) // 3), len(lines)):
        if END_MARKER.fullmatch(lines[number].strip()):
            return "\n".join(lines[:number]).rstrip()
    return text


def clean_title(title: str | None, site: str | None) -> str | None:
    """The title without a trailing site name or date ("X | DW | 19.01.2020" -> "X").

    >>> clean_title("Berlin confronts its past | DW | 19.01.2020", "DW.COM")
    'Berlin confronts its past'
    >>> clean_title("Letters: Coddling criminals | Tax dollars", "The Mercury News")
    'Letters: Coddling criminals | Tax dollars'
    """
    if not title:
        return None
    title = title.strip()
    site_key = _key(site or "")
    while True:
        separators = list(TITLE_SEPARATOR.finditer(title))
        if not separators:
            return title
        last = title[separators[-1].end():].strip()
        if not (TITLE_DATE.fullmatch(last) or _same_site(_key(last), site_key)):
            return title
        title = title[:separators[-1].start()].strip()


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower().removeprefix("www."))


def _same_site(part: str, site: str) -> bool:
    return bool(part and site) and (part in site or site in part)


def title_date(title: str | None) -> str | None:
    """A date the title ends with ("... | DW | 10.06.2013" -> "2013-06-10"), else None."""
    if not title:
        return None
    match = TITLE_DATE.fullmatch(TITLE_SEPARATOR.split(title.strip())[-1].strip())
    if not match:
        return None
    if match.group(4):
        return match.group(4)
    day, month, year = (int(g) for g in match.group(1, 2, 3))
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None


def page_language(html: bytes | str) -> str | None:
    """The language the page declares (``<html lang="en-GB">`` -> ``en-GB``), else None."""
    head = html[:20000].decode("utf-8", "replace") if isinstance(html, bytes) else html[:20000]
    match = re.search(r"<html\b[^>]*?\slang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)", head, re.IGNORECASE)
    return match.group(1) if match else None


def schema_article_body(html: bytes | str) -> str | None:
    """The longest ``articleBody`` in the page's schema.org JSON-LD, if any."""
    if isinstance(html, bytes):
        html = html.decode("utf-8", "replace")
    bodies: list[str] = []
    for block in re.findall(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", html, re.DOTALL | re.IGNORECASE):
        try:
            _collect(json.loads(block), bodies)
        except ValueError:
            continue
    return max(bodies, key=len) if bodies else None


def _collect(data, bodies: list[str]) -> None:
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "articleBody" and isinstance(value, str):
                bodies.append(value.strip())
            else:
                _collect(value, bodies)
    elif isinstance(data, list):
        for item in data:
            _collect(item, bodies)
