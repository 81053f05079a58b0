"""Run SPARQL queries (read-only) and format their results as a table, CSV or JSON.

>>> from kg.store import open_store
>>> ds = open_store("memory")
>>> print(format_result(run_query(ds, "SELECT (1 + 1 AS ?two) WHERE {}"), "csv", ds), end="")
two
2
"""

from __future__ import annotations

import csv
import datetime as dt
import gc
import io
import json
import re
import threading
from dataclasses import dataclass
from importlib import resources
from types import SimpleNamespace
from typing import Callable, Iterable, Iterator, Sequence, TypeVar

from rdflib import XSD, Dataset, Literal, URIRef
from rdflib.query import Result
from rdflib.term import Node

from .rdf import PREFIXES
from .store import oxigraph

FORMATS = ("table", "csv", "json")
UPDATE_WORDS = re.compile(r"^\s*(?:PREFIX\s+\S*\s*<[^>]*>\s*|BASE\s*<[^>]*>\s*)*"
                          r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.IGNORECASE)
MAX_CELL = 80
DEFAULT_TIMEOUT_S = 60
T = TypeVar("T")


class QueryError(ValueError):
    """A query that cannot be run: a syntax error, or an update on the read-only store."""


def within(seconds: float | None, work: Callable[[], T]) -> T:
    """Do ``work`` in a worker thread while this thread waits, at most ``seconds`` (None or
    0: no limit). The store evaluates queries without holding Python's lock, so Ctrl-C
    stops the wait at once (``KeyboardInterrupt``), and so does the time limit
    (``QueryError``); the abandoned work ends with the process.

    >>> within(5, lambda: 1 + 1)
    2
    >>> import time
    >>> within(0.1, lambda: time.sleep(5))
    Traceback (most recent call last):
    ...
    kg.query.QueryError: the query did not finish within 0.1 s (use --timeout to allow more)
    """
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as err:  # handed to the waiting thread without its frames: the
            outcome["error"] = err.with_traceback(None)  # store's objects in them must be freed here
            err.__context__ = err.__cause__ = None
            del err
            gc.collect()

    worker = threading.Thread(target=run, name="kg-query", daemon=True)
    worker.start()
    worker.join(seconds or None)
    if worker.is_alive():
        raise QueryError(f"the query did not finish within {seconds:g} s (use --timeout to allow more)")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def run_query(ds: Dataset, text: str, bindings: dict[str, Node] | None = None) -> Result:
    """Evaluate a SPARQL query over the union of all graphs; updates are refused.

    ``bindings`` pre-bind variables to RDF terms (see :func:`with_bindings`).
    """
    if UPDATE_WORDS.match(_strip_comments(text)):
        raise QueryError("updates are not allowed: kg query is read-only")
    text = with_bindings(text, bindings or {})
    try:
        return ds.query(text, initNs=PREFIXES)
    except Exception as err:  # rdflib and pyparsing raise many exception types
        message = str(err).splitlines()[0] if str(err) else err.__class__.__name__
        raise QueryError(f"query failed: {message}") from None


WHERE_OPEN = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
IRI = re.compile(r"<[^<>\"{}|^`\\\s]*>")
VARIABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def with_bindings(text: str, bindings: dict[str, Node]) -> str:
    """The query with variables pre-bound to RDF terms by ``VALUES`` blocks that open its
    ``WHERE`` clauses.

    A subquery's variables are its own, so each ``WHERE`` whose own body (its subqueries
    left aside) uses a variable gets that variable's values: a parameter means the same in
    a page subquery and around it, and binds nothing where it is not used. This is the
    SPARQL 1.1 way to bind variables, and it behaves the same on every store
    (rdflib's ``initBindings`` is not honoured by the Oxigraph store: it only relabels
    the output). Values are RDF terms written by rdflib (quotes and backslashes escaped,
    datatypes kept), so no value can change the query around it.

    >>> print(with_bindings("SELECT ?s WHERE { ?s ?p ?o }", {"o": Literal('a" } #')}))
    SELECT ?s WHERE {
      VALUES (?o) { ("a\\" } #") }
     ?s ?p ?o }
    >>> print(with_bindings("SELECT ?s WHERE { { SELECT ?s WHERE { ?s ?p ?o } } ?s ?q ?r }", {"o": Literal("x")}))
    SELECT ?s WHERE { { SELECT ?s WHERE {
      VALUES (?o) { ("x") }
     ?s ?p ?o } } ?s ?q ?r }
    """
    if not bindings:
        return text
    names = sorted(bindings)
    if not all(VARIABLE.match(name) for name in names):
        raise QueryError(f"bad variable name among {names}")
    bodies = [(m.end(), _closing_brace(text, m.end())) for m in WHERE_OPEN.finditer(text)
              if not _in_comment(text, m.start())]
    if not bodies:
        raise QueryError("a query with parameters needs a WHERE { ... } clause")
    blocks = []
    for start, end in bodies:
        own = "".join(text[a:b] for a, b in _outside(start, end, [(s, e) for s, e in bodies if start < s < end]))
        used = [n for n in names if re.search(rf"[?$]{n}\b", own)]
        if used:
            row = " ".join(bindings[name].n3() for name in used)
            blocks.append((start, f"\n  VALUES ({' '.join('?' + n for n in used)}) {{ ({row}) }}\n"))
    for start, block in reversed(blocks or [(bodies[0][0], "")]):
        text = text[:start] + block + text[start:]
    return text


def _closing_brace(text: str, start: int) -> int:
    """The offset of the ``}`` that closes the group opened just before ``start``
    (braces in comments, IRIs and string literals do not count).

    >>> text = 'WHERE { ?s <http://x#y> "}" . { ?s ?p ?o } } # }'
    >>> _closing_brace(text, 7)
    43
    """
    depth, i = 1, start
    while i < len(text):
        char = text[i]
        iri = IRI.match(text, i) if char == "<" else None
        if iri:
            i = iri.end() - 1
        elif char == "#":
            i = text.find("\n", i) % (len(text) + 1)
        elif char in "\"'":
            i = _string_end(text, i)
        elif char in "{}":
            depth += 1 if char == "{" else -1
            if not depth:
                return i
        i += 1
    raise QueryError("a WHERE { ... } clause is not closed")


def _string_end(text: str, start: int) -> int:
    quote, i = text[start], start + 1
    while i < len(text) and text[i] != quote:
        i += 2 if text[i] == "\\" else 1
    return i


def _outside(start: int, end: int, inner: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of ``[start, end)`` outside the outermost of the ``inner`` spans."""
    parts, at = [], start
    for s, e in sorted(inner):
        if s >= at:
            parts.append((at, s))
            at = e
    return parts + [(at, end)]


def _in_comment(text: str, offset: int) -> bool:
    line_start = text.rfind("\n", 0, offset) + 1
    return text[line_start:offset].lstrip().startswith("#")


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def plain_rows(ds: Dataset, text: str) -> Iterator[SimpleNamespace]:
    """The rows of a SELECT, each value as its text (an IRI's, a literal's lexical form;
    None when unbound), for reading many rows at once: on Oxigraph they come straight from
    the store, without building an rdflib term for each value (several times faster).

    >>> from kg.store import open_store
    >>> [row.n for row in plain_rows(open_store("memory"), "SELECT ?n WHERE { VALUES ?n { 1 <urn:x> } }")]
    ['1', 'urn:x']
    """
    inner = oxigraph(ds)
    if inner is None:
        result = run_query(ds, text)
        names = [str(v) for v in result.vars]
        for row in result:
            yield SimpleNamespace(**{n: None if v is None else str(v) for n, v in zip(names, row)})
        return
    prefixes = "".join(f"PREFIX {name}: <{namespace}>\n" for name, namespace in PREFIXES.items())
    solutions = inner.query(prefixes + text, use_default_graph_as_union=True)
    names = [v.value for v in solutions.variables]
    for solution in solutions:
        yield SimpleNamespace(**{n: None if solution[n] is None else solution[n].value for n in names})


VALUES_CHUNK = 500


def iri_values(iris: Sequence[str]) -> Iterator[str]:
    """The IRIs as terms of a ``VALUES`` block, ``VALUES_CHUNK`` at a time (a query that
    names thousands at once is slow to parse, and too long for some servers).

    >>> list(iri_values(["urn:a", "urn:b"]))
    ['<urn:a> <urn:b>']
    """
    for start in range(0, len(iris), VALUES_CHUNK):
        yield " ".join(f"<{iri}>" for iri in iris[start:start + VALUES_CHUNK])


def term_text(term, ds: Dataset | None = None) -> str:
    """A term as a person reads it: IRIs with known prefixes shortened, literal values."""
    if term is None:
        return ""
    if isinstance(term, URIRef) and ds is not None:
        return ds.namespace_manager.normalizeUri(term).strip("<>")
    return str(term)


def json_value(term):
    """A cell as a Python value: numbers and booleans as such, the rest (dates too) as text."""
    if isinstance(term, Literal):
        value = term.toPython()
        return value if isinstance(value, (int, float, bool, str)) else str(term)
    return None if term is None else str(term)


def result_rows(result: Result) -> list[dict[str, object]]:
    """The rows of a SELECT result as dicts of Python values (``kg query --format json``).

    >>> from kg.store import open_store
    >>> result_rows(run_query(open_store("memory"), "SELECT (1 + 1 AS ?two) ('a' AS ?x) WHERE {}"))
    [{'two': 2, 'x': 'a'}]
    """
    names = [str(v) for v in result.vars]
    return [{n: json_value(row[i]) for i, n in enumerate(names)} for row in result]


def format_result(result: Result, fmt: str = "table", ds: Dataset | None = None, full: bool = False,
                  limit: int | None = None) -> str:
    """Render a query result: ``table`` for people, ``csv`` and ``json`` for programs;
    ``limit`` keeps the first rows only (the table says how many there were)."""
    if result.type == "ASK":
        answer = bool(result.askAnswer)
        return json.dumps({"boolean": answer}) + "\n" if fmt == "json" else f"{str(answer).lower()}\n"
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return result.serialize(format="json-ld" if fmt == "json" else "turtle").decode("utf-8")
    if fmt == "json":
        return json.dumps(result_rows(result)[:limit], ensure_ascii=False, indent=1) + "\n"
    names = [str(v) for v in result.vars]
    rows = list(result)
    total = len(rows)
    rows = rows[:limit] if limit is not None else rows
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(names)
        writer.writerows([term_text(v) for v in row] for row in rows)
        return buffer.getvalue()
    cells = [[terminal_safe(" ".join(term_text(v, ds).split("\n")).replace("\t", " ")) for v in row] for row in rows]
    if not full:
        cells = [[c if len(c) <= MAX_CELL else c[:MAX_CELL - 1] + "…" for c in row] for row in cells]
    shown = f"{len(rows)} of {total}" if len(rows) < total else str(total)
    return table(names, cells) + f"({shown} row{'s' if total != 1 else ''})\n"


def format_page(result: Result, fmt: str, ds: Dataset | None, full: bool, size: int | None,
                offset: int) -> tuple[str, bool]:
    """A page of a named query's rows (run for ``size + 1`` rows, to know whether more
    follow), formatted; and whether more follow. The table's footer says which rows these
    are and how to see the next.

    >>> from kg.store import open_store
    >>> result = run_query(open_store("memory"), "SELECT ?n WHERE { VALUES ?n { 1 2 3 } }")
    >>> text, more = format_page(result, "table", None, False, 2, 10)
    >>> text.splitlines()[-1], more
    ('(rows 11-12; more with --offset 12)', True)
    """
    rows = list(result)
    more = size is not None and len(rows) > size
    rows = rows[:size] if more else rows
    if fmt != "table":
        return format_result(_Rows(result.vars, rows), fmt, ds, full=full), more
    text = format_result(_Rows(result.vars, rows), "table", ds, full=full)
    if rows and (more or offset):
        footer = f"(rows {offset + 1}-{offset + len(rows)}" + (f"; more with --offset {offset + len(rows)})" if more else ")")
        text = text[:text.rstrip("\n").rfind("\n") + 1] + footer + "\n"
    return text, more


class _Rows(list):
    """Rows already read, shaped as a SELECT result for :func:`format_result`."""

    type = "SELECT"

    def __init__(self, variables, rows) -> None:
        super().__init__(rows)
        self.vars = variables


CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    r"""``text`` with control characters written as escapes, so that none reaches a terminal
    raw: ANSI sequences, carriage returns, bidirectional overrides (line breaks are kept).

    >>> terminal_safe("red\x1b[31m alert\r\u202e")
    'red\\x1b[31m alert\\r\\u202e'
    """
    return CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def table(header: list[str], rows: list[list[str]]) -> str:
    """A plain-text table with a rule under the header."""
    widths = [max([len(h), *(len(r[i].replace("\n", " ")) for r in rows)]) for i, h in enumerate(header)]
    line = lambda cells: "  ".join(c.replace("\n", " ").ljust(w) for c, w in zip(cells, widths)).rstrip()
    out = [line(header), "  ".join("-" * w for w in widths)]
    out.extend(line(r) for r in rows)
    return "\n".join(out) + "\n"


# --- named queries ---------------------------------------------------------------------

PARAM_TYPES = ("actor", "string", "date", "int", "choice")


class ParamError(ValueError):
    """A named query's parameter is missing, unknown or not of its type."""


@dataclass
class Param:
    name: str
    type: str
    optional: bool
    description: str
    choices: tuple[str, ...] = ()

    def usage(self) -> str:
        kind = "|".join(self.choices) if self.choices else self.type
        return f"{self.name}={kind}" + (" (optional)" if self.optional else "")


@dataclass
class NamedQuery:
    """A shipped ``.rq`` file: its header comments describe it and type its parameters."""

    name: str
    description: str
    params: list[Param]
    text: str
    example: str = ""


HEADER = re.compile(r"^#\s*(description|param|example):\s*(.*)$")
PARAM_LINE = re.compile(r"^(\w+)\s+(\w+)(?:\(([^)]*)\))?(\?)?\s+(.*)$")


def parse_named_query(name: str, text: str) -> NamedQuery:
    """Read the ``# description:``, ``# param: NAME TYPE[?] text`` and ``# example:`` lines.

    >>> q = parse_named_query("demo", "# description: Demo.\\n# param: actor actor Who.\\n"
    ...                               "# param: kind choice(direct|mixed)? Which kind.\\nSELECT * {}")
    >>> [p.usage() for p in q.params]
    ['actor=actor', 'kind=direct|mixed (optional)']
    """
    description, example, params = "", "", []
    for line in text.splitlines():
        match = HEADER.match(line.strip())
        if not match:
            continue
        key, value = match.groups()
        if key == "description":
            description = (description + " " + value).strip()
        elif key == "example":
            example = value.strip()
        else:
            p = PARAM_LINE.match(value.strip())
            if p is None or p.group(2) not in PARAM_TYPES:
                raise ValueError(f"{name}.rq: bad parameter line {value!r}")
            pname, ptype, choices, optional, pdesc = p.groups()
            params.append(Param(pname, ptype, bool(optional), pdesc.strip(),
                                tuple(c.strip() for c in (choices or "").split("|") if c.strip())))
    return NamedQuery(name, description, params, text, example)


def named_queries() -> dict[str, NamedQuery]:
    """The named queries shipped in ``kg/queries/``, by name (the file name)."""
    folder = resources.files("kg").joinpath("queries")
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[:-3]
            found[name] = parse_named_query(name, entry.read_text("utf-8"))
    return found


ACTOR_CLASSES = "VALUES ?class { cg:Person cg:Organization cg:Country cg:Group cg:Actor }"
ACTOR_BY_NAME = f"""
SELECT DISTINCT ?actor WHERE {{
  {ACTOR_CLASSES}
  ?actor rdfs:label|skos:altLabel|dcterms:identifier ?label ; a ?class .
}} ORDER BY ?actor
"""
ACTOR_BY_ANY_CASE = f"""
SELECT DISTINCT ?actor WHERE {{
  {ACTOR_CLASSES}
  ?actor a ?class ; rdfs:label|skos:altLabel|dcterms:identifier ?label .
  FILTER(LCASE(STR(?label)) = LCASE(STR(?name)))
}} ORDER BY ?actor
"""


def resolve_actor(ds: Dataset, name: str) -> URIRef:
    """The one actor whose label, alias or id is ``name`` (case-insensitive).

    The name as given, in lower case and capitalised is looked up in the store's index
    (a few lookups); only when none of these is anyone are all names compared.
    """
    spellings = dict.fromkeys([name, name.lower(), name.title(), name.upper()])
    rows: list[URIRef] = []
    for spelling in spellings:
        rows.extend(row.actor for row in run_query(ds, ACTOR_BY_NAME, {"label": Literal(spelling)}))
    rows = sorted(set(rows)) or [row.actor for row in run_query(ds, ACTOR_BY_ANY_CASE, {"name": Literal(name)})]
    if not rows:
        raise ParamError(f"no actor is called {name!r} in the store")
    if len(rows) > 1:
        ids = ", ".join(str(r).rsplit("/", 1)[-1] for r in rows)
        raise ParamError(f"{name!r} names several actors ({ids}): give one of these ids instead")
    return rows[0]


def bind_params(ds: Dataset, query: NamedQuery, values: dict[str, str]) -> dict[str, object]:
    """Check ``values`` against the query's typed parameters and turn them into RDF terms.

    Values are only ever bound as terms (``initBindings``), never pasted into the query.
    """
    known = {p.name: p for p in query.params}
    unknown = set(values) - set(known)
    if unknown:
        raise ParamError(f"{query.name} has no parameter {', '.join(sorted(unknown))}; "
                         f"it takes: {', '.join(p.usage() for p in query.params) or 'none'}")
    bindings: dict[str, object] = {}
    for param in query.params:
        if param.name not in values:
            if not param.optional:
                raise ParamError(f"{query.name} needs --param {param.usage()}: {param.description}")
            continue
        bindings[param.name] = _term(ds, param, values[param.name])
    return bindings


def _term(ds: Dataset, param: Param, value: str):
    if param.type == "actor":
        return resolve_actor(ds, value)
    if param.type == "date":
        try:
            return Literal(dt.date.fromisoformat(value).isoformat(), datatype=XSD.date)
        except ValueError:
            raise ParamError(f"{param.name} must be a date like 2024-05-16, not {value!r}") from None
    if param.type == "int":
        try:
            return Literal(int(value))
        except ValueError:
            raise ParamError(f"{param.name} must be a whole number, not {value!r}") from None
    if param.type == "choice" and value not in param.choices:
        raise ParamError(f"{param.name} must be one of {', '.join(param.choices)}, not {value!r}")
    return Literal(value)


PAGE = re.compile(r"^([ \t]*)LIMIT\s+\d+\s+OFFSET\s+\d+([ \t]*#\s*page\b.*)$", re.MULTILINE | re.IGNORECASE)
PAGE_SIZE = 100


def paged(text: str, limit: int | None, offset: int = 0) -> str:
    r"""A named query set to return rows ``offset + 1`` to ``offset + limit`` (``None``: every
    row from ``offset`` on), through its page line ``LIMIT n OFFSET m  # page``.

    The page line sits where the query orders its rows by one cheap key, often in a
    subquery that the rest of the query then fills in, so a page costs what it shows.

    >>> print(paged("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s\nLIMIT 100 OFFSET 0  # page", 10, 20))
    SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s
    LIMIT 10 OFFSET 20  # page
    >>> print(paged("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s\nLIMIT 100 OFFSET 0  # page", None))
    SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s
    OFFSET 0  # page
    """
    rows = f"OFFSET {offset}" if limit is None else f"LIMIT {limit} OFFSET {offset}"
    text, found = PAGE.subn(lambda m: f"{m.group(1)}{rows}{m.group(2)}", text, count=1)
    if not found:
        raise QueryError("the query has no page line (LIMIT n OFFSET m  # page)")
    return text


HINT = re.compile(r"^([ \t]*)#\s*if (\w+):[ \t]*(.*)$", re.MULTILINE)


def with_hints(text: str, given: Iterable[str]) -> str:
    r"""The query with its hint lines ``#if NAME: PATTERN`` turned into patterns where the
    parameter NAME is given. A hint starts the query from the index where a parameter
    selects few rows; elsewhere (and in any other SPARQL tool) it stays a comment, and the
    query means the same without it.

    >>> print(with_hints("SELECT ?c WHERE {\n  #if by: ?c cg:claimant ?by .\n  ?c a cg:Claim }", ["by"]))
    SELECT ?c WHERE {
      ?c cg:claimant ?by .
      ?c a cg:Claim }
    """
    given = set(given)
    return HINT.sub(lambda m: m.group(1) + m.group(3) if m.group(2) in given else m.group(0), text)


def run_named(ds: Dataset, name: str, values: dict[str, str], limit: int | None = None, offset: int = 0) -> Result:
    """Run a shipped named query with its parameters bound: rows ``offset + 1`` to
    ``offset + limit``, or every row from ``offset`` on (``limit=None``)."""
    queries = named_queries()
    if name not in queries:
        raise ParamError(f"no named query {name!r}: see kg query --list")
    query = queries[name]
    bindings = bind_params(ds, query, values)
    return run_query(ds, with_hints(paged(query.text, limit, offset), bindings), bindings)


def describe_named() -> str:
    """The ``kg query --list`` text: each query with its parameters and an example."""
    lines = []
    for query in named_queries().values():
        lines.append(f"{query.name}\n    {query.description}")
        for param in query.params:
            lines.append(f"    --param {param.usage()}  {param.description}")
        if query.example:
            lines.append(f"    e.g. {query.example}")
    return "\n".join(lines) + "\n"
