"""Ingest: verbatim text, boilerplate zones, metadata, and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest import (IngestError, decode_text, document_from_text, find_boilerplate, read_documents,
                       read_metadata)


def read_all(*paths, **kwargs):
    warnings: list[str] = []
    docs = list(read_documents(paths, warn=warnings.append, **kwargs))
    return docs, warnings


def test_text_is_kept_byte_for_byte(tmp_path: Path):
    raw = "Title\r\n\r\n“Quote,” she said.\tTabs  and  spaces \n"
    (tmp_path / "a.txt").write_bytes(raw.encode("utf-8"))
    [doc], warnings = read_all(tmp_path)
    assert doc.text == raw and warnings == []


def test_boilerplate_lines_are_zones_not_cuts():
    text = "Advertisement\nPutin met Xi.\nFacebook Share IconTwitter Share Icon\nRead More\nXi spoke.\n"
    doc = document_from_text("d", text)
    skipped = [text[s:e] for s, e, _ in doc.skip]
    assert skipped == ["Advertisement", "Facebook Share IconTwitter Share Icon", "Read More"]
    assert doc.text == text
    assert not doc.is_skipped(text.index("Putin"), text.index("Putin") + 5)


def test_datelines_credits_and_invitations_are_zones():
    text = ("Rail fares to rise\nMANCHESTER, England -- Northline said fares would rise.\n"
            "BERLIN (dpa) - The union called a strike.\nPool photo by Jo Marsh\nJOIN THE CONVERSATION\n"
            "UK inflation fell - but prices still rose, the figures show.\n")
    skipped = [(text[s:e], why) for s, e, why in document_from_text("d", text).skip]
    assert skipped == [("MANCHESTER, England --", "dateline"), ("BERLIN (dpa) -", "dateline"),
                       ("Pool photo by Jo Marsh", "boilerplate"), ("JOIN THE CONVERSATION", "boilerplate")]


def test_invitations_to_follow_an_outlet_are_zones_a_sentence_about_following_is_not():
    text = ("Follow Harbour News on Facebook, Twitter and Instagram.\n"
            "She will follow her rivals on Twitter to see what they say next.\n")
    skipped = [text[s:e] for s, e, _ in document_from_text("d", text).skip]
    assert skipped == ["Follow Harbour News on Facebook, Twitter and Instagram."]


def test_repeated_line_is_marked_once():
    text = "A caption here.\nA caption here.\nBody text.\n"
    zones = find_boilerplate(text)
    assert zones == [(16, 31, "repeated")]


def test_title_from_metadata_else_first_real_line(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Advertisement\n\nReal headline\nBody.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Other headline\nBody.", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("doc,title,published\nb,Given title,2024-05-16\n", encoding="utf-8")
    docs, _ = read_all(tmp_path)
    by_id = {d.id: d for d in docs}
    assert by_id["a"].title == "Real headline"
    assert by_id["b"].title == "Given title" and by_id["b"].meta["published"] == "2024-05-16"


def test_seeds_metadata(seeds):
    docs, warnings = read_all(seeds)
    assert len(docs) == 5 and warnings == []
    assert docs[0].meta["publisher"] == "19FortyFive" and docs[0].meta["published"] == "2022-12-30"


@pytest.mark.parametrize("content, expected", [
    ("title,published\nx,2024-01-01\n", "no 'doc' column"),
    ("", "no 'doc' column"),
    ("doc,title\n,missing id\n", "malformed row"),
    ("doc,title\na,one,two,three\n", "malformed row"),
    ("doc,published\na,yesterday\n", "not ISO 8601"),
])
def test_malformed_metadata_warns_and_goes_on(tmp_path: Path, content: str, expected: str):
    (tmp_path / "metadata.csv").write_text(content, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Headline\nBody.", encoding="utf-8")
    docs, warnings = read_all(tmp_path)
    assert [d.id for d in docs] == ["a"]
    assert len(warnings) == 1 and expected in warnings[0] and "\n" not in warnings[0]


def test_metadata_not_utf8(tmp_path: Path):
    path = tmp_path / "metadata.csv"
    path.write_bytes(b"doc,title\na,\xff\xfe\n")
    warnings: list[str] = []
    assert read_metadata(path, warnings.append) == {}
    assert "cannot read metadata" in warnings[0]


@pytest.mark.parametrize("data, reason", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "an image"),
    (b"\x00\x01\x02\x03 some bytes \xfe\x00\x07", "binary file"),
    (b"caf\xe9 au lait", "not UTF-8"),
    (b"", "empty document"),
    (b"  \n\n\t ", "empty document"),
])
def test_bad_files_are_skipped_with_a_warning(tmp_path: Path, data: bytes, reason: str):
    (tmp_path / "bad.txt").write_bytes(data)
    (tmp_path / "good.txt").write_text("Putin met Xi.", encoding="utf-8")
    docs, warnings = read_all(tmp_path)
    assert [d.id for d in docs] == ["good"]
    assert len(warnings) == 1 and reason in warnings[0] and "bad.txt" in warnings[0]


def test_missing_path_raises_before_reading_anything(tmp_path: Path):
    with pytest.raises(IngestError, match="path not found"):
        read_documents([tmp_path / "nope"])


def test_lines_mode_ids_and_offsets(tmp_path: Path):
    (tmp_path / "s.txt").write_text("First sentence.\r\n\nThird one here.\n", encoding="utf-8")
    docs, _ = read_all(tmp_path / "s.txt", lines=True)
    assert [(d.id, d.text) for d in docs] == [("s:1", "First sentence."), ("s:3", "Third one here.")]


def test_decode_text_reports_the_offset():
    with pytest.raises(ValueError, match=r"0xff at offset 2"):
        decode_text(b"ab\xffcd")


# --- byte-order marks, UTF-16, metadata rows --------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_bom_and_utf16_text_reads_as_text_without_the_mark(tmp_path: Path, encoding: str):
    text = "Putin’s visit\nPutin said the talks went well.\n"
    data = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):  # no mark: told apart from binary by its zero bytes
        assert data[:2] != b"\xff\xfe"
    (tmp_path / "a.txt").write_bytes(data)
    [doc], warnings = read_all(tmp_path)
    assert warnings == [] and doc.text == text and doc.title == "Putin’s visit"


def test_bom_never_reaches_title_or_speaker(tmp_path: Path):
    from conftest import jsonl, run_kg

    (tmp_path / "a.txt").write_bytes("\ufeffPutin said the talks went well.".encode("utf-8"))
    records = jsonl(run_kg("extract", tmp_path).stdout)
    [document] = [r for r in records if r["type"] == "document"]
    [claim] = [r for r in records if r["type"] == "claim"]
    assert document["title"] == "Putin said the talks went well." and claim["speaker_text"] == "Putin"
    assert claim["speaker_span"] == [0, 5]


def test_metadata_saved_by_excel_with_a_bom(tmp_path: Path):
    (tmp_path / "metadata.csv").write_bytes("\ufeffdoc,title,published\r\na,Given title,2024-05-16\r\n".encode("utf-8"))
    (tmp_path / "a.txt").write_text("Headline\nBody.", encoding="utf-8")
    [doc], warnings = read_all(tmp_path)
    assert warnings == [] and doc.title == "Given title" and doc.meta["published"] == "2024-05-16"


def test_metadata_in_utf16(tmp_path: Path):
    (tmp_path / "metadata.csv").write_bytes("doc,title\na,Given title\n".encode("utf-16"))
    (tmp_path / "a.txt").write_text("Headline\nBody.", encoding="utf-8")
    [doc], warnings = read_all(tmp_path)
    assert warnings == [] and doc.title == "Given title"


def test_duplicate_metadata_rows_warn_and_the_first_is_kept(tmp_path: Path):
    (tmp_path / "metadata.csv").write_text("doc,title\na,First\nb,Other\na,Second\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Headline\nBody.", encoding="utf-8")
    [doc], warnings = read_all(tmp_path)
    assert doc.title == "First"
    assert warnings == [f"{tmp_path / 'metadata.csv'}:4: a second row for 'a' (the first is row 2); ignored"]


def test_metadata_date_with_time_keeps_the_time(tmp_path: Path):
    (tmp_path / "metadata.csv").write_text("doc,published\na,2024-05-16T09:30:00+02:00\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Headline\nBody.", encoding="utf-8")
    [doc], _ = read_all(tmp_path)
    assert (doc.meta["published"], doc.meta["published_at"]) == ("2024-05-16", "2024-05-16T09:30:00+02:00")


def test_a_papers_citation_and_its_provider_under_science_news_are_zones():
    text = ("Bats sleep longer in cold caves, the team found.\n"
            "More information: R. Vale et al. Torpor in Cave Bats, Journal of Cold Biology (2021). DOI: 10.1000/jcb.42\n"
            "A. Lund, Winter Roosts and Mountain Habitats, Field Notes 3 (2020). doi: 10.1234/fn.3\n"
            "Provided by Northern Wildlife Institute\n"
            "Research provided by the institute shows more information: the caves were warmer.\n")
    skipped = [text[s:e] for s, e, _ in document_from_text("d", text).skip]
    assert skipped == [text.splitlines()[1], text.splitlines()[2], "Provided by Northern Wildlife Institute"]
