"""``--store http://...``: a real Oxigraph server (``oxigraph serve``) as the store, written
by the Graph Store Protocol; the result is exactly the store a local build makes."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import SEEDS, run_kg
from kg.serve import oxigraph_binary

ONE = SEEDS / "002_418559a313f8507d.txt"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(tmp_path: Path):
    """An Oxigraph server on 127.0.0.1 over a fresh folder; yields (url, folder)."""
    folder, port = tmp_path / "server", free_port()
    process = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        pytest.fail("oxigraph serve did not start")
    yield url, folder
    process.terminate()
    process.wait(timeout=30)


def nquads(store: str) -> list[str]:
    text = run_kg("export", "--format", "nq", "--store", store).stdout
    return sorted(line for line in text.splitlines() if line.strip())


def test_a_sparql_server_holds_exactly_the_local_store(server, tmp_path: Path):
    url, folder = server
    for _ in range(2):  # built twice: the second build replaces the document, knowing its actors
        run_kg("build", ONE, "-j", "1", "--out", tmp_path / "local")
    result = run_kg("build", ONE, "-j", "1", "--store", url)
    assert "built 1 document," in result.stdout
    run_kg("build", ONE, "-j", "1", "--store", url)  # a rebuild replaces the document's graph (PUT)
    rows = run_kg("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv", "--store", url)
    local = nquads(f"oxigraph:{tmp_path / 'local' / 'store'}")
    assert int(rows.stdout.splitlines()[1]) == len(local) > 1000
    copy = tmp_path / "copy"
    urllib.request.urlretrieve(f"{url}/store", copy)  # the whole dataset, by the Graph Store Protocol
    assert sorted(line for line in copy.read_text(encoding="utf-8").splitlines() if line.strip()) == local


def test_an_unreachable_server_is_a_one_line_error(tmp_path: Path):
    result = run_kg("build", ONE, "-j", "1", "--store", f"http://127.0.0.1:{free_port()}", ok=False)
    assert result.exit_code == 1 and result.stderr.startswith("Error: ") and len(result.stderr.splitlines()) == 1
