"""The explorer page as Python writes it: its embedded data, its escaping, ``kg explore``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import run_kg
from kg.explorer import build_explorer, explorer_data, script_json, served_explorer, table_queries
from kg.store import open_store

CONFIG_BLOCK = re.compile(r'<script type="application/json" id="kg-config">(.*?)</script>', re.DOTALL)


def embedded(page: str) -> dict:
    [block] = CONFIG_BLOCK.findall(page)
    return json.loads(block)


@pytest.mark.parametrize("text", ["</script><script>alert(1)</script>", "<!-- a", "a\u2028b\u2029c", "&amp; ' \""])
def test_script_json_cannot_end_its_block(text: str):
    out = script_json({"t": text})
    assert "<" not in out and ">" not in out and "&" not in out and "\u2028" not in out and "\u2029" not in out
    assert json.loads(out) == {"t": text}


def test_documents_keep_their_text_and_every_offset_points_into_it(built: Path):
    ds = open_store(f"oxigraph:{built / 'store'}", create=False, read_only=True)
    try:
        data = explorer_data(ds)
    finally:
        ds.close()
    texts = {row["doc"]: row["text"] for row in data["texts"]}
    assert len(texts) == len(data["documents"]) == 5
    for doc in data["documents"]:
        assert len(texts[doc["doc"]]) > 1000
    for claim in data["claims"]:
        text = texts[claim["doc"]]
        assert text[claim["contentStart"]:claim["contentEnd"]] == claim["content"]
        assert text[claim["cueStart"]:claim["cueEnd"]] == claim["cue"]
    assert len(data["claims"]) > 50 and {c["kind"] for c in data["claims"]} >= {"direct", "indirect"}


def test_kg_explore_writes_one_standalone_file(built: Path, tmp_path: Path):
    target = tmp_path / "sub" / "explorer.html"
    result = run_kg("explore", "-o", target, "--store", f"oxigraph:{built / 'store'}")
    assert f"wrote {target}" in result.stdout
    page = target.read_text(encoding="utf-8")
    config = embedded(page)
    assert config["mode"] == "standalone" and set(config["data"]) == set(table_queries())
    assert len(config["data"]["claims"]) > 50
    assert "connect-src 'none'" in page and "<script src" not in page and "<link" not in page


def test_kg_explore_on_a_missing_store_is_one_line(tmp_path: Path):
    result = run_kg("explore", "-o", tmp_path / "x.html", "--store", f"oxigraph:{tmp_path / 'none'}", ok=False)
    assert result.exit_code == 1 and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.html").exists()


def test_served_page_carries_queries_not_data():
    config = embedded(served_explorer())
    assert config["mode"] == "served" and "data" not in config
    assert set(config["tables"]) >= {"claims", "documents", "texts", "groups", "actors"}
    assert {q["name"] for q in config["named"]} >= {"claims", "claims-about", "stances"}


def test_empty_store_gives_an_empty_explorer():
    ds = open_store("memory")
    config = embedded(build_explorer(ds))
    assert config["data"]["claims"] == [] and config["data"]["texts"] == []
