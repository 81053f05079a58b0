"""The claim explorer: search, filter and read claims, claim groups and actors in a browser.

One page (``kg/templates/explorer.html``, ``.js``, ``.css``) serves two ways:

- **served** by ``kg serve`` at ``/``: the page reads the store through the server's
  SPARQL endpoint (``/query``), running the queries of ``kg/queries/explorer/``, and has
  a SPARQL editor;
- **standalone** (``kg explore -o explorer.html``): one file holding the results of the
  same queries as JSON, for a small store, to open offline in any browser.

The page's script asks a small data layer for the tables (claims, actors, documents,
groups, ...) and the document texts; in served mode the layer runs SPARQL with
``fetch``, in standalone mode it answers from the embedded rows. Nothing else differs.

Safety: every string from the store reaches the page as JSON inside a
``<script type="application/json">`` block (``<``, ``>``, ``&``, U+2028 and U+2029
escaped, see :func:`script_json`) and the script puts it in the document only as text
(``textContent``), never as HTML. A Content-Security-Policy allows the page's own
script alone (by hash), and no network but the endpoint it came from.

>>> from kg.store import open_store
>>> ds = open_store("memory")
>>> page = build_explorer(ds)
>>> page.startswith("<!DOCTYPE html>") and '"mode": "standalone"' in page
True
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from importlib import resources
from pathlib import Path

from rdflib import XSD, Dataset, Literal

from .query import named_queries, run_query
from .rdf import PREFIXES

NUMERIC = {XSD.integer, XSD.decimal, XSD.double, XSD.float, XSD.int, XSD.long, XSD.nonNegativeInteger}
PLACEHOLDER = re.compile(r"\{\{ (POLICY|STYLE|CONFIG|SCRIPT) \}\}")
SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def table_queries() -> dict[str, str]:
    """The explorer's queries (``kg/queries/explorer/*.rq``), by table name.

    >>> sorted(table_queries())[:3]
    ['about', 'actors', 'claims']
    """
    folder = resources.files("kg").joinpath("queries", "explorer")
    return {entry.name[:-3]: entry.read_text("utf-8")
            for entry in sorted(folder.iterdir(), key=lambda e: e.name) if entry.name.endswith(".rq")}


def cell(term) -> object:
    """A result cell as the page reads it: numbers and booleans as JSON values, the rest as text.

    >>> cell(Literal(3)), cell(Literal("3")), cell(None)
    (3, '3', None)
    """
    if term is None:
        return None
    if isinstance(term, Literal) and term.datatype in NUMERIC:
        return float(term) if term.datatype != XSD.integer else int(term)
    if isinstance(term, Literal) and term.datatype == XSD.boolean:
        return bool(term.toPython())
    return str(term)


def table_rows(ds: Dataset, sparql: str) -> list[dict]:
    """The rows of one explorer query, as the page's data layer returns them."""
    result = run_query(ds, sparql)
    names = [str(v) for v in result.vars]
    return [{name: cell(row[i]) for i, name in enumerate(names)} for row in result]


def explorer_data(ds: Dataset) -> dict[str, list[dict]]:
    """Every explorer table of the store (what a standalone page embeds)."""
    return {name: table_rows(ds, sparql) for name, sparql in table_queries().items()}


def page_config(mode: str, data: dict | None = None) -> dict:
    """What the page's script reads first: its mode, the prefixes, the queries it runs
    (served) or their results (standalone), and the named queries for the SPARQL editor."""
    named = [{"name": q.name, "description": q.description, "text": q.text,
              "params": [{"name": p.name, "type": p.type, "usage": p.usage(), "description": p.description}
                         for p in q.params]}
             for q in named_queries().values()]
    config = {"mode": mode, "prefixes": {name: str(ns) for name, ns in PREFIXES.items()},
              "tables": table_queries(), "named": named}
    if data is not None:
        config["data"] = data
    return config


def script_json(value) -> str:
    """``value`` as JSON that can sit inside a ``<script>`` block: no ``</script>``, no
    ``<!--``, no line separators that old parsers end a line at.

    >>> script_json({"a": "</script><b>\\u2028"})
    '{"a": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u2028"}'
    """
    text = json.dumps(value, ensure_ascii=False)
    return "".join(SCRIPT_ESCAPES.get(ch, ch) for ch in text)


def asset(name: str) -> str:
    text = resources.files("kg").joinpath("templates", name).read_text("utf-8")
    if not name.endswith(".html") and ("</script" in text.lower() or "</style" in text.lower()):
        raise ValueError(f"{name} cannot be inlined: it contains a closing tag")
    return text


def csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def render_explorer(config: dict) -> str:
    """The explorer page with ``config`` embedded; scripts and styles inlined.

    In served mode the page may talk to the server it came from (``connect-src 'self'``);
    a standalone page may reach nothing at all.
    """
    script, style = asset("explorer.js"), asset("explorer.css")
    connect = "'self'" if config["mode"] == "served" else "'none'"
    policy = (f"default-src 'none'; script-src {csp_hash(script)}; style-src 'unsafe-inline'; "
              f"connect-src {connect}; img-src data:; base-uri 'none'; form-action 'none'")
    values = {"POLICY": policy, "STYLE": style, "CONFIG": script_json(config), "SCRIPT": script}
    return PLACEHOLDER.sub(lambda m: values[m.group(1)], asset("explorer.html"))  # one pass: no value is re-read


def served_explorer() -> str:
    """The page ``kg serve`` answers ``/`` with: it queries the server's ``/query``."""
    return render_explorer(page_config("served"))


def build_explorer(ds: Dataset) -> str:
    """A standalone explorer page of the store: one file, every table embedded."""
    return render_explorer(page_config("standalone", explorer_data(ds)))


def write_explorer(ds: Dataset, path: Path) -> Path:
    """Write :func:`build_explorer` of the store to ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(build_explorer(ds), encoding="utf-8")
    return path
