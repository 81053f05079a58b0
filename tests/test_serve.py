"""``kg serve`` as a person uses it: the real command in its own process, a real HTTP client."""

from __future__ import annotations

import csv
import io
import json
import re
import select
import shutil
import socket
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pyoxigraph
import pytest

from conftest import run_kg
from kg.graphs import actor_graph
from kg.store import open_store

PREFIX = "PREFIX cg: <https://w3id.org/claimgraph/ontology#>\nPREFIX dcterms: <http://purl.org/dc/terms/>\n"
COUNT_CLAIMS = PREFIX + "SELECT (COUNT(?c) AS ?n) WHERE { ?c a cg:Claim }"
SPARQL_JSON = "application/sparql-results+json"
KG = Path(sys.executable).parent / "kg"


def request(url: str, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
    """(status, content type, body) of one HTTP request; error statuses are answers too."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type", ""), err.read()


def start_server(store: Path, *options: str, **popen) -> tuple[subprocess.Popen, str]:
    """Start ``kg serve --port 0`` (a free port) and read the address it prints."""
    process = subprocess.Popen([str(KG), "serve", "--port", "0", "--store", f"oxigraph:{store}", *options],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **popen)
    ready, _, _ = select.select([process.stdout], [], [], 120)
    line = process.stdout.readline() if ready else ""
    found = re.search(r"at (http://127\.0\.0\.1:\d+/) ", line)
    if not found:
        process.kill()
        pytest.fail(f"kg serve did not start: {line!r} {process.stderr.read()!r}")
    return process, found.group(1)


@pytest.fixture(scope="module")
def server(built: Path):
    process, url = start_server(built / "store")
    yield url
    process.terminate()
    assert process.wait(timeout=30) == 0


@pytest.fixture(scope="module")
def claims_in_store(built: Path) -> int:
    out = run_kg("query", "SELECT (COUNT(?c) AS ?n) WHERE { ?c a cg:Claim }", "--format", "csv",
                 "--store", f"oxigraph:{built / 'store'}").stdout
    return int(out.splitlines()[1])


def test_get_query_answers_sparql_json(server, claims_in_store):
    status, kind, body = request(server + "query?" + urllib.parse.urlencode({"query": COUNT_CLAIMS}),
                                 headers={"Accept": SPARQL_JSON})
    assert status == 200 and kind.startswith(SPARQL_JSON)
    [row] = json.loads(body)["results"]["bindings"]
    assert int(row["n"]["value"]) == claims_in_store > 10


def test_post_query_answers_xml_over_all_graphs(server):
    query = PREFIX + "SELECT ?title WHERE { ?d a cg:Document ; dcterms:title ?title } ORDER BY ?title"
    status, kind, body = request(server + "query", query.encode(), method="POST",
                                 headers={"Content-Type": "application/sparql-query",
                                          "Accept": "application/sparql-results+xml"})
    assert status == 200 and kind.startswith("application/sparql-results+xml")
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    titles = [b.findtext("r:literal", namespaces=ns) for b in ET.fromstring(body).iterfind(".//r:binding", ns)]
    assert len(titles) == 5 and all(titles)  # one per seed document, though each is in its own graph


def test_post_form_query_answers_csv(server):
    form = urllib.parse.urlencode({"query": COUNT_CLAIMS}).encode()
    status, kind, body = request(server + "query", form, method="POST",
                                 headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"})
    assert status == 200 and kind.startswith("text/csv")
    rows = list(csv.reader(io.StringIO(body.decode())))
    assert rows[0] == ["n"] and int(rows[1][0]) > 10


@pytest.mark.parametrize("method, path, body, content_type", [
    ("POST", "update", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "application/sparql-update"),
    ("POST", "update", "update=" + urllib.parse.quote("DROP ALL"), "application/x-www-form-urlencoded"),
    ("POST", "query", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "application/sparql-update"),
    ("POST", "query", "update=" + urllib.parse.quote("CLEAR ALL"), "application/x-www-form-urlencoded"),
    ("GET", "query?update=" + urllib.parse.quote("DROP ALL"), None, None),
    ("PUT", "store?default", "<urn:a> <urn:b> <urn:c> .", "text/turtle"),
    ("POST", "store?default", "<urn:a> <urn:b> <urn:c> .", "text/turtle"),
    ("DELETE", "store?default", None, None),
    ("PATCH", "actors.html", "x", "text/plain"),
])
def test_writes_are_refused(server, claims_in_store, method, path, body, content_type):
    headers = {"Content-Type": content_type} if content_type else {}
    status, _, answer = request(server + path, body.encode() if body else None, headers, method=method)
    assert status == 403 and b"read-only" in answer
    status, _, body = request(server + "query?" + urllib.parse.urlencode({"query": COUNT_CLAIMS}),
                              headers={"Accept": SPARQL_JSON})
    assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) == claims_in_store


def test_views_are_served_beside_the_endpoint(server, built):
    status, kind, page = request(server + "actors.html")
    assert status == 200 and kind.startswith("text/html")
    data = re.search(rb'<script type="application/json" id="kg-data">(.*?)</script>', page, re.DOTALL)
    ds = open_store(f"oxigraph:{built / 'store'}", create=False)
    try:
        expected = actor_graph(ds).number_of_nodes()
    finally:
        ds.close()
    assert len(json.loads(data.group(1))["nodes"]) == expected > 10
    status, _, index = request(server)
    assert status == 200 and b'href="actors.html"' in index and b'href="claims.html"' in index
    assert request(server + "nothing-here")[0] == 404


def test_syntax_error_is_a_client_error(server):
    status, _, _ = request(server + "query?" + urllib.parse.urlencode({"query": "SELECT WHERE {"}),
                           headers={"Accept": SPARQL_JSON})
    assert status == 400


def count_triples(url: str) -> int:
    query = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"})
    _, _, body = request(url + "query?" + query, headers={"Accept": SPARQL_JSON})
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def test_writers_are_not_locked_out_and_stopping_leaves_nothing(built: Path, tmp_path: Path):
    store = tmp_path / "store"
    shutil.copytree(built / "store", store)
    process, url = start_server(store)
    snapshots = list(tmp_path.glob(".kg-serve-*"))
    assert len(snapshots) == 1 and request(url)[0] == 200
    before = count_triples(url)
    writer = pyoxigraph.Store(str(store))  # a build may write the store while it is served
    term = pyoxigraph.NamedNode("urn:new")
    writer.add(pyoxigraph.Quad(term, term, term))
    writer.flush()
    del writer
    assert count_triples(url) == before  # the endpoint answers from its snapshot
    process.terminate()
    assert process.wait(timeout=30) == 0
    assert not snapshots[0].exists()
    with pytest.raises(OSError):
        request(url)


def test_a_store_being_written_is_not_served(built: Path, tmp_path: Path):
    store = tmp_path / "store"
    shutil.copytree(built / "store", store)
    writer = pyoxigraph.Store(str(store))  # holds the write lock, as a running kg build does
    try:
        result = run_kg("serve", "--port", "0", "--store", f"oxigraph:{store}", ok=False)
    finally:
        del writer
    assert result.exit_code == 1 and "being written by another process" in result.output


def test_serve_needs_an_on_disk_store():
    result = run_kg("serve", "--store", "memory", ok=False)
    assert result.exit_code == 1 and "on-disk store" in result.output


def test_a_port_in_use_is_a_one_line_error(built: Path, tmp_path: Path):
    store = tmp_path / "store"
    shutil.copytree(built / "store", store)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_kg("serve", "--port", port, "--store", f"oxigraph:{store}", ok=False)
    assert result.exit_code == 1 and f"cannot listen on 127.0.0.1:{port}" in result.output
    assert not list(tmp_path.glob(".kg-serve-*"))  # the snapshot is gone again


def test_the_endpoint_is_a_store_for_other_commands(server, tmp_path: Path):
    endpoint = server + "query"
    titles = run_kg("query", "SELECT ?t WHERE { ?d a cg:Document ; dcterms:title ?t }", "--format", "csv",
                    "--store", endpoint).stdout.splitlines()
    assert len(titles) == 6  # the header and the five seed articles
    run_kg("view", "claims", "-o", tmp_path / "claims.html", "--store", endpoint)
    assert "kg-data" in (tmp_path / "claims.html").read_text(encoding="utf-8")


def test_serve_has_help_with_an_example():
    text = run_kg("serve", "--help").stdout
    assert "Example" in text and "kg serve --port" in text and "read-only" in text
