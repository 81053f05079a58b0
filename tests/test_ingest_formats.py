"""Ingest of every input kind: saved pages, URLs, feeds, WARC, tables, stdin; ids and copies.

URLs and feeds are served by a local HTTP server the tests start on 127.0.0.1; WARC files
are written with warcio. Nothing here touches the network.
"""

from __future__ import annotations

import io
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import jsonl, run_kg
from kg.ingest import IngestError, Stored, read_documents
from kg.ingest.web import FetchError, fetch

BODY = ["Russian President Vladimir Putin said on Thursday that his talks with Chinese leader Xi Jinping had "
        "been warm and productive.",
        "The two leaders signed a joint statement on energy and trade, and Xi said China and Russia would deepen "
        "their cooperation.",
        "Western officials said the meeting showed that Moscow was growing more dependent on Beijing.",
        "A spokesman for the European Union said the bloc was watching the relationship closely."]
TEXT = "\n".join(BODY)


def page(title: str, body: list[str] = BODY, date: str | None = "2024-05-16", author: str = "Jane Roe") -> str:
    """A saved news page: the article inside navigation, related links and a footer."""
    paras = "".join(f"<p>{p}</p>" for p in body)
    published = f'<meta property="article:published_time" content="{date}T09:30:00+00:00">' if date else ""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | The Daily Test</title>
<meta property="og:site_name" content="The Daily Test"><meta name="author" content="{author}">{published}</head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/s">Subscribe now</a></li>
</ul></nav><article><h1>{title}</h1>{paras}</article>
<aside class="related-stories"><h3>Related</h3><ul><li><a href="/x">Celebrity chef opens new restaurant</a></li></ul>
</aside><footer><p>Cookie settings</p><p>© The Daily Test</p></footer></body></html>"""


def read_all(*paths, **kwargs):
    warnings: list[str] = []
    docs = list(read_documents(paths, warn=warnings.append, **kwargs))
    return docs, warnings


# --- a local web server ---------------------------------------------------------------


class Site:
    """Pages served on 127.0.0.1: ``site.pages[path] = (content_type, bytes)``."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[str, bytes]] = {}
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                if self.path == "/slow":
                    time.sleep(2)
                if self.path == "/moved":
                    self.send_response(302)
                    self.send_header("Location", "file:///etc/passwd")
                    self.end_headers()
                    return
                if self.path not in site.pages:
                    self.send_error(404, "Not Found")
                    return
                content_type, data = site.pages[self.path]
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                try:
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading (the size limit)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture
def site():
    served = Site()
    served.thread.start()
    yield served
    served.server.shutdown()
    served.server.server_close()


def html_bytes(title: str, **kwargs) -> bytes:
    return page(title, **kwargs).encode("utf-8")


# --- saved pages ------------------------------------------------------------------------


def test_saved_page_gives_article_text_and_metadata(tmp_path: Path):
    (tmp_path / "story.html").write_text(page("Putin and Xi hail their talks"), encoding="utf-8")
    [doc], warnings = read_all(tmp_path)
    assert warnings == []
    assert doc.id == "story"
    assert doc.meta["title"] == "Putin and Xi hail their talks"  # the site name cut off
    assert (doc.meta["published"], doc.meta["published_at"]) == ("2024-05-16", "2024-05-16T09:30:00+00:00")
    assert (doc.meta["author"], doc.meta["publisher"], doc.meta["language"]) == ("Jane Roe", "The Daily Test", "en")
    assert BODY[0] in doc.text and BODY[-1] in doc.text
    for furniture in ("Subscribe", "Home", "Celebrity chef", "Cookie", "©", "<p>"):
        assert furniture not in doc.text


def test_saved_page_claims_point_into_the_extracted_text(tmp_path: Path):
    (tmp_path / "story.html").write_text(page("Putin and Xi hail their talks"), encoding="utf-8")
    records = jsonl(run_kg("extract", tmp_path / "story.html").stdout)
    [document] = [r for r in records if r["type"] == "document"]
    assert document["title"] == "Putin and Xi hail their talks" and document["author"] == "Jane Roe"
    claims = [r for r in records if r["type"] == "claim"]
    assert {c["speaker"] for c in claims} >= {"vladimir_putin", "xi_jinping"}
    text = read_all(tmp_path / "story.html")[0][0].text
    for claim in claims:
        assert text[claim["content_span"][0]:claim["content_span"][1]] == claim["content"]
    actors = {r["label"] for r in records if r["type"] == "actor"}
    assert not actors & {"DOCTYPE", "Home", "World", "Subscribe", "Daily Test", "Cookie"}


@pytest.mark.parametrize("html, reason", [
    ("<html><body><nav><a href='/'>Home</a></nav><p>Short.</p></body></html>", "no article text"),
    (page("Die Gespräche", body=["Der russische Präsident sagte am Donnerstag, dass die Gespräche mit dem "
                                 "chinesischen Staatschef sehr gut gewesen seien.",
                                 "Beide Länder würden ihre Zusammenarbeit vertiefen, wie die Regierung in Moskau "
                                 "am Abend mitteilte.",
                                 "Westliche Diplomaten zeigten sich besorgt über die wachsende Abhängigkeit "
                                 "Russlands von China und forderten eine klare Antwort der Europäischen Union."]),
     "not English"),
])
def test_unusable_page_is_skipped_with_a_reason(tmp_path: Path, html: str, reason: str):
    (tmp_path / "bad.html").write_text(html, encoding="utf-8")
    (tmp_path / "good.html").write_text(page("Putin and Xi hail their talks"), encoding="utf-8")
    docs, warnings = read_all(tmp_path)
    assert [d.id for d in docs] == ["good"]
    assert len(warnings) == 1 and reason in warnings[0] and "bad.html" in warnings[0] and "\n" not in warnings[0]


def test_html_named_directly_is_a_page_even_as_txt(tmp_path: Path):
    (tmp_path / "saved.txt").write_text(page("Putin and Xi hail their talks"), encoding="utf-8")
    [doc], _ = read_all(tmp_path / "saved.txt")
    assert doc.title == "Putin and Xi hail their talks" and "DOCTYPE" not in doc.text


# --- URLs -------------------------------------------------------------------------------


def test_url_is_fetched_and_read_as_a_page(site: Site):
    site.pages["/world/putin-xi.html"] = ("text/html; charset=utf-8", html_bytes("Putin and Xi hail their talks"))
    [doc], warnings = read_all(site.url("/world/putin-xi.html"))
    assert warnings == []
    assert doc.id.startswith("putin-xi-") and doc.meta["url"] == site.url("/world/putin-xi.html")
    assert doc.title == "Putin and Xi hail their talks" and doc.meta["published"] == "2024-05-16"


def test_url_errors_are_one_line_and_the_rest_goes_through(site: Site, tmp_path: Path):
    site.pages["/ok.html"] = ("text/html", html_bytes("Putin and Xi hail their talks"))
    site.pages["/report.pdf"] = ("application/pdf", b"%PDF-1.7\n...")
    urls = [site.url("/missing"), site.url("/report.pdf"), site.url("/moved"), "ftp://example.org/a.txt",
            site.url("/ok.html")]
    docs, warnings = read_all(*urls)
    assert [d.title for d in docs] == ["Putin and Xi hail their talks"]
    assert len(warnings) == 4 and all("\n" not in w for w in warnings)
    assert "HTTP 404" in warnings[0] and "PDF" in warnings[1]
    assert "file:///etc/passwd' is not allowed" in warnings[2] and "only http and https" in warnings[3]


def test_fetch_has_a_timeout_and_a_size_limit(site: Site):
    site.pages["/big"] = ("text/html", b"x" * 5000)
    site.pages["/slow"] = ("text/html", b"late")
    with pytest.raises(FetchError, match="larger than"):
        fetch(site.url("/big"), max_bytes=1000)
    with pytest.raises(FetchError, match="timed out"):
        fetch(site.url("/slow"), timeout=0.3)


def test_urls_file_on_the_command_line(site: Site, tmp_path: Path):
    site.pages["/a.html"] = ("text/html", html_bytes("Putin and Xi hail their talks"))
    site.pages["/b.html"] = ("text/html", html_bytes("Talks in Beijing end", body=BODY[2:] + BODY[:2]))
    (tmp_path / "links.txt").write_text(f"# two stories\n{site.url('/a.html')}\n\n{site.url('/b.html')}\n")
    records = jsonl(run_kg("extract", "--urls", tmp_path / "links.txt").stdout)
    assert [r["title"] for r in records if r["type"] == "document"] == ["Putin and Xi hail their talks",
                                                                        "Talks in Beijing end"]


# --- feeds ------------------------------------------------------------------------------


def rss(site: Site, items: list[tuple[str, str, str]]) -> bytes:
    entries = "".join(f"<item><title>{title}</title><link>{site.url(path)}</link><pubDate>{date}</pubDate></item>"
                      for title, path, date in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>{entries}</channel></rss>'.encode()


def test_feed_entries_are_fetched_with_the_entry_date_and_title_as_fallback(site: Site, tmp_path: Path):
    site.pages["/dated.html"] = ("text/html", html_bytes("Putin and Xi hail their talks"))
    site.pages["/undated.html"] = ("text/html", html_bytes("Talks end", body=BODY[2:] + BODY[:2], date=None))
    site.pages["/feed.xml"] = ("application/rss+xml", rss(site, [
        ("Entry title one", "/dated.html", "Tue, 14 May 2024 08:00:00 GMT"),
        ("Entry title two", "/undated.html", "Wed, 15 May 2024 10:15:00 GMT"),
        ("Gone", "/gone.html", "Wed, 15 May 2024 11:00:00 GMT")]))
    docs, warnings = read_all(site.url("/feed.xml"))
    assert [(d.title, d.meta["published"]) for d in docs] == [("Putin and Xi hail their talks", "2024-05-16"),
                                                               ("Talks end", "2024-05-15")]
    assert docs[1].meta["published_at"] == "2024-05-15T10:15:00+00:00"
    assert len(docs[0].id) > 9 and docs[0].id != docs[1].id
    assert len(warnings) == 1 and "gone.html" in warnings[0] and "HTTP 404" in warnings[0]
    (tmp_path / "wire.rss").write_bytes(site.pages["/feed.xml"][1])  # the same feed saved as a file
    again, _ = read_all(tmp_path / "wire.rss")
    assert [d.id for d in again] == [d.id for d in docs]


# --- WARC -------------------------------------------------------------------------------


def write_warc(path: Path, records: list[tuple[str, str, bytes]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=path.suffix == ".gz")
        for url, content_type, body in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                               warc_headers_dict={"WARC-Date": "2024-05-20T12:00:00Z"})
            writer.write_record(record)


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_responses_are_documents_with_url_and_date(tmp_path: Path, name: str):
    write_warc(tmp_path / name, [
        ("https://news.example/a/putin-xi", "text/html; charset=utf-8", html_bytes("Putin and Xi hail their talks")),
        ("https://news.example/style.css", "text/css", b"body { color: red }"),
        ("https://news.example/b/talks-end", "text/html", html_bytes("Talks end", body=BODY[2:] + BODY[:2],
                                                                       date=None))])
    docs, warnings = read_all(tmp_path / name)
    assert warnings == []
    assert [(d.title, d.meta["url"], d.meta["published"]) for d in docs] == [
        ("Putin and Xi hail their talks", "https://news.example/a/putin-xi", "2024-05-16"),
        ("Talks end", "https://news.example/b/talks-end", "2024-05-20")]  # the record's date where the page has none


@pytest.mark.parametrize("data, reason", [
    (bytes(range(256)) * 2, "not a readable WARC archive"),
    (b"WARC/1.0\r\nnonsense\r\n\r\n", "no HTML page"),
])
def test_broken_warc_is_one_line(tmp_path: Path, data: bytes, reason: str):
    (tmp_path / "broken.warc").write_bytes(data)
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    docs, warnings = read_all(tmp_path)
    assert [d.id for d in docs] == ["good"]
    assert len(warnings) == 1 and "broken.warc" in warnings[0] and reason in warnings[0]
    assert "\n" not in warnings[0] and len(warnings[0]) < 200


# --- tables and standard input ----------------------------------------------------------


def test_jsonl_table_with_metadata_columns(tmp_path: Path):
    rows = [{"id": "wire-1", "title": "Talks", "published": "2024-05-16T09:30:00Z", "publisher": "Wire", "text": TEXT},
            {"url": "https://news.example/x/talks-end", "text": "Talks ended.\n" + BODY[2]},
            {"text": "Xi said the talks went well."}, {"title": "no text"}]
    (tmp_path / "articles.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\nnot json\n")
    docs, warnings = read_all(tmp_path / "articles.jsonl")
    assert [d.id for d in docs][0] == "wire-1" and docs[1].id.startswith("talks-end-") and docs[2].id == "articles-3"
    assert (docs[0].title, docs[0].meta["published"], docs[0].meta["published_at"], docs[0].meta["publisher"]) == \
        ("Talks", "2024-05-16", "2024-05-16T09:30:00+00:00", "Wire")
    assert docs[1].meta["url"] == "https://news.example/x/talks-end" and docs[1].title == "Talks ended."
    assert len(warnings) == 2 and ":4: no text" in warnings[0] and ":5: not JSON" in warnings[1]


def test_csv_table_with_a_bom(tmp_path: Path):
    (tmp_path / "articles.csv").write_bytes("\ufeffid,Title,published,Text\nc1,Talks,2024-05-16,\"Xi said, \"\"fine.\"\"\"\n"
                                            .encode("utf-8"))
    [doc], warnings = read_all(tmp_path / "articles.csv")
    assert warnings == [] and (doc.id, doc.title, doc.text) == ("c1", "Talks", 'Xi said, "fine."')


def test_stdin_text_and_jsonl():
    [doc], _ = read_all("-", stdin=io.BytesIO(TEXT.encode("utf-8")))
    assert doc.text == TEXT and doc.id.startswith("stdin-") and doc.path == "-"
    table = b'{"id": "s1", "text": "Xi said the talks went well."}\n{"id": "s2", "text": "Putin agreed."}\n'
    docs, _ = read_all("-", fmt="jsonl", stdin=io.BytesIO(table))
    assert [d.id for d in docs] == ["s1", "s2"]


def test_stdin_on_the_command_line():
    from click.testing import CliRunner

    from kg.cli import cli

    result = CliRunner().invoke(cli, ["extract", "-", "--published", "2024-05-16"], input=TEXT)
    assert result.exit_code == 0, result.output
    [document] = [r for r in jsonl(result.stdout) if r["type"] == "document"]
    assert document["published"] == "2024-05-16" and document["source"] == "-"


# --- dates --------------------------------------------------------------------------------


def test_metadata_csv_wins_over_published_option_over_the_page(tmp_path: Path):
    (tmp_path / "a.html").write_text(page("Putin and Xi hail their talks"), encoding="utf-8")
    (tmp_path / "b.html").write_text(page("Talks end", body=BODY[2:] + BODY[:2]), encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("doc,title,published\na,Given title,2024-01-02\n", encoding="utf-8")
    docs, _ = read_all(tmp_path, published="2024-03-04")
    assert [(d.title, d.meta["published"], d.meta["published_at"]) for d in docs] == [
        ("Given title", "2024-01-02", None), ("Talks end", "2024-03-04", None)]
    plain, _ = read_all(tmp_path / "b.html")
    assert plain[0].meta["published"] == "2024-05-16"


def test_published_option_must_be_a_date(tmp_path: Path):
    with pytest.raises(IngestError, match="YYYY-MM-DD"):
        read_documents([tmp_path], published="last week")
    result = run_kg("build", tmp_path, "--published", "May", "--store", "memory", ok=False)
    assert result.exit_code != 0 and "YYYY-MM-DD" in result.output


# --- ids --------------------------------------------------------------------------------


def test_same_file_name_in_two_folders_gives_two_ids(tmp_path: Path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "article1.txt").write_text(f"Story from {folder}\n{TEXT}", encoding="utf-8")
    docs, _ = read_all(tmp_path / "a", tmp_path / "b")
    assert docs[0].id == "article1" and docs[1].id.startswith("article1-")
    assert docs[0].path.endswith("a/article1.txt") and docs[1].path.endswith("b/article1.txt")


def test_ids_from_an_earlier_build_are_kept(tmp_path: Path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "article1.txt").write_text(f"Story from {folder}\n{TEXT}", encoding="utf-8")
    [first], _ = read_all(tmp_path / "a")
    known = {first.id: Stored(input_key=first.meta["input_key"])}
    [second], _ = read_all(tmp_path / "b", stored=known)
    [first_again], _ = read_all(tmp_path / "a", stored=known | {second.id: Stored(input_key=second.meta["input_key"])})
    assert first.id == first_again.id == "article1" and second.id.startswith("article1-")


def test_two_builds_of_same_named_files_keep_both(tmp_path: Path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "article1.txt").write_text(f"Story from {folder}\nPutin said the talks went well.",
                                                        encoding="utf-8")
    store = f"oxigraph:{tmp_path / 'store'}"
    run_kg("build", tmp_path / "a", "--store", store, "--out", tmp_path / "out")
    run_kg("build", tmp_path / "b", "--store", store, "--out", tmp_path / "out")
    run_kg("build", tmp_path / "a", "--store", store, "--out", tmp_path / "out")  # replaces itself
    rows = run_kg("query", "SELECT ?t WHERE { ?d a cg:Document ; dcterms:title ?t } ORDER BY ?t", "--format", "csv",
                  "--store", store).stdout.splitlines()
    assert rows == ["t", "Story from a", "Story from b"]


def test_pages_with_the_same_slug_and_feed_entries_never_collide(site: Site):
    site.pages["/world/story.html"] = ("text/html", html_bytes("Putin and Xi hail their talks"))
    site.pages["/sport/story.html"] = ("text/html", html_bytes("Talks end", body=BODY[2:] + BODY[:2]))
    docs, _ = read_all(site.url("/world/story.html"), site.url("/sport/story.html"))
    assert len({d.id for d in docs}) == 2 and all(d.id.startswith("story-") for d in docs)


def test_the_same_input_twice_is_read_once(tmp_path: Path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    docs, warnings = read_all(tmp_path / "a.txt", tmp_path, tmp_path / "a.txt")
    assert [d.id for d in docs] == ["a"] and len(warnings) == 2 and "given twice" in warnings[0]


# --- copies -----------------------------------------------------------------------------

WIRE = ["BRUSSELS (Wire) - European Union and British negotiators will resume talks on a trade agreement next week "
        "after a round of meetings ended on Friday without a deal on fishing rights and state aid.",
        "Officials on both sides said progress had been made on customs procedures, energy cooperation and the "
        "rules for road haulage, but that the two most difficult chapters remained open.",
        "The chief negotiator for the EU told reporters that time was running short and that any agreement would "
        "need to be ratified by the European Parliament before the end of the year.",
        "His British counterpart said London wanted a deal but would not accept terms that tied the country to "
        "rules it had no say in making.",
        "Business groups in several member states have urged both sides to avoid tariffs, warning that companies "
        "had already spent heavily on preparing for new border checks.",
        "Fishing communities on both coasts are watching closely, since quotas for the coming season depend on "
        "the outcome of the talks.",
        "Diplomats said a summit of leaders could be called in the autumn if the negotiators fail to close the "
        "remaining gaps by then."]


def test_the_lsh_bands_are_datasketchs_optimum():
    from datasketch.lsh import _optimal_param

    from kg.ingest.copies import LSH_BANDS, NUM_PERM, THRESHOLD
    assert _optimal_param(THRESHOLD, NUM_PERM, 0.5, 0.5) == LSH_BANDS


def test_exact_and_near_copies_link_to_the_first(tmp_path: Path):
    (tmp_path / "1-original.txt").write_text("Trade talks go on\n" + "\n".join(WIRE), encoding="utf-8")
    (tmp_path / "2-exact.txt").write_text("Trade talks go on\n\n" + "\n\n".join(WIRE) + "\n", encoding="utf-8")
    (tmp_path / "3-syndicated.txt").write_text("EU and partners to keep talking\n" + "\n".join(WIRE)
                                               + "\nThe paper's own reporter added a closing paragraph here.",
                                               encoding="utf-8")
    (tmp_path / "4-other.txt").write_text("Something else\n" + TEXT, encoding="utf-8")
    docs, _ = read_all(tmp_path)
    assert [(d.id, d.meta["duplicate_of"]) for d in docs] == [
        ("1-original", None), ("2-exact", "1-original"), ("3-syndicated", "1-original"), ("4-other", None)]


def test_copies_in_records_and_rdf(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Putin said the talks went well.\n" + "\n".join(WIRE), encoding="utf-8")
    (tmp_path / "b.txt").write_text("Putin said the talks went well.\n" + "\n".join(WIRE), encoding="utf-8")
    records = jsonl(run_kg("extract", tmp_path).stdout)
    assert [(r["doc"], r["duplicate_of"]) for r in records if r["type"] == "document"] == [("a", None), ("b", "a")]
    store = f"oxigraph:{tmp_path / 'store'}"
    run_kg("build", tmp_path, "--store", store, "--out", tmp_path / "out")
    rows = run_kg("query", "SELECT ?copy ?first WHERE { ?c cg:duplicateOf ?f . ?c dcterms:identifier ?copy . "
                           "?f dcterms:identifier ?first }", "--format", "csv", "--store", store).stdout.splitlines()
    assert rows == ["copy,first", "b,a"]
    assert run_kg("validate", "--store", store).exit_code == 0


# --- folders and unsupported files --------------------------------------------------------


def test_folder_reads_every_kind_and_names_what_it_cannot(tmp_path: Path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.html").write_text(page("Putin and Xi hail their talks"), encoding="utf-8")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "memo.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (tmp_path / "notes.md").write_text("# notes")
    docs, warnings = read_all(tmp_path)
    assert [d.id for d in docs] == ["a", "b"]
    assert sorted(w.split(": ")[1] for w in warnings) == [
        "a PDF document is not read (save it as text or HTML); skipped",
        "a zip archive (a Word .docx, OpenDocument or e-book file?) is not read (save it as text or HTML); skipped",
        "an image is not read (save it as text or HTML); skipped"]


def test_pdf_named_directly_is_skipped(tmp_path: Path):
    (tmp_path / "report.txt").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    docs, warnings = read_all(tmp_path / "report.txt")
    assert docs == [] and "a PDF document" in warnings[0]


def test_over_long_document_is_skipped(tmp_path: Path):
    (tmp_path / "long.txt").write_text(TEXT * 200, encoding="utf-8")
    (tmp_path / "short.txt").write_text(TEXT, encoding="utf-8")
    docs, warnings = read_all(tmp_path, max_chars=10_000)
    assert [d.id for d in docs] == ["short"] and "over the limit of 10,000" in warnings[0]


def test_unreadable_sub_folder_is_named(tmp_path: Path, monkeypatch):
    import os

    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "x.txt").write_text(TEXT)
    (tmp_path / "a.txt").write_text(TEXT)
    real = os.scandir

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    docs, warnings = read_all(tmp_path)
    assert [d.id for d in docs] == ["a"]
    assert warnings == [f"{tmp_path / 'locked'}: cannot read this folder (Permission denied); skipped"]


def test_build_a_folder_of_pages_a_url_and_a_table(site: Site, tmp_path: Path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.html").write_text(page("Putin and Xi hail their talks"), encoding="utf-8")
    site.pages["/b.html"] = ("text/html", html_bytes("Talks end", body=BODY[2:] + BODY[:2]))
    (tmp_path / "t.jsonl").write_text(json.dumps({"id": "t1", "title": "Row", "text": "Xi said the talks went well."}))
    result = run_kg("build", tmp_path / "pages", site.url("/b.html"), tmp_path / "t.jsonl", "--store", "memory",
                    "--out", tmp_path / "out")
    assert "built 3 documents" in result.stdout


def test_copies_of_documents_stored_by_an_earlier_build(tmp_path: Path):
    for folder, name, headline in (("day1", "original", "Trade talks go on"), ("day2", "syndicated", "EU talks resume")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / f"{name}.txt").write_text(headline + "\n" + "\n".join(WIRE), encoding="utf-8")
    store = f"oxigraph:{tmp_path / 'store'}"
    query = ("SELECT ?doc ?first WHERE { ?d a cg:Document ; dcterms:identifier ?doc . "
             "OPTIONAL { ?d cg:duplicateOf/dcterms:identifier ?first } } ORDER BY ?doc")
    for folder in ("day1", "day2", "day1"):  # the original built again is no copy of itself
        run_kg("build", tmp_path / folder, "--store", store, "--out", tmp_path / "out")
    rows = run_kg("query", query, "--format", "csv", "--store", store).stdout.splitlines()
    assert rows == ["doc,first", "original,", "syndicated,original"]


def test_huge_file_is_not_read(tmp_path: Path, monkeypatch):
    import kg.ingest.sources as sources

    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 1000)
    (tmp_path / "huge.html").write_text(page("Putin and Xi hail their talks"), encoding="utf-8")
    (tmp_path / "small.txt").write_text(TEXT[:900], encoding="utf-8")
    docs, warnings = read_all(tmp_path)
    size = (tmp_path / "huge.html").stat().st_size
    assert [d.id for d in docs] == ["small"] and warnings == [
        f"{tmp_path / 'huge.html'}: {size:,} bytes, over the limit of 1,000 for one file; skipped"]


def test_an_unexpected_error_in_one_input_is_one_line(tmp_path: Path, monkeypatch):
    import kg.ingest.sources as sources

    def broken(html, url=None):
        raise TypeError("something deep inside\nwith a second line")

    monkeypatch.setattr(sources, "extract_page", broken)
    (tmp_path / "a.html").write_text(page("Putin and Xi hail their talks"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    docs, warnings = read_all(tmp_path)
    assert [d.id for d in docs] == ["b"]
    assert warnings == [f"{tmp_path / 'a.html'}: TypeError: something deep inside; skipped"]


def test_a_feed_entry_that_is_itself_a_feed_is_not_followed(site: Site):
    site.pages["/feed.xml"] = ("application/rss+xml", rss(site, [("Loop", "/feed.xml", "Tue, 14 May 2024 08:00:00 GMT")]))
    docs, warnings = read_all(site.url("/feed.xml"))
    assert docs == [] and len(warnings) == 1 and "a feed, where a page was expected" in warnings[0]


def test_seed_articles_as_web_pages_give_the_claims_of_their_text(seeds: Path, seed_records, tmp_path: Path):
    """Each seed article wrapped in a page (navigation, related links, footer) gives the
    same claims as its .txt: extraction from a page loses nothing of the article."""
    import html as markup

    for path in sorted(seeds.glob("*.txt")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        (tmp_path / f"{path.stem}.html").write_text(page(markup.escape(lines[0]), body=[markup.escape(line)
                                                                                        for line in lines[1:]]))
    from_pages = jsonl(run_kg("extract", tmp_path).stdout)

    def claims(records):
        return {(r["doc"], r["speaker"], r["cue"], r["content"]) for r in records if r["type"] == "claim"}

    assert len(claims(seed_records)) > 90 and claims(from_pages) == claims(seed_records)


def test_csv_without_a_text_column_is_one_warning(tmp_path: Path):
    (tmp_path / "prices.csv").write_text("date,price\n" + "2024-05-16,3\n" * 100, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    docs, warnings = read_all(tmp_path)
    assert [d.id for d in docs] == ["a"]
    assert warnings == [f"{tmp_path / 'prices.csv'}: no text column (one of text, body, content, article) in this table; "
                        "skipped"]
