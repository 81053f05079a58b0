"""Names as strings: ids from names, the form names are compared in, family names.

>>> slug("Russian President Vladimir Putin")
'russian_president_vladimir_putin'
>>> family_name("Xi Jinping"), family_name("Angela Merkel"), family_name("Putin")
('Xi', 'Merkel', None)
>>> looks_like_name("the West"), looks_like_name("the Russian president")
(True, False)
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .lexicons import lexicon

DESCRIBED = "described_"  # the id prefix of an actor of one document, known by its description
ARTICLES = ("the ", "The ")


def slug(name: str) -> str:
    """A stable, IRI-safe id from a name: ascii, lower case, words joined by ``_``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_name.lower().replace("'", "").replace("’", ""))
    return "_".join(words) or "actor"


def name_key(name: str) -> str:
    """The form names are compared in: casefolded, curly quotes and spaces normalised."""
    name = name.replace("’", "'").replace("‘", "'")
    return " ".join(name.split()).casefold()


def without_article(name: str) -> str:
    """``name`` without a leading "the"."""
    return name[4:] if name.startswith(ARTICLES) and len(name) > 4 else name


def looks_like_name(text: str) -> bool:
    """True for proper names ("the West", "Xi Jinping"), false for descriptions.

    A description ("the Russian president", "Chinese companies") ends in a lower-case
    word; only names are looked up as names, so a description never stands for an actor
    in another document where it may mean someone else.
    """
    words = without_article(text).split()
    return bool(words) and not words[-1][:1].islower()


GENERATION_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}  # of a family, after the family name


def family_name(label: str) -> str | None:
    """The family name of a two- to four-word person name; None for a single word.

    The last word before a generational suffix ("Jr.", "III"), except for names that put
    the family name first ("Xi Jinping", ``kg/data/family_name_first.txt``).

    >>> family_name("James P. Kennedy Jr."), family_name("Xi Jinping"), family_name("Kennedy")
    ('Kennedy', 'Xi', None)
    """
    words = label.replace(",", " ").split()
    while len(words) > 2 and words[-1].lower() in GENERATION_SUFFIXES:
        words.pop()
    if len(words) < 2:
        return None
    if len(words) <= 3 and words[0] in lexicon("family_name_first.txt"):
        return words[0]
    return words[-1]


@lru_cache(maxsize=1)
def family_particles() -> frozenset[str]:
    """The lower-case words a family name may begin with (``kg/data/name_connectors.txt``)."""
    return frozenset(word for word, tags in lexicon("name_connectors.txt").items() if "particle" in tags)


def family_with_particles(label: str) -> str | None:
    """The family name with the particles before it, when it has some ("de Vries-Bakker",
    "von der Leyen"): a text may use it so as well as the last word alone.

    >>> family_with_particles("Marieke de Vries-Bakker"), family_with_particles("Van Morrison")
    ('de Vries-Bakker', None)
    """
    words = label.split()
    first = len(words) - 1
    while first > 1 and words[first - 1].lower() in family_particles():
        first -= 1
    return " ".join(words[first:]) if first < len(words) - 1 else None


def first_last_name(name: str) -> tuple[tuple[str, str] | None, list[str]]:
    """((given name, family name), middle names) of a person name of two words or more.

    >>> first_last_name("Richard M. Nixon")
    (('richard', 'nixon'), ['m.'])
    >>> first_last_name("Joseph R. Biden Jr.")
    (('joseph', 'biden'), ['r.'])
    """
    words = [w for w in name_key(name).replace(",", " ").split() if w not in GENERATION_SUFFIXES]
    if len(words) < 2 or (len(words) <= 3 and name.split()[0] in lexicon("family_name_first.txt")):
        return None, []  # "Kim Jong Un": no given name first
    return (words[0], words[-1]), words[1:-1]


def middles_agree(a: list[str], b: list[str]) -> bool:
    """True when one list of middle names is empty or each pair agrees ("m." ~ "milhous")."""
    if not a or not b:
        return True
    if len(a) != len(b):
        return False
    return all(x.rstrip(".") == y.rstrip(".") or x.rstrip(".") == y[:1] or y.rstrip(".") == x[:1]
               for x, y in zip(a, b))



def same_given_name(a: str, b: str) -> bool:
    """Whether two given names (lower case) are one, or one shortens the other
    (``kg/data/given_name_forms.tsv``).

    >>> same_given_name("josh", "joshua"), same_given_name("michael", "mike"), same_given_name("tom", "tim")
    (True, True, False)
    """
    forms = lexicon("given_name_forms.tsv")
    return a == b or b in forms.get(a, ()) or a in forms.get(b, ())


def initials(name: str) -> str:
    """The acronym a name's capitalised words make; "" when a word is not capitalised.

    >>> initials("the Federal Trade Commission"), initials("Securities and Exchange Commission")
    ('FTC', 'SEC')
    >>> initials("World Health Organization"), initials("Acme"), initials("the new Board")
    ('WHO', '', '')
    >>> initials("Pacific Gas & Electric Co.")
    'PG&E'
    """
    skipped = lexicon("acronym_skipped_words.txt")
    name = without_company_suffix(without_article(name)) or without_article(name)
    words = [w for w in re.split(r"[\s\-]+", name) if w == "&" or w and w.lower() not in skipped]
    if len(words) < 2 or not all(w == "&" or w[:1].isupper() and w[:1].isalpha() for w in words):
        return ""
    return "".join(w[0] for w in words)


def is_acronym(word: str) -> bool:
    """Two to six capital letters ("FTC", "NHS"), with a lower-case letter or "&" allowed
    inside ("DfE", "PG&E").

    >>> is_acronym("IMF"), is_acronym("DfE"), is_acronym("Acme"), is_acronym("A"), is_acronym("PG&E")
    (True, True, False, False, True)
    """
    letters = word.replace("&", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and word[0].isupper() and word[-1].isupper() \
        and sum(ch.isupper() for ch in letters) >= len(letters) - 1


def without_company_suffix(name: str) -> str | None:
    """A company's name without "Inc.", "Ltd", "plc" ... or a web domain (".com"); None
    when it has no such suffix.

    >>> without_company_suffix("Acme Inc."), without_company_suffix("Acme Holdings plc"), without_company_suffix("Acme")
    ('Acme', 'Acme Holdings', None)
    >>> without_company_suffix("Edmunds.com")
    'Edmunds'
    """
    domain = re.fullmatch(r"([A-Z][\w&'-]*(?: [\w&'-]+)*)\.(?:com|net|org|co\.uk|io)", name.strip())
    if domain:
        return domain.group(1)
    words = name.rstrip(",").split()
    if len(words) < 2 or words[-1].lower() not in lexicon("company_suffixes.txt"):
        return None
    return " ".join(words[:-1]).rstrip(",") or None
