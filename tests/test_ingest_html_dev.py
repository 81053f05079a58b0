"""The 13 saved pages of ``../shared/bench/html-dev``: what comes out of each, checked by hand.

``tests/data/html-dev-expected.json`` holds, for every page, the title, date, author,
publisher, the first and last 60 characters of the text, lines that must be marked as
boilerplate zones, strings of the page's furniture that must not reach the text, and
what the hand check found (``checked``: where the output is right, and where it is not).
The pages are read from ``../shared`` beside the repository; without it these tests skip.
"""

from __future__ import annotations

import html
import json

import pytest

from conftest import ROOT, jsonl, run_kg
from kg.ingest import read_documents

HTML_DEV = ROOT.parent / "shared" / "bench" / "html-dev"
EXPECTED = json.loads((ROOT / "tests" / "data" / "html-dev-expected.json").read_text(encoding="utf-8"))
FIELDS = ("title", "published", "published_at", "author", "publisher", "url", "language")

pytestmark = pytest.mark.skipif(not HTML_DEV.is_dir(), reason="../shared/bench/html-dev is not beside the repository")


@pytest.fixture(scope="module")
def documents() -> dict:
    warnings: list[str] = []
    docs = {f"{d.id}.html": d for d in read_documents([HTML_DEV], warn=warnings.append)}
    assert warnings == []
    return docs


def test_every_page_is_read(documents):
    assert sorted(documents) == sorted(EXPECTED) == sorted(p.name for p in HTML_DEV.glob("*.html"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_page_metadata_and_text(documents, name: str):
    doc, expected = documents[name], EXPECTED[name]
    assert {key: doc.meta.get(key) for key in FIELDS} == {key: expected[key] for key in FIELDS}
    assert doc.text.startswith(expected["text_starts"]) and doc.text.endswith(expected["text_ends"])
    zones = [doc.text[start:end] for start, end, _ in doc.skip]
    assert all(zone in zones for zone in expected["zones"])
    page = html.unescape((HTML_DEV / name).read_text(encoding="utf-8", errors="replace"))
    for furniture in expected["absent"]:
        assert furniture in page and furniture not in doc.text


def test_no_actor_or_claim_made_of_page_furniture():
    records = jsonl(run_kg("extract", HTML_DEV).stdout)
    labels = {r["label"].lower() for r in records if r["type"] == "actor"}
    assert not labels & {"doctype", "html", "menu", "home", "subscribe", "newsletter", "cookie", "cookies",
                         "share", "advertisement", "sign in", "related", "skip to content"}
    assert len([r for r in records if r["type"] == "document"]) == 13
