"""Incremental builds: add documents, add the same one again, change one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import count, query, run_kg

FIRST = "Angela Merkel met reporters in Berlin.\n\nAngela Merkel said the partnership with France had “no limits”.\n"
SECOND = "Merkel later said that the partnership with France had no limits.\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    for name, text in {"one": FIRST, "two": SECOND}.items():
        (tmp_path / name).mkdir()
        (tmp_path / name / f"{name}.txt").write_text(text, encoding="utf-8")
    return tmp_path


def build(corpus: Path, name: str) -> Path:
    run_kg("build", corpus / name, "--out", corpus / "out")
    return corpus / "out" / "store"


def test_new_documents_join_existing_actors_and_claim_groups(corpus: Path):
    store = build(corpus, "one")
    build(corpus, "two")
    mentions = query(store, """SELECT ?text ?actor WHERE { ?m cg:text ?text ; cg:mentionOf ?a .
                                 ?a dcterms:identifier ?actor }""")
    assert {m["actor"] for m in mentions if "Merkel" in m["text"]} == {"angela_merkel"}
    [group] = query(store, "SELECT ?n ?s WHERE { ?g a cg:Proposition ; cg:memberCount ?n ; cg:sourceCount ?s . "
                           "FILTER(?s > 1) }")
    assert group == {"n": 2, "s": 2}


ACTORS_GRAPH = ("SELECT ?s ?p ?o WHERE { GRAPH <https://w3id.org/claimgraph/graph/actors> { ?s ?p ?o } } "
                "ORDER BY ?s ?p ?o")


def test_an_added_document_updates_the_actors_it_names_as_a_fresh_build_does(corpus: Path):
    (corpus / "one" / "one.txt").write_text("German Chancellor Angela Merkel met reporters.\n", encoding="utf-8")
    (corpus / "two" / "two.txt").write_text(SECOND + "Olaf Scholz agreed with Chancellor Merkel.\n", encoding="utf-8")
    store = build(corpus, "one")
    before = query(store, ACTORS_GRAPH)
    build(corpus, "two")  # Merkel, named again, keeps the names she had; Scholz is new
    after = query(store, ACTORS_GRAPH)
    assert [row for row in before if row in after] == before
    assert any("Scholz" in str(row["o"]) for row in after)
    run_kg("build", corpus / "one", corpus / "two", "--out", corpus / "fresh")
    assert after == query(corpus / "fresh" / "store", ACTORS_GRAPH)


def test_an_unrelated_document_leaves_the_groups_as_they_were(corpus: Path):
    store = build(corpus, "one")
    build(corpus, "two")
    groups = "SELECT ?g ?n WHERE { ?g a cg:Proposition ; cg:memberCount ?n } ORDER BY ?g"
    before = query(store, groups)
    (corpus / "three").mkdir()
    (corpus / "three" / "three.txt").write_text("Olaf Scholz said that the bridge over the Rhine will reopen in May.\n",
                                                encoding="utf-8")
    build(corpus, "three")
    after = query(store, groups)
    assert [g for g in after if g in before] == before and len(after) == len(before) + 1
    assert count(store, "?c cg:embedding ?e") == count(store, "?c a cg:Claim ; cg:expresses ?g")


def test_the_same_document_twice_adds_nothing(corpus: Path):
    store = build(corpus, "one")
    before = count(store, "?s ?p ?o")
    build(corpus, "one")
    assert count(store, "?s ?p ?o") == before


def test_a_changed_document_replaces_its_graph(corpus: Path):
    store = build(corpus, "one")
    build(corpus, "two")
    assert count(store, "?c a cg:Claim ; cg:source doc:one") == 1
    (corpus / "one" / "one.txt").write_text("Angela Merkel met reporters in Berlin.\n", encoding="utf-8")
    build(corpus, "one")
    assert count(store, "?c a cg:Claim ; cg:source doc:one") == 0
    assert count(store, "?c a cg:Claim ; cg:source doc:two") == 1  # the other document is untouched
    assert count(store, "?g a cg:Proposition ; cg:sourceCount 2") == 0  # groups follow the change


def test_a_failed_document_leaves_the_store_as_it_was(corpus: Path):
    store = build(corpus, "one")
    before = count(store, "?s ?p ?o")
    (corpus / "one" / "one.txt").write_bytes(b"\xff\xfe not utf-8")
    result = run_kg("build", corpus / "one", "--out", corpus / "out")
    assert "not UTF-8" in result.stderr
    assert count(store, "?s ?p ?o") == before


COUNTED = ("relation-network", "relations-by-type", "stances", "co-mentioned")
MEETING = "Vladimir Putin met Xi Jinping in Beijing. Xi Jinping criticized the United States over its sanctions.\n"
AGAIN = "Vladimir Putin met Xi Jinping again in Moscow. Putin praised China.\n"


def counted(store: Path) -> dict[str, list]:
    """Every row of the queries that page through the counts a build keeps."""
    env = {"KG_STORE": f"oxigraph:{store}"}
    return {name: sorted(map(str, json.loads(run_kg("query", "--name", name, "--limit", "0", "--format", "json",
                                                     env=env).stdout)))
            for name in COUNTED}


def test_counts_follow_added_and_changed_documents_as_a_fresh_build_counts_them(corpus: Path):
    for name, text in {"meeting": MEETING, "again": AGAIN}.items():
        (corpus / name).mkdir()
        (corpus / name / f"{name}.txt").write_text(text, encoding="utf-8")
    store = build(corpus, "meeting")
    build(corpus, "again")
    [meeting] = [r for r in query(store, "SELECT ?n WHERE { ?a cg:relationRank ?r ; cg:count ?n ; "
                                         "cg:predicateLemma 'meet' }")]
    assert meeting == {"n": 2}  # two documents state it
    (corpus / "again" / "again.txt").write_text("Vladimir Putin praised Xi Jinping.\n", encoding="utf-8")
    build(corpus, "again")
    incremental = counted(store)
    assert any("'meet'" in row and "'sources': 1" in row for row in incremental["relation-network"])
    run_kg("build", corpus / "meeting", corpus / "again", "--out", corpus / "fresh")
    assert incremental == counted(corpus / "fresh" / "store")
    assert all(incremental.values())


def test_a_reopened_store_keeps_what_was_written_and_stays_the_only_writer(tmp_path: Path):
    from rdflib import Graph, Literal, URIRef

    from kg.store import StoreError, open_store, reopen, write_graphs

    uri = f"oxigraph:{tmp_path / 'store'}"
    ds = open_store(uri)
    graph = Graph(identifier=URIRef("urn:doc:1"))
    graph.add((URIRef("urn:a"), URIRef("urn:p"), Literal("before")))
    write_graphs(ds, [graph], bulk=True)
    reopen(ds)
    later = Graph(identifier=URIRef("urn:doc:2"))
    later.add((URIRef("urn:b"), URIRef("urn:p"), Literal("after")))
    write_graphs(ds, [later])
    values = sorted(str(row.o) for row in ds.query("SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }"))
    assert values == ["after", "before"]
    with pytest.raises(StoreError, match="being written"):
        open_store(uri)
    memory = open_store("memory")
    reopen(memory)  # nothing to close: left as it is
    assert len(memory) == 0
    ds.close()
