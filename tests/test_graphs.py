"""The graphs read from the store, and their GEXF and GraphML exports (no spaCy involved)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from conftest import run_kg
from kg.graphs import CLAIM_LAYERS, actor_graph, claim_graph, flat_graph
from kg.rdf import actor_iri, claim_iri
from kg.store import open_store
from kg import views
from kg.views import Style, register_style, style_of, vis_data
from minigraph import write_store

ANN, BO, CARDIA, CY = (str(actor_iri(a)) for a in ("ann_lee", "bo_park", "cardia", "cy_diaz"))


@pytest.fixture(scope="module")
def store_uri(tmp_path_factory) -> str:
    return write_store(tmp_path_factory.mktemp("mini") / "store")


@pytest.fixture
def ds(store_uri):
    ds = open_store(store_uri, create=False)
    yield ds
    ds.close()


def edges(g, kind):
    return {(u, v): d for u, v, d in g.edges(data=True) if d["kind"] == kind}


def test_actor_nodes_count_mentions_claims_and_sources(ds):
    g = actor_graph(ds)
    assert set(g) == {ANN, BO, CARDIA, CY}
    ann = g.nodes[ANN]
    assert (ann["label"], ann["kind"], ann["mentions"], ann["claims"], ann["sources"]) == ("Ann Lee", "Person", 5, 1, 2)
    assert g.nodes[CARDIA]["kind"] == "Country" and g.nodes[CARDIA]["sources"] == 1


def test_relation_edges_are_weighted_by_distinct_sources(ds):
    relations = edges(actor_graph(ds), "relation")
    meet = relations[ANN, BO]
    # three sentences say it, in two documents: the weight counts documents, not sentences
    assert meet["label"] == "meet" and meet["weight"] == 2 and len(meet["evidence"]) == 3
    assert [e.date for e in meet["evidence"]] == ["2024-05-16", "2024-05-16", "2024-06-01"]
    assert meet["evidence"][-1].sentence == "Ann Lee met Bo Park in Ostia."
    assert meet["evidence"][-1].source == "Second report (2024-06-01)"
    denial = relations[ANN, CY]
    assert denial["label"] == "not meet" and denial["negated"] and denial["weight"] == 1
    assert denial["evidence"][0].sentence == "Ann Lee did not meet Cy Diaz."


def test_co_mention_edges_join_actors_named_in_the_same_document(ds):
    co = edges(actor_graph(ds), "co-mention")
    pairs = {frozenset(pair): d["weight"] for pair, d in co.items()}
    assert pairs == {frozenset({ANN, BO}): 2, frozenset({ANN, CARDIA}): 1, frozenset({BO, CARDIA}): 1,
                     frozenset({ANN, CY}): 1, frozenset({BO, CY}): 1}
    assert all(d["directed"] is False for d in co.values())


def test_claim_graph_links_speakers_claims_and_actors(ds):
    g = claim_graph(ds)
    c1 = str(claim_iri("c1"))
    assert g.nodes[c1]["kind"] == "claim:indirect" and g.nodes[c1]["label"] == "Cardia would win"
    assert g.nodes[c1]["evidence"][0].sentence == "Ann Lee said that Cardia would win."
    assert g.nodes[c1]["evidence"][0].source == "First <b>report</b> (2024-05-16)"
    assert g.has_edge(ANN, c1, key="said") and g.edges[ANN, c1, "said"]["label"] == "said"
    assert g.has_edge(c1, CARDIA, key="about")
    assert g.nodes[ANN]["claims"] == 1 and g.nodes[CARDIA]["about"] == 1
    # "Officials" in two articles need not be the same people: one node per document
    unnamed = [n for n, k in g.nodes(data="kind") if k == "Unnamed source"]
    assert len(unnamed) == 2 and {g.nodes[n]["label"] for n in unnamed} == {"Officials"}


def test_a_new_claim_layer_adds_its_own_kinds(ds, monkeypatch):
    def add_groups(g: nx.MultiDiGraph, _ds) -> None:
        g.add_node("group:1", kind="proposition", label="Cardia wins")
        for claim in [n for n, k in g.nodes(data="kind") if k.startswith("claim:")]:
            g.add_edge(claim, "group:1", key="member", kind="member of", label="")

    g = claim_graph(ds, [*CLAIM_LAYERS, add_groups])
    assert g.nodes["group:1"]["kind"] == "proposition" and g.in_degree("group:1") == 3
    nodes, links = vis_data(g)
    assert {n["kind"] for n in nodes if n["id"] == "group:1"} == {"other"}  # drawn, though unstyled
    monkeypatch.setattr(views, "NODE_STYLES", list(views.NODE_STYLES))  # restored after the test
    register_style(Style("proposition", "Claim group", "#000000", shape="star"))
    nodes, _ = vis_data(g)
    assert [n["kind"] for n in nodes if n["id"] == "group:1"] == ["proposition"]
    assert style_of("proposition").shape == "star"


def test_flat_graph_has_only_plain_attributes(ds):
    flat = flat_graph(actor_graph(ds))
    for _, data in [*flat.nodes(data=True), *((None, d) for *_, d in flat.edges(data=True))]:
        assert all(isinstance(v, (str, int, float, bool)) for v in data.values())
    meet = [d for *_, d in flat.edges(data=True) if d["label"] == "meet"][0]
    assert "Ann Lee met Bo Park in Ostia." in meet["evidence"]
    assert "Second report (2024-06-01)" in meet["source_titles"]


@pytest.mark.parametrize("fmt, read", [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
@pytest.mark.parametrize("which", ["actors", "claims"])
def test_export_graph_formats_read_back(store_uri, tmp_path: Path, fmt, read, which):
    target = tmp_path / f"{which}.{fmt}"
    run_kg("export", "--format", fmt, "--graph", which, "-o", target, "--store", store_uri)
    assert target.read_text(encoding="utf-8").startswith("<?xml")
    back = read(target)
    ds = open_store(store_uri, create=False)
    try:
        expected = actor_graph(ds) if which == "actors" else claim_graph(ds)
    finally:
        ds.close()
    assert back.number_of_nodes() == expected.number_of_nodes()
    assert back.number_of_edges() == expected.number_of_edges()
    if which == "actors":
        assert back.nodes[ANN]["label"] == "Ann Lee" and back.nodes[ANN]["kind"] == "Person"
        weights = sorted(float(d["weight"]) for u, v, d in back.edges(data=True) if (u, v) == (ANN, BO))
        assert weights == [2.0, 2.0]  # the relation and the co-mention, both in two sources


def test_actor_tooltips_show_evidence_and_edges_dates(ds):
    nodes, links = vis_data(actor_graph(ds))
    [ann] = [n for n in nodes if n["id"] == ANN]
    sentences = [proof["sentence"] for proof in ann["info"]["evidence"]]
    assert sentences and all("Ann Lee" in s for s in sentences)  # her links' sentences, not only counts
    assert ann["dates"] == ["2024-05-16", "2024-06-01"]
    [meet] = [e for e in links if e["kind"] == "relation" and (e["from"], e["to"]) == (ANN, BO)]
    assert meet["dates"] == ["2024-05-16", "2024-06-01"]


def test_claim_edges_take_their_claims_dates(ds):
    _, links = vis_data(claim_graph(ds))
    said = [e for e in links if e["kind"] == "said"]
    assert said and all(e["dates"] for e in said)
