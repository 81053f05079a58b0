"""The Python API (``import kg``) gives what the commands of the same names give."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

import kg
from conftest import WEAPONS, jsonl, run_kg
from kg.ingest import Document
from kg.query import QueryError
from kg.store import StoreError


@pytest.fixture
def graph(store_env):
    with kg.Graph(store_env["KG_STORE"]) as g:
        yield g


def test_import_kg_is_light_and_names_the_api():
    code = "import sys, kg; kg.Graph; kg.extract; print('spacy' in sys.modules, sorted(kg.__all__))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False ['Graph', 'build', 'extract']"
    from kg.builder import build

    assert kg.build is build
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        kg.nothing


def test_extract_gives_the_records_kg_extract_writes(weapons: Path):
    from_python = kg.extract(weapons)  # a Path is read as kg extract reads it
    from_cli = jsonl(run_kg("extract", "--jsonl", weapons).stdout)
    assert from_python == from_cli
    assert [r["type"] for r in from_python].count("group") == 1 and any(r["type"] == "contradiction" for r in from_python)


def test_extract_takes_texts_and_documents():
    texts = [WEAPONS["a"], WEAPONS["b"]]
    records = kg.extract(texts, published="2024-05-16")
    documents = [r for r in records if r["type"] == "document"]
    assert [(d["doc"], d["published"]) for d in documents] == [("text-1", "2024-05-16"), ("text-2", "2024-05-16")]
    claims = [r for r in records if r["type"] == "claim"]
    assert [c["speaker_label"] for c in claims] == ["Angela Merkel", "Joe Biden"]
    assert all(texts[int(c["doc"][-1]) - 1][slice(*c["content_span"])] == c["content"] for c in claims)
    [group] = [r for r in records if r["type"] == "group"]
    assert sorted(group["members"]) == sorted(c["id"] for c in claims) and group["first_seen"] == "2024-05-16"

    [document] = [r for r in kg.extract(Document("mine", "No one said anything.")) if r["type"] == "document"]
    assert document["doc"] == "mine"


def test_extract_recognises_a_copy_among_the_paths_it_is_given(tmp_path: Path):
    text = "The council said on Monday that the bridge would close in June for repairs. " * 8
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    records = kg.extract([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert {r["doc"]: r["duplicate_of"] for r in records if r["type"] == "document"} == {"a": None, "b": "a"}


def test_extract_refuses_what_it_cannot_read():
    with pytest.raises(TypeError, match="not int"):
        kg.extract([3])
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        kg.extract("Putin said so.", published="last spring")


def test_build_returns_the_summary_kg_build_prints(weapons: Path, tmp_path: Path):
    summary = kg.build([weapons], out=tmp_path / "out")
    assert (summary.documents, summary.groups, summary.contradictions) == (3, 1, 2)
    with kg.Graph(f"oxigraph:{tmp_path / 'out' / 'store'}") as g:
        [group] = g.groups()
        assert (group["claims"], group["sources"]) == (2, 2)


def test_claims_are_kg_claims(graph, store_env):
    shown = json.loads(run_kg("claims", "--speaker", "Putin", "--about", "Ukraine", "--format", "json",
                              env=store_env).stdout)
    assert graph.claims(speaker="Putin", about="Ukraine") == shown and shown
    assert {row["speaker"] for row in shown} == {"Vladimir Putin"}


def test_claims_within_dates(graph, store_env):
    dated = [row for row in graph.claims() if row["date"]]
    since = graph.claims(since="2023-01-01")
    before = graph.claims(until=dt.date(2022, 12, 31))
    assert since and before and len(since) + len(before) == len(dated)
    assert all(row["date"] >= "2023-01-01" for row in since) and all(row["date"] <= "2022-12-31" for row in before)
    assert graph.claims(since="2023-01-01", until="2023-12-31") == [r for r in since if r["date"] <= "2023-12-31"]
    shown = json.loads(run_kg("claims", "--since", "2023-01-01", "--format", "json", env=store_env).stdout)
    assert shown == since
    result = run_kg("claims", "--since", "March", env=store_env, ok=False)
    assert result.exit_code != 0 and "since must be a date like 2024-05-16, not 'March'" in result.output


def test_groups_are_the_named_query(graph):
    groups = graph.groups()
    assert groups and all(g["claims"] >= 2 for g in groups)
    assert [g["sources"] for g in groups] == sorted((g["sources"] for g in groups), reverse=True)
    assert graph.groups(min_claims=3) == [g for g in groups if g["claims"] >= 3]
    assert groups == graph.query(name="groups")


def test_actor_gathers_names_and_claims(graph):
    xi = graph.actor("xi")  # names are case-insensitive
    assert (xi["id"], xi["label"], xi["kind"]) == ("xi_jinping", "Xi Jinping", "Person")
    assert "President Xi" in xi["aliases"]
    assert xi["claims"] and {row["speaker"] for row in xi["claims"]} == {"Xi Jinping"}
    assert xi["about"] == graph.claims(about="Xi Jinping")
    with pytest.raises(ValueError, match="no actor is called 'Nobody at all'"):
        graph.actor("Nobody at all")


def test_to_networkx(graph):
    actors = graph.to_networkx()
    labels = {data["label"] for _, data in actors.nodes(data=True)}
    assert {"Xi Jinping", "Vladimir Putin", "China"} <= labels
    assert graph.to_networkx("claims").number_of_nodes() > actors.number_of_nodes()
    with pytest.raises(ValueError, match="'actors' or 'claims'"):
        graph.to_networkx("people")


def test_query_answers_select_ask_and_construct(graph):
    [row] = graph.query("SELECT (COUNT(?c) AS ?n) WHERE { ?c a cg:Claim }")
    assert row["n"] == len(graph.claims())
    assert graph.query("ASK { ?c a cg:Claim }") is True
    assert len(graph.query("CONSTRUCT { ?c a cg:Claim } WHERE { ?c a cg:Claim }")) == row["n"]
    with pytest.raises(QueryError):
        graph.query("DELETE WHERE { ?s ?p ?o }")
    with pytest.raises(QueryError, match="not both"):
        graph.query("ASK {}", name="claims")


def test_a_missing_store_is_one_clear_error(tmp_path: Path):
    with pytest.raises(StoreError, match="no store at"):
        kg.Graph(f"oxigraph:{tmp_path / 'none'}")


def test_the_record_format_is_documented_field_by_field():
    from dataclasses import fields

    from conftest import ROOT
    from kg.records import RECORD_TYPES

    doc = (ROOT / "docs" / "extract-jsonl.md").read_text(encoding="utf-8")
    sections = dict(part.split("`\n", 1) for part in doc.split("\n## `")[1:])
    assert set(sections) == set(RECORD_TYPES)
    for name, cls in RECORD_TYPES.items():
        missing = [f.name for f in fields(cls) if f"`{f.name}`" not in sections[name]]
        assert not missing, (name, missing)
