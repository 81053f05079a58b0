"""The HTML views as a person sees them: headless Chromium with networking off."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import hover_edge, hover_node, offline_page, open_view, violations
from kg.graphs import actor_graph, claim_graph
from conftest import run_kg
from kg.store import open_store

GRAPHS = {"actors": actor_graph, "claims": claim_graph}


@pytest.fixture(scope="module")
def graphs(built: Path) -> dict:
    ds = open_store(f"oxigraph:{built / 'store'}", create=False)
    try:
        return {view: build(ds) for view, build in GRAPHS.items()}
    finally:
        ds.close()


INK = """() => {
    const c = document.querySelector('#network canvas');
    const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 3; i < px.length; i += 4) if (px[i] > 0) ink++;
    return ink;
}"""


def shown_at_first(g, view: str) -> int:
    """The claim view shows every node; the actor view those linked by a relation or a
    co-mention in two sources or more (a tick box shows the others)."""
    if view == "claims":
        return g.number_of_nodes()
    return len({n for u, v, d in g.edges(data=True) if d["kind"] == "relation" or d["weight"] >= 2 for n in (u, v)})


@pytest.mark.parametrize("view", ["actors", "claims"])
def test_view_draws_its_nodes_offline(built: Path, graphs, view: str, tmp_path: Path):
    with offline_page() as page:
        open_view(page, built / f"{view}.html")
        drawn = page.evaluate("Object.keys(kgNetwork.getPositions()).length")
        page.screenshot(path=str(tmp_path / f"{view}.png"))
        assert drawn == shown_at_first(graphs[view], view) > 10
        assert page.failed == [] and page.errors == [] and violations(page) == []
        assert page.requests == [(built / f"{view}.html").as_uri()]  # the page itself, nothing else
        assert page.evaluate(INK) > 1000  # something was drawn on the canvas
        # the layout has stopped moving
        assert page.evaluate("kgNetwork.physics.physicsEnabled") is False
        before = page.evaluate("kgNetwork.getPositions()")
        page.wait_for_timeout(1000)
        assert page.evaluate("kgNetwork.getPositions()") == before


@pytest.mark.parametrize("view", ["actors", "claims"])
def test_view_is_readable(built: Path, graphs, view: str):
    with offline_page() as page:
        open_view(page, built / f"{view}.html")
        nodes = page.evaluate("kgNodes.get().map(n => ({kind: n.kind, color: n.color, value: n.value}))")
        legend = page.evaluate("""[...document.querySelectorAll('#node-kinds li')].map(li => ({
            kind: li.querySelector('input').dataset.kind, color: li.querySelector('.swatch').style.backgroundColor,
            text: li.textContent }))""")
        # colours by kind, each kind in the legend with its colour and count
        kinds = {n["kind"] for n in nodes}
        assert len(kinds) >= 3 and kinds <= {item["kind"] for item in legend}
        for kind in kinds:
            colours = {n["color"] for n in nodes if n["kind"] == kind}
            assert len(colours) == 1
            [item] = [i for i in legend if i["kind"] == kind]
            in_graph = sum(1 for _, k in graphs[view].nodes(data="kind") if k == kind)
            assert item["text"].endswith(f"({in_graph})")
        assert len({n["color"] for n in nodes}) == len(kinds)
        # size by links or claims
        values = [n["value"] for n in nodes]
        assert max(values) >= 5 * min(values)
        # edge labels: the verb of a relation, the cue of a claim
        labels = page.evaluate("kgEdges.get().map(e => e.label).filter(l => l)")
        assert len(labels) > 10
        assert "said" in labels if view == "claims" else "meet" in labels


def test_claim_tooltip_shows_the_sentence_and_its_source(built: Path, graphs):
    g = graphs["claims"]
    claims = [(n, d) for n, d in g.nodes(data=True) if d["kind"].startswith("claim:") and d["evidence"][0].sentence]
    with offline_page() as page:
        open_view(page, built / "claims.html")
        for claim, data in claims[:8]:  # a node may lie under another one: try a few
            text = hover_node(page, claim)
            if text.startswith(data["label"]):
                break
    assert text.startswith(data["label"])
    proof = data["evidence"][0]
    assert " ".join(proof.sentence.split())[:60] in " ".join(text.split())
    assert proof.title in text and proof.date in text and data["speaker"] in text


def test_relation_tooltip_shows_the_sentence_and_its_source(built: Path, graphs):
    g = graphs["actors"]
    relations = [(u, v, k, d) for u, v, k, d in g.edges(keys=True, data=True)
                 if d["kind"] == "relation" and d["evidence"][0].sentence]
    with offline_page() as page:
        open_view(page, built / "actors.html")
        page.uncheck("#edge-kinds input[data-kind=co-mention]")  # so that only relations lie under the mouse
        page.wait_for_selector("body[data-settled=true]", timeout=30_000)
        for u, v, key, data in relations[:8]:  # an edge may lie under another one: try a few
            heading = f"{g.nodes[u]['label']} → {g.nodes[v]['label']}: {data['label']}"
            text = hover_edge(page, f"{u}\t{v}\t{key}")
            if text.startswith(heading):
                break
    assert text.startswith(heading)
    proof = data["evidence"][0]
    assert " ".join(proof.sentence.split())[:60] in " ".join(text.split())
    assert proof.title in text and proof.date in text


def test_search_box_finds_and_selects_nodes(built: Path):
    with offline_page() as page:
        open_view(page, built / "actors.html")
        page.fill("#search", "putin")
        selected = page.evaluate("kgNetwork.getSelectedNodes().map(id => kgNodes.get(id).label)")
        assert selected and all("putin" in label.lower() for label in selected)
        assert page.inner_text("#matches").startswith(str(len(selected)))
        page.fill("#search", "")
        assert page.evaluate("kgNetwork.getSelectedNodes().length") == 0


def test_legend_filters_kinds_links_and_weights(built: Path, graphs):
    total = graphs["actors"].number_of_nodes()
    with offline_page() as page:
        open_view(page, built / "actors.html")
        assert page.evaluate("kgNodes.length") == shown_at_first(graphs["actors"], "actors") < total
        page.check("#unlinked")
        page.wait_for_selector("body[data-settled=true]", timeout=30_000)
        assert page.evaluate("kgNodes.length") == total
        countries = page.evaluate("kgNodes.get().filter(n => n.kind === 'Country').length")
        assert countries > 0
        page.uncheck("#node-kinds input[data-kind=Country]")
        page.wait_for_selector("body[data-settled=true]", timeout=30_000)
        assert page.evaluate("kgNodes.length") == total - countries
        assert "Country" not in page.evaluate("kgNodes.get().map(n => n.kind)")
        co_mentions = "kgEdges.get().filter(e => e.kind === 'co-mention').length"
        shown = page.evaluate(co_mentions)
        page.fill("#min-weight", "1")
        page.dispatch_event("#min-weight", "change")
        assert page.evaluate(co_mentions) > shown  # a lower threshold shows more co-mentions


def test_an_empty_store_gives_an_empty_view_that_settles(tmp_path: Path):
    html = tmp_path / "empty.html"
    missing = run_kg("view", "actors", "-o", html, "--store", f"oxigraph:{tmp_path / 'store'}", ok=False)
    assert missing.exit_code == 1 and "no store at" in missing.output
    open_store(f"oxigraph:{tmp_path / 'store'}").close()
    run_kg("view", "actors", "-o", html, "--store", f"oxigraph:{tmp_path / 'store'}")
    with offline_page() as page:
        open_view(page, html)
        assert page.inner_text("#summary") == "0 of 0 nodes, 0 of 0 edges"
        page.click("#unlinked")
        page.wait_for_selector("body[data-settled=true]", timeout=10_000)
        assert page.errors == [] and page.failed == []
