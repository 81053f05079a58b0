"""Run SPARQL queries (read-only) and format their results as a table, CSV or JSON.

>>> from kg.store import open_store
>>> ds = open_store("memory")
>>> print(format_result(run_query(ds, "SELECT (1 + 1 AS ?two) WHERE {}"), "csv", ds), end="")
two
2
"""

from __future__ import annotations

import csv
import io
import json
import re

from rdflib import Dataset, Literal, URIRef
from rdflib.query import Result

from .rdf import PREFIXES

FORMATS = ("table", "csv", "json")
UPDATE_WORDS = re.compile(r"^\s*(?:PREFIX\s+\S*\s*<[^>]*>\s*|BASE\s*<[^>]*>\s*)*"
                          r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.IGNORECASE)
MAX_CELL = 80


class QueryError(ValueError):
    """A query that cannot be run: a syntax error, or an update on the read-only store."""


def run_query(ds: Dataset, text: str, bindings: dict | None = None) -> Result:
    """Evaluate a SPARQL query over the union of all graphs; updates are refused."""
    if UPDATE_WORDS.match(_strip_comments(text)):
        raise QueryError("updates are not allowed: kg query is read-only")
    try:
        return ds.query(text, initNs=PREFIXES, initBindings=bindings or {})
    except Exception as err:  # rdflib and pyparsing raise many exception types
        message = str(err).splitlines()[0] if str(err) else err.__class__.__name__
        raise QueryError(f"query failed: {message}") from None


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def term_text(term, ds: Dataset | None = None) -> str:
    """A term as a person reads it: IRIs with known prefixes shortened, literal values."""
    if term is None:
        return ""
    if isinstance(term, URIRef) and ds is not None:
        return ds.namespace_manager.normalizeUri(term).strip("<>")
    return str(term)


def json_value(term):
    if isinstance(term, Literal):
        value = term.toPython()
        return value if isinstance(value, (int, float, bool, str)) else str(term)
    return None if term is None else str(term)


def format_result(result: Result, fmt: str = "table", ds: Dataset | None = None, full: bool = False) -> str:
    """Render a query result: ``table`` for people, ``csv`` and ``json`` for programs."""
    if result.type == "ASK":
        answer = bool(result.askAnswer)
        return json.dumps({"boolean": answer}) + "\n" if fmt == "json" else f"{str(answer).lower()}\n"
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return result.serialize(format="json-ld" if fmt == "json" else "turtle").decode("utf-8")
    names = [str(v) for v in result.vars]
    rows = list(result)
    if fmt == "json":
        return json.dumps([{n: json_value(row[i]) for i, n in enumerate(names)} for row in rows],
                          ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(names)
        writer.writerows([term_text(v) for v in row] for row in rows)
        return buffer.getvalue()
    cells = [[term_text(v, ds) for v in row] for row in rows]
    if not full:
        cells = [[c if len(c) <= MAX_CELL else c[:MAX_CELL - 1] + "…" for c in row] for row in cells]
    return table(names, cells) + f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n"


def table(header: list[str], rows: list[list[str]]) -> str:
    """A plain-text table with a rule under the header."""
    widths = [max([len(h), *(len(r[i].replace("\n", " ")) for r in rows)]) for i, h in enumerate(header)]
    line = lambda cells: "  ".join(c.replace("\n", " ").ljust(w) for c, w in zip(cells, widths)).rstrip()
    out = [line(header), "  ".join("-" * w for w in widths)]
    out.extend(line(r) for r in rows)
    return "\n".join(out) + "\n"
