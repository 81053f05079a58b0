"""Claim constructions kept as data: the ``patterns`` of ``kg/data/claim_rules.toml``.

Patterns are written in the format of spaCy's ``DependencyMatcher`` and checked by it
(:func:`dependency_matcher`); they are matched here from their anchors only (the cue
words), which costs a fraction of a pass of the ``DependencyMatcher`` over every token,
and finds the same (``tests/test_components.py``). A rule's ``patterns`` name the nodes ``cue`` (the anchor), ``content`` (its subtree is the content) and optionally
``cue_end`` (the cue runs from ``cue`` to it: "his view *is*"); its ``sources`` name
``cue`` and ``source`` (the head of the source phrase). Each pattern has a ``tier``
(default 0): for one cue, the lowest tier that matches wins, then the leftmost node.
A pattern value ``"@file"`` or ``"@file:tag"`` stands for the words of a lexicon of
``kg/data/`` (with that tag), in lower case, capitalised and upper case.

>>> from kg import nlp
>>> doc = nlp.load()("Her claim that the talks failed was wrong.")
>>> [(m.rule, m.cue.text, m.content.text, m.source.text) for m in find_matches(doc)[1]]
[('noun', 'claim', 'failed', 'Her')]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Iterator

from spacy.attrs import LEMMA, LOWER
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from ..lexicons import words
from .grammar import hashes, tokens_with
from .rules import RuleTable, rule_table


@dataclass
class PatternMatch:
    """One construction found for one cue: the tokens the rule's nodes matched."""

    rule: str
    cue: Token
    content: Token
    source: Token | None = None
    cue_end: Token | None = None


def _forms(reference: str) -> list[str]:
    name, _, tag = reference[1:].partition(":")
    entries = words(name, tag or None)
    return sorted(entries | {w.capitalize() for w in entries} | {w.upper() for w in entries})


def expand(value):
    """A pattern value with its ``"@lexicon[:tag]"`` reference replaced by the word list.

    >>> expand("@reciprocal_words.txt")["IN"][:2], expand({"NOT_IN": ["x"]})
    (['BILATERAL', 'Bilateral'], {'NOT_IN': ['x']})
    """
    if isinstance(value, str) and value.startswith("@"):
        return {"IN": _forms(value)}
    if isinstance(value, dict):
        return {op: _forms(v) if isinstance(v, str) and v.startswith("@") else v for op, v in value.items()}
    return value


# relation operators of the DependencyMatcher format that the patterns may use
RELATIONS: dict[str, Callable[[Token], Iterable[Token]]] = {
    ">": lambda t: t.children,
    "<": lambda t: [t.head] if t.head.i != t.i else [],
    ">+": lambda t: [c for c in t.rights if c.i == t.i + 1],
    ">-": lambda t: [c for c in t.lefts if c.i == t.i - 1],
    ">++": lambda t: t.rights,
    ">--": lambda t: t.lefts,
    ">>": lambda t: (d for d in t.subtree if d.i != t.i),
    "<<": lambda t: t.ancestors,
    "$++": lambda t: (s for s in t.head.rights if s.i > t.i) if t.head.i != t.i else (),
    "$--": lambda t: (s for s in t.head.lefts if s.i < t.i) if t.head.i != t.i else (),
}
ATTRS: dict[str, Callable[[Token], str]] = {
    "ORTH": lambda t: t.text, "TEXT": lambda t: t.text, "LOWER": lambda t: t.lower_, "LEMMA": lambda t: t.lemma_,
    "POS": lambda t: t.pos_, "TAG": lambda t: t.tag_, "DEP": lambda t: t.dep_, "ENT_TYPE": lambda t: t.ent_type_,
}


@dataclass(frozen=True)
class Node:
    """One node of a pattern, compiled: its name, the node it hangs from and how, and
    the tests on its token."""

    name: str
    left: int  # index of the LEFT_ID node; -1 for the anchor
    relation: str
    tests: tuple[tuple[Callable[[Token], str], str, object], ...]  # (attribute, "==" | "IN" | "NOT_IN", value)

    def fits(self, token: Token) -> bool:
        for get, op, value in self.tests:
            text = get(token)
            if op == "==" and text != value or op == "IN" and text not in value or op == "NOT_IN" and text in value:
                return False
        return True


def compile_pattern(pattern: list[dict]) -> list[Node]:
    """A pattern of the DependencyMatcher format as nodes; a ValueError for what this
    small matcher does not do (other operators or attribute tests)."""
    names: list[str] = []
    nodes = []
    for node in pattern:
        tests = []
        for attr, value in node.get("RIGHT_ATTRS", {}).items():
            value = expand(value)
            if attr not in ATTRS:
                raise ValueError(f"pattern attribute {attr} is not supported (use one of {', '.join(ATTRS)})")
            if isinstance(value, str):
                tests.append((ATTRS[attr], "==", value))
            elif isinstance(value, dict) and set(value) <= {"IN", "NOT_IN"}:
                tests.extend((ATTRS[attr], op, frozenset(words)) for op, words in value.items())
            else:
                raise ValueError(f"pattern value {value!r} of {attr}: a string, or IN / NOT_IN lists")
        relation = node.get("REL_OP", "")
        if names and relation not in RELATIONS:
            raise ValueError(f"relation {relation!r} is not supported (use one of {' '.join(RELATIONS)})")
        left = names.index(node["LEFT_ID"]) if names else -1
        nodes.append(Node(node["RIGHT_ID"], left, relation, tuple(tests)))
        names.append(node["RIGHT_ID"])
    return nodes


def assignments(nodes: list[Node], anchor: Token) -> Iterator[list[Token]]:
    """Every way the pattern's nodes match from ``anchor`` (distinct tokens, in node order)."""
    def extend(found: list[Token]) -> Iterator[list[Token]]:
        if len(found) == len(nodes):
            yield list(found)
            return
        node = nodes[len(found)]
        for token in RELATIONS[node.relation](found[node.left]):
            if node.fits(token) and all(token.i != t.i for t in found):
                found.append(token)
                yield from extend(found)
                found.pop()
    if nodes[0].fits(anchor):
        yield from extend([anchor])


@dataclass(frozen=True, eq=False)
class CompiledTable:
    """The patterns of a rule table: (rule, "patterns" | "sources", tier, nodes), and the
    lemmas and forms their anchors ask for (None when some anchor asks for neither)."""

    patterns: list[tuple[str, str, int, list[Node]]]
    anchor_words: tuple[frozenset[str], frozenset[str]] | None


@lru_cache(maxsize=8)
def compiled(table: RuleTable) -> CompiledTable:
    """The patterns of the rules that stand on their own (not ``within`` a step)."""
    patterns, lemmas, forms, keyed = [], set(), set(), True
    for rule, groups in table.patterns.items():
        if rule in table.within:
            continue  # tried by a hand-written step at its cue (:func:`content_at`)
        for group, entries in groups.items():
            for entry in entries:
                patterns.append((rule, group, int(entry.get("tier", 0)), compile_pattern(entry["pattern"])))
                attrs = {a: expand(v) for a, v in entry["pattern"][0].get("RIGHT_ATTRS", {}).items()}
                for attr, wanted in (("LEMMA", lemmas), ("LOWER", forms)):
                    if attr in attrs:
                        value = attrs[attr]
                        wanted |= {value} if isinstance(value, str) else set(value.get("IN", ()))
                        break
                else:
                    keyed = False
    return CompiledTable(patterns, (frozenset(lemmas), frozenset(forms)) if keyed else None)


@lru_cache(maxsize=64)
def rule_patterns(table: RuleTable, rule: str) -> list[tuple[int, list[Node]]]:
    """(tier, nodes) of each content pattern of one rule."""
    return [(int(entry.get("tier", 0)), compile_pattern(entry["pattern"])) for entry in table.patterns[rule]["patterns"]]


def content_at(cue: Token, rule: str, table: RuleTable | None = None) -> Token | None:
    """The content head one rule's patterns find at ``cue`` (lowest tier, then leftmost),
    for the rules a hand-written step tries in its own order (``within`` in the table).

    >>> from kg import nlp
    >>> doc = nlp.load()("He said as much.")
    >>> content_at(doc[1], "pro-form").text
    'much'
    """
    table = table or rule_table()
    best = None
    for tier, nodes in rule_patterns(table, rule):
        for found in assignments(nodes, cue):
            content = found[[n.name for n in nodes].index("content")]
            if best is None or (tier, content.i) < best[:2]:
                best = (tier, content.i, content)
    return best[2] if best else None


def dependency_matcher(vocab: Vocab, table: RuleTable) -> DependencyMatcher:
    """spaCy's own matcher of the table's patterns (keys ``rule/group/n``): it checks the
    format, and the tests check that both find the same."""
    dm = DependencyMatcher(vocab)
    for rule, groups in table.patterns.items():
        for group, entries in groups.items():
            for n, entry in enumerate(entries):
                dm.add(f"{rule}/{group}/{n}", [[_node(node) for node in entry["pattern"]]])
    return dm


def _node(node: dict) -> dict:
    return {**node, "RIGHT_ATTRS": {attr: expand(value) for attr, value in node.get("RIGHT_ATTRS", {}).items()}}


def anchor_tokens(doc: Doc, table: CompiledTable) -> list[Token]:
    """The tokens a pattern may be anchored at, read from arrays."""
    if table.anchor_words is None:
        return list(doc)
    lemmas, forms = table.anchor_words
    return tokens_with(doc, [LEMMA, LOWER], [hashes(doc.vocab, lemmas), hashes(doc.vocab, forms)])


def find_matches(doc: Doc, table: RuleTable | None = None) -> dict[int, list[PatternMatch]]:
    """Cue index -> the constructions found there, one per rule, in the table's order."""
    table = table or rule_table()
    if not table.patterns:
        return {}
    patterns = compiled(table)
    best: dict[tuple[str, str, int], tuple] = {}  # (rule, group, cue) -> (tier, target index, tokens)
    for anchor in anchor_tokens(doc, patterns):
        for rule, group, tier, nodes in patterns.patterns:
            for found in assignments(nodes, anchor):
                tokens = {node.name: token.i for node, token in zip(nodes, found)}
                target = tokens["content" if group == "patterns" else "source"]
                key = (rule, group, anchor.i)
                if key not in best or (tier, target) < best[key][:2]:
                    best[key] = (tier, target, tokens)
    found_at: dict[int, list[PatternMatch]] = {}
    for rule in table.patterns:
        for (name, group, cue), (_, _, tokens) in sorted(best.items(), key=lambda item: item[0][2]):
            if name != rule or group != "patterns":
                continue
            source = best.get((rule, "sources", cue))
            match = PatternMatch(rule, doc[cue], doc[tokens["content"]],
                                 doc[source[2]["source"]] if source else None,
                                 doc[tokens["cue_end"]] if "cue_end" in tokens else None)
            found_at.setdefault(cue, []).append(match)
    return found_at
