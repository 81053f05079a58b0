"""The HTML views as a person sees them: headless Chromium with networking off."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import hover_edge, hover_node, offline_page, open_view, violations
from kg.graphs import actor_graph, claim_graph
from conftest import run_kg
from kg.store import open_store
from kg.views import FOCUS_ABOVE, merge_relations

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
    """The actor view shows the actors linked by a relation or a co-mention in two sources
    or more (a tick box shows the others); the claim view of the seeds is over
    FOCUS_ABOVE nodes, so it opens on its focus (see test_a_large_view_opens_on_its_focus)."""
    if view == "claims":
        assert g.number_of_nodes() > FOCUS_ABOVE
        return None
    return len({n for u, v, d in g.edges(data=True) if d["kind"] == "relation" or d["weight"] >= 2 for n in (u, v)})


def drawn_ids(page) -> set[str]:
    return set(page.evaluate("kgNodes.getIds()"))


def settled(page) -> None:
    page.wait_for_selector("body[data-settled=true]", timeout=30_000)


@pytest.mark.parametrize("view", ["actors", "claims"])
def test_view_draws_its_nodes_offline(built: Path, graphs, view: str, tmp_path: Path):
    with offline_page() as page:
        open_view(page, built / f"{view}.html")
        drawn = page.evaluate("Object.keys(kgNetwork.getPositions()).length")
        page.screenshot(path=str(tmp_path / f"{view}.png"))
        assert drawn == (shown_at_first(graphs[view], view) or page.evaluate("kgNodes.length")) > 10
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
        assert "said" in labels if view == "claims" else "meet" in [label.split(" +")[0] for label in labels]


def test_claim_tooltip_shows_the_sentence_and_its_source(built: Path, graphs):
    g = graphs["claims"]
    claims = [(n, d) for n, d in g.nodes(data=True) if d["kind"].startswith("claim:") and d["evidence"][0].sentence]
    with offline_page() as page:
        open_view(page, built / "claims.html")
        claims = [(n, d) for n, d in claims if n in drawn_ids(page)]
        for claim, data in claims[:8]:  # a node may lie under another one: try a few
            text = hover_node(page, claim)
            if text.startswith(data["label"]):
                break
    assert text.startswith(data["label"])
    proof = data["evidence"][0]
    assert " ".join(proof.sentence.split())[:60] in " ".join(text.split())
    assert proof.title in text and proof.date in text and data["speaker"] in text


def test_relation_tooltip_shows_the_sentence_and_its_source(built: Path, graphs):
    g = merge_relations(graphs["actors"])  # the relations from one actor to another are one edge
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


def test_a_large_view_opens_on_its_focus_and_grows_by_double_click(built: Path, graphs):
    g = graphs["claims"]
    with offline_page() as page:
        open_view(page, built / "claims.html")
        focus = page.evaluate("JSON.parse(document.getElementById('kg-data').textContent).focus")
        shown = drawn_ids(page)
        assert focus and set(focus) <= shown and 10 < len(shown) < g.number_of_nodes()
        neighbours = {n for f in focus for n in nx_neighbours(g, f)}
        assert shown <= set(focus) | neighbours  # the focus and its neighbours, nothing else
        assert "double-click a node" in page.inner_text("#summary")
        # a double click on a node around the focus shows that node's neighbours too
        node = next(n for n in sorted(shown - set(focus)) if nx_neighbours(g, n) - shown)
        page.evaluate(f"kgNetwork.focus({node!r}, {{scale: 2}})")  # nothing else under the mouse
        point = page.evaluate(f"kgNetwork.canvasToDOM(kgNetwork.getPositions([{node!r}])[{node!r}])")
        box = page.locator("#network").bounding_box()
        page.mouse.dblclick(box["x"] + point["x"], box["y"] + point["y"])
        settled(page)
        grown = drawn_ids(page)
        assert shown < grown and grown - shown <= nx_neighbours(g, node)
        page.uncheck("#focus-on")  # everything
        settled(page)
        assert len(drawn_ids(page)) == g.number_of_nodes()
        page.click("#focus-reset")
        settled(page)
        assert drawn_ids(page) == shown


def nx_neighbours(g, node: str) -> set[str]:
    return set(g.successors(node)) | set(g.predecessors(node))


def test_search_in_a_focused_view_brings_the_match_in(built: Path, graphs):
    g = graphs["claims"]
    with offline_page() as page:
        open_view(page, built / "claims.html")
        outside = sorted(n for n, d in g.nodes(data=True) if n not in drawn_ids(page) and d["kind"] == "Person")
        assert outside
        label = g.nodes[outside[0]]["label"]
        page.fill("#search", label.lower())
        settled(page)
        assert outside[0] in drawn_ids(page)
        assert outside[0] in page.evaluate("kgNetwork.getSelectedNodes()")


def test_date_range_keeps_what_is_dated_within_it(built: Path):
    with offline_page() as page:
        open_view(page, built / "actors.html")
        days = page.evaluate("JSON.parse(document.getElementById('kg-data').textContent).dates")
        assert len(days) >= 3 and days == sorted(days)
        before = page.evaluate("kgEdges.length")
        page.evaluate("""() => { const b = document.getElementById('date-from');
                                 b.value = b.max; b.dispatchEvent(new Event('input')); }""")
        settled(page)
        assert page.inner_text("#date-range") == f"{days[-1]} – {days[-1]}"
        dates = page.evaluate("kgEdges.get().map(e => e.dates)")
        assert 0 < len(dates) < before and all(days[-1] in d for d in dates)


def test_relations_between_two_actors_are_one_edge_with_quiet_labels(built: Path):
    with offline_page() as page:
        open_view(page, built / "actors.html")
        ends = page.evaluate("kgEdges.get().filter(e => e.kind === 'relation').map(e => e.from + ' ' + e.to)")
        assert len(ends) == len(set(ends)) > 10
        assert page.evaluate("kgEdges.length") > 40  # too many to label at once: labels show on hover
        edge = page.evaluate("kgEdges.getIds()[0]")
        assert page.evaluate(f"kgNetwork.body.edges[{edge!r}].options.font.color") == "rgba(0,0,0,0)"
