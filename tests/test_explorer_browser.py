"""The explorer as a reader uses it, in headless Chromium: served by ``kg serve`` (reading the
store through SPARQL) and as a standalone file, with hostile article text."""

from __future__ import annotations

import csv
import io
import json
import time
import urllib.parse
from contextlib import contextmanager
from pathlib import Path

import pytest

from browser import browser, offline_page, violations
from conftest import WEAPONS, run_kg
from kg.explorer import explorer_data
from kg.store import open_store
from test_serve import start_server

ACTOR = "https://w3id.org/claimgraph/id/actor/"


def store_data(store: Path) -> dict:
    ds = open_store(f"oxigraph:{store}", create=False, read_only=True)
    try:
        return explorer_data(ds)
    finally:
        ds.close()


@pytest.fixture(scope="module")
def seeds_server(built: Path):
    process, url = start_server(built / "store")
    yield url
    process.terminate()
    assert process.wait(timeout=30) == 0


@pytest.fixture(scope="module")
def seeds_data(built: Path) -> dict:
    return store_data(built / "store")


@contextmanager
def served_page(url: str):
    """A page that may reach the server at ``url`` and nothing else; records as offline_page does."""
    context = browser().new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    try:
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(url) else route.abort())
        context.add_init_script("window.kgViolations = [];"
                                "document.addEventListener('securitypolicyviolation',"
                                " e => window.kgViolations.push(e.violatedDirective + ' ' + e.blockedURI));")
        page = context.new_page()
        page.requests, page.errors, page.dialogs = [], [], []
        page.on("request", lambda r: page.requests.append(r.url))
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
        yield page
    finally:
        context.close()


def wait_until(page, condition: str, timeout: float = 10.0) -> None:
    """Poll a JavaScript condition (wait_for_function would need eval, which the page's CSP forbids)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(condition):
        assert time.monotonic() < deadline, f"still false after {timeout} s: {condition}"
        page.wait_for_timeout(50)


def open_at(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready=true]", timeout=30_000)


def rows(page) -> list[dict]:
    return page.evaluate("""[...document.querySelectorAll('#claims-table tbody tr')].map(tr => ({
        id: tr.dataset.claim, date: tr.cells[0].textContent, speaker: tr.cells[1].textContent,
        cue: tr.cells[2].textContent, content: tr.cells[3].textContent, source: tr.cells[4].textContent}))""")


def shown_count(page) -> int:
    return int(page.inner_text("#count").split()[0])


def hash_params(page) -> dict:
    fragment = page.evaluate("location.hash")
    return dict(urllib.parse.parse_qsl(fragment.split("?", 1)[1])) if "?" in fragment else {}


def marks(page) -> dict[str, str]:
    page.wait_for_selector("#article[data-ready=true]")
    return page.evaluate("Object.fromEntries([...document.querySelectorAll('#article mark')]"
                         ".map(m => [m.dataset.role, m.textContent]))")


# --- the journalist's question, served ---------------------------------------------------------


def test_who_said_what_about_ukraine_since_march_and_who_first(seeds_server, seeds_data):
    about = [c for c in seeds_data["claims"] if c["date"] >= "2024-03-01"
             and {"claim": c["claim"], "actor": ACTOR + "ukraine"} in seeds_data["about"]]
    with served_page(seeds_server) as page:
        open_at(page, seeds_server)
        page.select_option("#f-about", "ukraine")
        page.fill("#f-from", "2024-03-01")
        page.dispatch_event("#f-from", "change")
        assert hash_params(page) == {"about": "ukraine", "from": "2024-03-01"}  # a URL to share
        assert shown_count(page) == len(about) > 3
        shown = rows(page)
        assert {r["id"] for r in shown} == {c["id"] for c in about}
        assert [r["date"] for r in shown] == sorted(r["date"] for r in shown)  # oldest first
        first = min(about, key=lambda c: c["date"])
        assert first["date"] in page.inner_text("#first-said")
        # open the claim: the evidence, highlighted in the article at its offsets
        page.click(f"#claims-table tr[data-claim='{shown[0]['id']}'] td.content a")
        claim = next(c for c in about if c["id"] == shown[0]["id"])
        found = marks(page)
        assert found["content"] == claim["content"] and found["cue"] == claim["cue"]
        text = next(t["text"] for t in seeds_data["texts"] if t["doc"] == claim["doc"])
        assert page.inner_text("#claim-content") == claim["content"]
        assert page.evaluate("document.getElementById('article').textContent") == text
        assert page.evaluate("location.hash") == f"#/claim/{claim['id']}"
        assert page.errors == [] and page.dialogs == [] and violations(page) == []
        assert all(r.startswith(seeds_server) for r in page.requests)


def test_search_words_of_content_speaker_actor_and_title(seeds_server, seeds_data):
    titles = {d["doc"]: d["title"].lower() for d in seeds_data["documents"]}
    with served_page(seeds_server) as page:
        open_at(page, seeds_server + "#/claims?q=deepen")  # in a title, and in some claims
        in_title = [c for c in seeds_data["claims"] if "deepen" in titles[c["doc"]]]
        assert shown_count(page) >= len(in_title) > 5
        page.fill("#q", "no limits")
        wait_until(page, "location.hash.includes('q=no+limits')")
        for row in rows(page):
            assert all(word in " ".join(row.values()).lower() for word in ("no", "limits"))
        page.fill("#q", "Blinken")  # an actor the claims are about, or a speaker
        about_blinken = {c["claim"] for c in seeds_data["claims"] if "Blinken" in c["speaker"]} | {
            a["claim"] for a in seeds_data["about"] if a["actor"] == ACTOR + "antony_blinken"}
        wait_until(page, f"document.getElementById('count').textContent.startsWith('{len(about_blinken)} ')")
        page.fill("#q", "zzzz nothing")
        assert page.inner_text("#count") == "0 claims"


@pytest.mark.parametrize("control, value, keep", [
    ("#f-speaker", "vladimir_putin", lambda c, d: c["speakerActor"] == ACTOR + "vladimir_putin"),
    ("#f-kind", "direct", lambda c, d: c["kind"] == "direct"),
    ("#f-publisher", "KTXS", lambda c, d: d["documents"][c["doc"]]["publisher"] == "KTXS"),
    ("#f-stance", "opposes", lambda c, d: c["claim"] in d["opposes"]),
    ("#f-to", "2022-12-31", lambda c, d: c["date"] <= "2022-12-31"),
])
def test_each_filter(seeds_server, seeds_data, control, value, keep):
    data = {"documents": {d["doc"]: d for d in seeds_data["documents"]},
            "opposes": {s["claim"] for s in seeds_data["stances"] if s["polarity"] == "opposes"}}
    expected = sum(1 for c in seeds_data["claims"] if keep(c, data))
    with served_page(seeds_server) as page:
        open_at(page, seeds_server)
        if control in ("#f-to",):
            page.fill(control, value)
            page.dispatch_event(control, "change")
        else:
            page.select_option(control, value)
        assert 0 < shown_count(page) == expected < len(seeds_data["claims"])
        # the filtered URL, opened afresh, shows the same
        url = page.url
        open_at(page, url)
        assert shown_count(page) == expected and page.input_value(control) == value


def test_sorting_and_paging(seeds_server, seeds_data):
    total = len(seeds_data["claims"])
    with served_page(seeds_server) as page:
        open_at(page, seeds_server)
        assert page.inner_text("#page-info") == f"page 1 of {-(-total // 25)}"
        assert len(rows(page)) == 25
        page.click("th[data-key=date] button")  # already by date, oldest first: now newest first
        dates = [r["date"] for r in rows(page)]
        assert dates == sorted(dates, reverse=True) and dates[0] == max(c["date"] for c in seeds_data["claims"])
        assert page.get_attribute("th[data-key=date]", "aria-sort") == "descending"
        page.click("th[data-key=speaker] button")
        speakers = [r["speaker"].lower() for r in rows(page)]
        assert page.evaluate("s => s.every((x, i) => i === 0 || s[i - 1].localeCompare(x) <= 0)", speakers)
        first_page = rows(page)
        page.click("#next")
        second_page = rows(page)
        assert hash_params(page)["page"] == "2" and page.inner_text("#page-info").startswith("page 2 of")
        assert not {r["id"] for r in first_page} & {r["id"] for r in second_page}
        open_at(page, page.url)  # page 2, sorted by speaker, from its URL alone
        assert rows(page) == second_page
        page.click("#prev")
        assert rows(page) == first_page


def test_actor_page(seeds_server, seeds_data):
    ukraine = ACTOR + "ukraine"
    about = {a["claim"] for a in seeds_data["about"] if a["actor"] == ukraine}
    with served_page(seeds_server) as page:
        open_at(page, seeds_server + "#/actor/ukraine")
        assert page.inner_text("h1").startswith("Ukraine")
        assert page.locator("#claims-about tbody tr").count() == len(about) > 5
        over_time = page.evaluate("[...document.querySelectorAll('#over-time tbody tr')].map(tr => +tr.cells[2].textContent)")
        assert sum(over_time) == len(about)
        assert "China" in page.inner_text("#co-mentioned") and "Russia" in page.inner_text("#relations")
        page.click("#co-mentioned a >> text=China")
        wait_until(page, "location.hash === '#/actor/china' && document.querySelector('h1').textContent.startsWith('China')"
                         " && document.querySelectorAll('#claims-made tbody tr').length > 0")
        assert page.locator("#claims-made tbody tr").count() == sum(
            1 for c in seeds_data["claims"] if c["speakerActor"] == ACTOR + "china")
        assert page.errors == []


def test_sparql_editor(seeds_server, seeds_data, tmp_path: Path):
    with served_page(seeds_server) as page:
        open_at(page, seeds_server + "#/sparql")
        assert page.input_value("#sparql-text").startswith("PREFIX cg: <https://w3id.org/claimgraph/ontology#>")
        page.fill("#sparql-text", "SELECT ?id ?content WHERE { ?c a cg:Claim ; dcterms:identifier ?id ; cg:content ?content } "
                                  "ORDER BY ?id")
        page.click("#run")
        page.wait_for_selector("#sparql-table")
        assert page.locator("#sparql-table tbody tr").count() == len(seeds_data["claims"])
        with page.expect_download() as download:
            page.click("#download-csv")
        table = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
        assert download.value.suggested_filename == "query.csv"
        assert table == sorted(({"id": c["id"], "content": c["content"]} for c in seeds_data["claims"]),
                               key=lambda r: r["id"])
        with page.expect_download() as download:
            page.click("#download-json")
        assert json.loads(Path(download.value.path()).read_text(encoding="utf-8")) == table
        # the query is in the URL: opening it runs it again
        shared = page.url
        open_at(page, shared)
        page.wait_for_selector("#sparql-table")
        assert page.locator("#sparql-table tbody tr").count() == len(seeds_data["claims"])
        # an error is one line
        page.fill("#sparql-text", "SELECT *\nWHERE { ?s ?p }")
        page.click("#run")
        page.wait_for_selector("#sparql-error:not([hidden])")
        assert page.inner_text("#sparql-error").startswith("error at 2:")  # the line the user typed
        assert "\n" not in page.inner_text("#sparql-error") and page.locator("#sparql-table").count() == 0
        assert page.is_disabled("#download-csv")
        page.fill("#sparql-text", "INSERT DATA { <urn:a> <urn:b> <urn:c> }")
        page.click("#run")
        assert page.inner_text("#sparql-error") == "updates are not allowed: the store is served read-only"
        # a named query, one click away
        page.click("#named-queries button[data-name=stances]")
        assert "cg:polarity" in page.input_value("#sparql-text")
        page.click("#run")
        page.wait_for_selector("#sparql-table")
        assert page.locator("#sparql-table th").all_inner_texts() == ["claimant", "polarity", "target", "claims", "evidence"]
        assert page.errors == [] and page.dialogs == []


# --- a claim group and its timeline: three articles, one denial -------------------------------------


@pytest.fixture(scope="module")
def weapons_store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("weapons")
    corpus = folder / "in"
    corpus.mkdir()
    for name, text in WEAPONS.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    (corpus / "metadata.csv").write_text("doc,title,publisher,published,url\na,Merkel speaks,Paper A,2024-01-05,\n"
                                         "b,Biden speaks,Paper B,2024-02-05,\nc,Ministry denies,Paper C,2024-03-05,\n")
    run_kg("build", corpus, "--store", f"oxigraph:{folder / 'store'}")
    return folder / "store"


def test_group_page_timeline_and_contradictions(weapons_store: Path, tmp_path: Path):
    html = tmp_path / "explorer.html"
    run_kg("explore", "-o", html, "--store", f"oxigraph:{weapons_store}")
    data = store_data(weapons_store)
    [group] = [g for g in data["groups"] if g["members"] == 2]
    with offline_page() as page:
        open_at(page, html.as_uri() + "#/groups")
        page.click(f"#groups-table a[href='#/group/{group['group'].rsplit('/', 1)[1]}']")
        page.wait_for_selector("#timeline")
        items = page.locator("#timeline li").all_inner_texts()
        assert len(items) == 2 and items[0].startswith("2024-01-05") and "Angela Merkel" in items[0]
        assert "first appearance" in items[0] and "first appearance" not in items[1]
        assert items[1].startswith("2024-02-05") and "Joe Biden" in items[1] and "Paper B" in items[1]
        contradictions = page.locator("#contradictions li").all_inner_texts()
        assert len(contradictions) == 2 and all("denied" in c and "denial" in c for c in contradictions)
        # from the timeline to the claim, and to the denial
        page.locator("#contradictions li").first.locator("a").last.click()
        assert marks(page)["cue"] == "denied"
        assert page.errors == [] and page.failed == [] and page.requests == [html.as_uri()]


def test_undated_claims_list_without_a_first_said_line(weapons: Path, tmp_path: Path):
    run_kg("build", weapons, "--store", f"oxigraph:{tmp_path / 'store'}")  # no metadata.csv: no dates
    html = tmp_path / "explorer.html"
    run_kg("explore", "-o", html, "--store", f"oxigraph:{tmp_path / 'store'}")
    with offline_page() as page:
        open_at(page, html.as_uri())
        text = page.inner_text("#main")
        assert shown_count(page) == 3 and "Said first" not in text and "null" not in text


# --- hostile article text -----------------------------------------------------------------------------

ARTICLE = """Leaders trade words 🙂 in Paris \U0001d11e

Vladimir Putin said that "<script>window.kgPwned = 1; alert(1)</script>" was the only answer \u200f\u202e to the West.

Xi Jinping told reporters that <img src=x onerror="window.kgPwned = 2; alert(2)"> would not help Ukraine.

"</script><script>window.kgPwned = 3</script> it's \u2028 a \u2029 "quote" & &amp; {{ 7*7 }} ${alert(4)}," Joe Biden said on Monday.
"""
TITLE = '<img src=x onerror="window.kgPwned = 4"> Talks </script><!--'


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    corpus = folder / "in"
    corpus.mkdir()
    (corpus / "evil.txt").write_text(ARTICLE, encoding="utf-8")
    title = TITLE.replace('"', '""')
    (corpus / "metadata.csv").write_text(f'doc,title,publisher,published,url\nevil,"{title}",<b>Evil</b>,2024-05-16,'
                                         'javascript:alert(5)\n', encoding="utf-8")
    run_kg("build", corpus, "--store", f"oxigraph:{folder / 'store'}")
    return folder / "store"


def read_everything(page, start: str, claims: list[dict]) -> list[str]:
    """Visit every page a reader would: the search, each claim, its group and actors."""
    texts = []
    open_at(page, start + "#/claims?q=%3Cscript%3E")
    texts.append(page.inner_text("main"))
    for claim in claims:
        page.goto(start + f"#/claim/{claim['id']}")
        found = marks(page)
        assert found["content"] == claim["content"] and found["cue"] == claim["cue"]  # offsets in code points
        texts.append(page.evaluate("document.getElementById('article').textContent"))
    for route in ("#/groups", "#/actors", "#/actor/vladimir_putin", "#/actor/ukraine"):
        page.goto(start + route)
        texts.append(page.inner_text("main"))
    return texts


def assert_nothing_ran(page) -> None:
    assert page.evaluate("typeof window.kgPwned") == "undefined"
    assert page.dialogs == [] and page.errors == [] and violations(page) == []
    assert page.evaluate("document.querySelectorAll('main img, main svg, main iframe, main script, main b').length") == 0
    assert page.evaluate("[...document.links].filter(a => !/^(https?:|file:|#)/.test(a.getAttribute('href'))"
                         " && !/^(actors|claims)\\.html$/.test(a.getAttribute('href'))).length") == 0


@pytest.mark.parametrize("mode", ["served", "standalone"])
def test_hostile_article_text_shows_literally_and_never_runs(hostile_store: Path, tmp_path: Path, mode: str):
    data = store_data(hostile_store)
    [text] = [t["text"] for t in data["texts"]]
    assert len(data["claims"]) >= 3 and any("<script>" in c["content"] for c in data["claims"])
    if mode == "served":
        process, url = start_server(hostile_store)
        page_context = served_page(url)
    else:
        html = tmp_path / "explorer.html"
        run_kg("explore", "-o", html, "--store", f"oxigraph:{hostile_store}")
        process, url = None, html.as_uri()
        page_context = offline_page()
    try:
        with page_context as page:
            shown = read_everything(page, url, data["claims"])
            assert_nothing_ran(page)
            if mode == "standalone":
                assert page.requests == [url] and page.failed == []
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=30)
    assert text in shown  # the whole article, exactly, U+2028, RTL marks, astral characters and all
    assert any("<script>window.kgPwned = 1" in s for s in shown)
    assert any(TITLE in s for s in shown)
