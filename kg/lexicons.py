"""Word lists kept as data in ``kg/data/``: one entry per line, optional tab-separated tags.

>>> cues = lexicon("cue_verbs.txt")
>>> "say" in cues and "object" in cues["denounce"]
True
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def lexicon(name: str) -> dict[str, frozenset[str]]:
    """Entries of ``kg/data/<name>`` mapped to their tags; ``#`` starts a comment line."""
    text = resources.files("kg").joinpath("data", name).read_text("utf-8")
    entries: dict[str, frozenset[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        entry, *tags = [part.strip() for part in line.split("\t")]
        entries[entry] = entries.get(entry, frozenset()) | frozenset(t for t in tags if t)
    return entries


def words(name: str, tag: str | None = None) -> frozenset[str]:
    """The entries of ``kg/data/<name>`` (those with ``tag``, when given).

    >>> "in" in words("setting_prepositions.tsv", "relation"), "as" in words("setting_prepositions.tsv", "relation")
    (True, False)
    """
    return frozenset(entry for entry, tags in lexicon(name).items() if tag is None or tag in tags)


def honorific_gender(tags: frozenset[str] | tuple) -> str | None:
    """The gender among an honorific's tags (``kg/data/honorifics.tsv``), if it implies one.

    >>> honorific_gender(lexicon("honorifics.tsv")["lady"]), honorific_gender(lexicon("honorifics.tsv")["dr"])
    ('female', None)
    """
    return next((tag for tag in tags if tag in {"male", "female"}), None)
