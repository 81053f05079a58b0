"""No text from an article can run script in a view: proven in Chromium with hostile articles."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from browser import hover_edge, hover_node, offline_page, open_view, violations
from conftest import run_kg
from kg.graphs import Evidence
from kg import views
from kg.views import render_html

# Each payload sets window.kgPwned and calls alert() if it ever runs.
PAYLOADS = [
    '<script>window.kgPwned = "script"; alert(1)</script>',
    '<img src=x onerror="window.kgPwned = \'img\'; alert(2)">',
    '</script><script>window.kgPwned = "close"; alert(3)</script>',
    "<svg onload=\"window.kgPwned = 'svg'; alert(4)\">",
    "{{ 7*7 }} {% raw %} ' \" & &amp; <!-- ]]> \u2028 `${alert(5)}`",
    '<iframe srcdoc="<script>parent.kgPwned = 1</script>"></iframe>',
]

ARTICLE = f"""Leaders trade words in Paris

Vladimir Putin said that "{PAYLOADS[0]}" was the only answer.

Xi Jinping told reporters that {PAYLOADS[1]} would not help anyone.

"{PAYLOADS[2]} {PAYLOADS[4]}," Joe Biden said on Monday.

Angela Merkel met <b onmouseover="window.kgPwned = 'b'">Emmanuel Macron</b> in Paris, and Macron thanked Merkel.

Emmanuel Macron said that {PAYLOADS[3]} and {PAYLOADS[5]} were not welcome.
"""
TITLE = '<img src=x onerror="window.kgPwned = \'title\'; alert(6)"> Talks & "quotes" </script><script>alert(7)</script>'


def exercise(page) -> None:
    """Do what a reader does: hover every node and edge, search, toggle the legend, move the dates."""
    for node in page.evaluate("kgNodes.getIds()")[:60]:
        hover_node(page, node, timeout=500, attempts=1)
    for edge in page.evaluate("kgEdges.getIds()")[:30]:
        hover_edge(page, edge, timeout=500, attempts=1)
    for text in ("<script>", "{{", "onerror"):
        page.fill("#search", text)
    for box in page.query_selector_all("#legend input[type=checkbox]"):
        if box.is_visible():  # a small view has no focus to switch off
            box.click()
            box.click()
    if page.is_visible("#date-from"):
        page.evaluate("() => { const b = document.getElementById('date-from'); b.value = b.max; "
                      "b.dispatchEvent(new Event('input')); }")


def assert_nothing_ran(page, html: Path) -> None:
    assert page.evaluate("typeof window.kgPwned") == "undefined"
    assert page.dialogs == [] and page.errors == [] and page.failed == []
    assert violations(page) == []  # nothing even tried to run or load
    assert page.requests == [html.as_uri()]  # no <img src=x>, no frame: only the page itself
    assert page.evaluate("document.querySelectorAll('img, svg, iframe, object, embed, b, i').length") == 0
    assert page.evaluate("document.scripts.length") == 3  # the data block, vis-network, the view


def page_text(page) -> str:
    """Every string the page holds for its nodes and edges: labels and tooltip data."""
    return page.evaluate("JSON.stringify([kgNodes.get().map(n => [n.label, n.info]),"
                         " kgEdges.get().map(e => [e.label, e.info])])")


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory) -> Path:
    corpus = tmp_path_factory.mktemp("hostile") / "in"
    corpus.mkdir()
    (corpus / "evil.txt").write_text(ARTICLE, encoding="utf-8")
    title = TITLE.replace('"', '""')
    (corpus / "metadata.csv").write_text(f'doc,title,publisher,published,url\nevil,"{title}",<b>Evil</b>,2024-05-16,\n',
                                         encoding="utf-8")
    out = corpus.parent / "out"
    run_kg("build", corpus, "--store", "memory", "--out", out, "--outputs")
    return out


@pytest.mark.parametrize("view", ["actors", "claims"])
def test_no_script_from_an_article_runs(hostile_build: Path, view: str):
    html = hostile_build / f"{view}.html"
    with offline_page() as page:
        open_view(page, html)
        exercise(page)
        shown = page_text(page)
        assert_nothing_ran(page, html)
    # the payloads did reach the page, as text: the test is not passing on empty views
    assert "alert(6)" in shown  # the title, in every tooltip with evidence
    if view == "claims":
        assert "<script>window.kgPwned" in shown and "{{ 7*7 }}" in shown


def hostile_graph() -> nx.MultiDiGraph:
    """Every field a view shows, each holding a payload."""
    g = nx.MultiDiGraph()
    proof = Evidence(PAYLOADS[1], "doc", PAYLOADS[2], PAYLOADS[3], PAYLOADS[0])
    for i, payload in enumerate(PAYLOADS):
        g.add_node(f"n{i}{payload}", label=payload, kind=["Person", "claim:direct", payload][i % 3],
                   cue=payload, speaker=payload, evidence=[proof], claims=i)
    nodes = list(g)
    for a, b in zip(nodes, nodes[1:]):
        g.add_edge(a, b, key=PAYLOADS[0], kind="relation", label=PAYLOADS[4], weight=2, evidence=[proof])
        g.add_edge(a, b, key="co-mention", kind="co-mention", label=PAYLOADS[1], weight=3, directed=False)
    return g


@pytest.mark.parametrize("focused", [False, True])
def test_no_script_in_any_field_runs(tmp_path: Path, monkeypatch, focused: bool):
    if focused:  # the focus, its double clicks and its search handle the same strings
        monkeypatch.setattr(views, "FOCUS_ABOVE", 1)
    html = tmp_path / "hostile.html"
    html.write_text(render_html(hostile_graph(), PAYLOADS[2], size_note=PAYLOADS[1]), encoding="utf-8")
    with offline_page() as page:
        open_view(page, html)
        exercise(page)
        if focused:
            page.evaluate("kgExpand(kgNodes.getIds()[0])")
        tip = hover_node(page, page.evaluate("kgNodes.getIds()[0]"))
        shown = page_text(page)
        title = page.title()
        assert_nothing_ran(page, html)
    assert PAYLOADS[1] in tip and PAYLOADS[2] in tip  # shown as text, exactly as written
    assert title == PAYLOADS[2]
    strings = "\n".join(strings_in(json.loads(shown)))
    assert all(payload in strings for payload in PAYLOADS)


def strings_in(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return [s for item in items for s in strings_in(item)]
