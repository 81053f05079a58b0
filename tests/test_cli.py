"""End to end through the real CLI on seeds/: build, query, export, view, validate."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph

from conftest import ROOT, run_kg

PUTIN_CLAIMS = """
SELECT ?cue ?content ?title WHERE {
  ?claim cg:claimant ?putin ; cg:cue ?cue ; cg:content ?content ; cg:source ?doc .
  ?putin rdfs:label|skos:altLabel "Putin" .
  ?doc dcterms:title ?title .
} ORDER BY ?title
"""


def test_build_writes_exports_and_views(built: Path):
    for name in ("graph.ttl", "graph.trig", "actors.html", "claims.html"):
        assert (built / name).stat().st_size > 1000, name
    assert (built / "store").is_dir()


def test_turtle_and_trig_parse_back(built: Path):
    g = Graph().parse(built / "graph.ttl", format="turtle")
    ds = Dataset().parse(built / "graph.trig", format="trig")
    named = {str(g.identifier) for g in ds.graphs()}
    assert len(g) > 1000
    assert sum(1 for n in named if "/graph/doc/" in n) == 5  # one named graph per document
    assert "https://w3id.org/claimgraph/graph/actors" in named
    assert "https://w3id.org/claimgraph/graph/ontology" in named


def test_readme_query_finds_putins_claims_with_their_articles(store_env):
    rows = json.loads(run_kg("query", PUTIN_CLAIMS, "--format", "json", env=store_env).stdout)
    assert len(rows) >= 5
    assert {"said", "stated"} & {r["cue"] for r in rows}
    assert all(r["title"] for r in rows)
    assert any("Together we are defending the principles of justice" in r["content"] for r in rows)


def test_query_formats(store_env, tmp_path: Path):
    q = "SELECT ?title WHERE { ?d a cg:Document ; dcterms:title ?title } ORDER BY ?title"
    table = run_kg("query", q, env=store_env).stdout
    assert table.splitlines()[0].strip() == "title" and "(5 rows)" in table
    csv_out = run_kg("query", q, "--format", "csv", env=store_env).stdout.splitlines()
    assert csv_out[0] == "title" and len(csv_out) == 6
    (tmp_path / "q.rq").write_text("ASK { ?c a cg:Claim }", encoding="utf-8")
    assert run_kg("query", "--file", tmp_path / "q.rq", env=store_env).stdout.strip() == "true"


@pytest.mark.parametrize("update", [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "PREFIX x: <urn:x#>\nDELETE WHERE { ?s ?p ?o }",
    "DROP ALL",
])
def test_query_is_read_only(store_env, update: str):
    result = run_kg("query", update, ok=False, env=store_env)
    assert result.exit_code == 1 and "read-only" in result.output
    count = run_kg("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv", env=store_env)
    assert int(count.stdout.splitlines()[1]) > 1000


def test_query_syntax_error_is_one_line(store_env):
    result = run_kg("query", "SELECT WHERE {", ok=False, env=store_env)
    assert result.exit_code == 1 and result.output.count("\n") == 1 and "query failed" in result.output


@pytest.mark.parametrize("fmt, parse_as", [("ttl", "turtle"), ("trig", "trig"), ("nq", "nquads"), ("jsonld", "json-ld")])
def test_export_formats(store_env, tmp_path: Path, fmt: str, parse_as: str):
    target = tmp_path / f"graph.{fmt}"
    run_kg("export", "--format", fmt, "-o", target, env=store_env)
    parsed = Dataset().parse(target, format=parse_as)
    assert len(list(parsed.quads((None, None, None, None)))) > 1000


def test_view_writes_html(store_env, tmp_path: Path):
    run_kg("view", "claims", "-o", tmp_path / "c.html", env=store_env)
    html = (tmp_path / "c.html").read_text(encoding="utf-8")
    assert "vis.Network" in html and "http://" not in html.split("<script>")[0]


def test_validate_conforms(store_env):
    assert "conforms" in run_kg("validate", env=store_env).stdout


def test_validate_fails_on_a_broken_graph(tmp_path: Path):
    store = tmp_path / "store"
    ds = Dataset(store="Oxigraph")
    ds.open(str(store))
    ds.parse(data="""
        @prefix cg: <https://w3id.org/claimgraph/ontology#> .
        <urn:claim> a cg:Claim ; cg:kind "rumour" .
    """, format="turtle")
    ds.close()
    result = run_kg("validate", "--store", f"oxigraph:{store}", ok=False)
    assert result.exit_code == 1 and "does not conform" in result.output and "content" in result.output


def test_memory_store_build(tmp_path: Path, seeds: Path):
    out = tmp_path / "out"
    result = run_kg("build", seeds / "002_418559a313f8507d.txt", "--store", "memory", "--out", out, "--outputs")
    assert "built 1 document," in result.stdout and not (out / "store").exists()
    assert "Putin" in (out / "graph.ttl").read_text(encoding="utf-8")


def test_rebuilding_a_document_replaces_its_graph(tmp_path: Path, seeds: Path):
    out = tmp_path / "out"
    doc = seeds / "004_d62c5a62e5a9aeea.txt"
    run_kg("build", doc, "--out", out)
    count = lambda: run_kg("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv",
                           "--store", f"oxigraph:{out / 'store'}").stdout.splitlines()[1]
    first = count()
    run_kg("build", doc, "--out", out)
    assert count() == first


def test_bad_input_is_skipped_and_the_rest_is_built(tmp_path: Path, seeds: Path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.txt").write_text("Angela Merkel said that the talks went well.", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04")
    (corpus / "latin1.txt").write_bytes("Caf\xe9 society".encode("latin-1"))
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "metadata.csv").write_text("doc,title\ngood,\"unclosed\n", encoding="utf-8")
    result = run_kg("build", corpus, "--store", "memory", "--out", tmp_path / "out")
    assert "built 1 document," in result.stdout
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 4
    assert any("binary.txt: binary file" in w for w in warnings)
    assert any("latin1.txt: not UTF-8" in w for w in warnings)
    assert any("empty.txt: empty document" in w for w in warnings)


def test_missing_path_is_a_one_line_error(tmp_path: Path):
    result = run_kg("build", tmp_path / "missing", "--store", "memory", ok=False)
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: path not found: {tmp_path / 'missing'}"


def test_commands_need_an_existing_store(tmp_path: Path):
    result = run_kg("query", "ASK {}", "--store", f"oxigraph:{tmp_path / 'none'}", ok=False)
    assert result.exit_code == 1 and "no store at" in result.output


@pytest.mark.parametrize("command", ["build", "extract", "query", "export", "view", "validate"])
def test_every_command_has_help_with_an_example(command: str):
    text = run_kg(command, "--help").stdout
    assert "Example" in text and "kg " + command in text


def test_console_script_runs():
    kg = Path(sys.executable).parent / "kg"
    result = subprocess.run([str(kg), "--help"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0 and "build" in result.stdout
