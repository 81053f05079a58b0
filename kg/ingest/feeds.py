"""RSS and Atom feeds: the entries, each with its link, date and title (``feedparser``).

>>> feed = b'''<rss version="2.0"><channel><title>Wire</title><item><title>Talks resume</title>
... <link>https://example.com/talks</link><pubDate>Mon, 16 Jan 2023 08:30:00 GMT</pubDate></item></channel></rss>'''
>>> [(e.link, e.title, e.published) for e in feed_entries(feed)]
[('https://example.com/talks', 'Talks resume', '2023-01-16T08:30:00+00:00')]
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass


@dataclass
class Entry:
    link: str | None
    title: str | None
    published: str | None  # ISO date-time (UTC), from the entry's published or updated date
    feed_title: str | None


class FeedError(ValueError):
    """Bytes that are not an RSS or Atom feed."""


def feed_entries(data: bytes) -> list[Entry]:
    """The entries of a feed, in the feed's order."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries and (parsed.get("bozo") or not parsed.get("version")):
        raise FeedError(f"not an RSS or Atom feed ({parsed.get('bozo_exception') or 'no entries'})")
    feed_title = parsed.feed.get("title") or None
    return [Entry(link=entry.get("link") or None, title=entry.get("title") or None,
                  published=_when(entry.get("published_parsed") or entry.get("updated_parsed")),
                  feed_title=feed_title)
            for entry in parsed.entries]


def _when(parsed) -> str | None:
    if not parsed:
        return None
    return dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.timezone.utc).isoformat()
