"""Each input format, format sniffing where the extension lies, and dates."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from sitrep.ingest import iter_inputs
from sitrep.ingest.dates import to_iso
from sitrep.model import Document, PageInfo, Rejected, doc_id_for

DATA = Path(__file__).parent / "data"


def _items(*paths):
    return list(iter_inputs([str(p) for p in paths]))


def _docs(*paths):
    return [x for x in _items(*paths) if isinstance(x, Document)]


def test_html_article():
    [d] = _docs(DATA / "article.html")
    assert d.format == "html"
    assert d.title == "Drone Debris Falls on Apartment Block in Border Town"
    assert d.published == "2024-10-14"
    assert d.author == "Marta Koval"
    assert d.site == "Northern Ledger"
    assert d.text.startswith("Debris from a drone shot down over the border town of Shostka")
    # boilerplate is gone, the subhead is marked
    assert "newsletter" not in d.text and "Sport" not in d.text
    assert [d.text[s.start:s.end] for s in d.subheads] == ["Repeated Attacks"]
    assert d.id == doc_id_for(d.text)


def test_rss_feed():
    items = _items(DATA / "feed.rss")
    docs = [x for x in items if isinstance(x, Document)]
    assert [d.title for d in docs] == ["Air Raid Alert Lasts Six Hours in Zaporizhzhia",
                                       "Grain Ship Leaves Odesa Despite Port Strikes"]
    a, b = docs
    assert a.source == "https://border-desk.example/2024/11/alert-zaporizhzhia"
    assert a.source_id == "border-desk-1101" and a.published == "2024-11-01"
    assert a.site == "Border Desk" and a.category == "Front Line" and a.format == "feed"
    # entry HTML becomes plain paragraphs
    assert a.text.split("\n")[1].startswith("Two guided bombs") and "<p>" not in a.text
    assert b.published == "2024-11-02"
    [rej] = [x for x in items if isinstance(x, Rejected)]
    assert rej.reason == "empty" and "entry 3" in rej.detail


def test_atom_feed():
    docs = _docs(DATA / "feed.atom")
    assert len(docs) == 2
    assert docs[0].published == "2024-09-19"          # published wins over updated
    assert docs[1].published == "2024-09-20"          # only updated given
    assert docs[0].author == "Field Team East"
    assert docs[0].source == "https://steppe-monitor.example/reports/117"
    assert docs[0].source_id == "urn:example:steppe-monitor:117"
    assert docs[0].text.startswith("Observers recorded 212 ceasefire violations")


def test_jsonl_fields_and_bad_lines():
    items = _items(DATA / "articles.jsonl")
    docs = [x for x in items if isinstance(x, Document)]
    rej = [x for x in items if isinstance(x, Rejected)]
    assert [d.source_id for d in docs] == ["tb-001", "tb-002", "tb-005"]
    assert docs[0].source == "https://tabular.example/tb-001"
    assert docs[1].source.endswith("articles.jsonl")     # no url: the file
    assert [d.published for d in docs] == ["2024-08-21", "2024-08-26", None]
    assert docs[2].text.startswith("Volunteers repaired")  # "body" is a text field too
    assert [(r.reason, r.input.rsplit(":", 1)[1]) for r in rej] == [("bad_json", "3"), ("empty", "4")]
    assert "line 3" in rej[0].detail


def test_csv_fields_and_bad_row():
    items = _items(DATA / "articles.csv")
    docs = [x for x in items if isinstance(x, Document)]
    assert [d.source_id for d in docs] == ["cs-01", "cs-02"]
    assert docs[0].text.endswith("Trains will run twice a day.")   # quoted newline kept
    assert [d.published for d in docs] == ["2024-07-11", "2024-07-14"]
    assert docs[0].source == "https://tabular.example/cs-01" and docs[0].format == "csv"
    [r] = [x for x in items if isinstance(x, Rejected)]
    assert r.reason == "bad_csv" and "7 fields" in r.detail


def test_plain_text_article():
    [d] = _docs(DATA / "article.txt")
    assert d.format == "text" and d.title == "Ceasefire Talks Stall Over Prisoner Lists"
    assert d.text.startswith("Negotiators meeting in Ankara")
    assert [d.text[s.start:s.end] for s in d.subheads] == ["Next Steps"]


def test_folder_recursive_and_hidden_skipped(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    shutil.copy(DATA / "feed.atom", tmp_path / "a" / "b" / "feed.atom")
    shutil.copy(DATA / "article.txt", tmp_path / "a" / "story.txt")
    (tmp_path / ".hidden.txt").write_text("Should not be read at all.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("Notes about the folder, not an article.", encoding="utf-8")
    items = _items(tmp_path)
    docs = [x for x in items if isinstance(x, Document)]
    assert len(docs) == 3
    assert not any("Should not be read" in d.text or "Notes about" in d.text for d in docs)
    [r] = [x for x in items if isinstance(x, Rejected)]
    assert r.reason == "unsupported" and r.input.endswith("notes.md")
    # named directly, the same file is read
    assert _docs(tmp_path / "notes.md")[0].format == "text"


@pytest.mark.parametrize("src,name,fmt", [
    ("feed.rss", "feed.txt", "feed"),
    ("article.html", "story.txt", "html"),
    ("articles.jsonl", "data.csv", "jsonl"),
    ("article.txt", "story.html", "text"),
    ("pages/single-article.txt", "page.json", "page"),
    ("articles.csv", "table.txt", "csv"),
])
def test_format_sniffed_from_content_when_extension_lies(tmp_path, src, name, fmt):
    p = tmp_path / name
    shutil.copy(DATA / src, p)
    docs = _docs(p)
    assert docs and {d.format for d in docs} == {fmt}


def test_json_array_and_pretty_object(tmp_path):
    p = tmp_path / "a.json"
    p.write_text('[{"id": 7, "text": "One article in an array."}, {"text": "Another one."}]', encoding="utf-8")
    docs = _docs(p)
    assert [d.source_id for d in docs] == ["7", None]
    q = tmp_path / "b.json"
    q.write_text('{\n  "title": "Pretty",\n  "text": "A pretty-printed single object."\n}\n', encoding="utf-8")
    [d] = _docs(q)
    assert d.title == "Pretty"


def test_page_info_is_yielded_before_its_documents(shared):
    items = _items(shared / "corpus" / "sample" / "warya-2024-11-page.txt")
    assert isinstance(items[0], PageInfo)
    assert all(isinstance(x, Document) for x in items[1:])


@pytest.mark.parametrize("value,iso", [
    ("2024-11-03", "2024-11-03"),
    ("2024-11-03T22:15:00+02:00", "2024-11-03"),
    ("Sun, 03 Nov 2024 08:00:00 GMT", "2024-11-03"),
    ("3 November 2024", "2024-11-03"),
    ("November 3, 2024", "2024-11-03"),
    (time.struct_time((2024, 11, 3, 0, 0, 0, 6, 308, 0)), "2024-11-03"),
    ("2024-13-45", None),
    ("yesterday", None),
    ("garbled date", None),
    ("", None),
    (None, None),
])
def test_dates(value, iso):
    assert to_iso(value) == iso


def test_empty_text_field_is_named_in_the_reason():
    from sitrep.ingest.tabular import record_document
    blank = record_document({"id": "x1", "text": "  "}, "f.jsonl", "f.jsonl:1", "jsonl")
    missing = record_document({"id": "x2", "title": "only a title"}, "f.jsonl", "f.jsonl:2", "jsonl")
    assert (blank.reason, blank.detail) == ("empty", "the 'text' field is empty")
    assert (missing.reason, missing.detail) == ("empty", "no text field (text, body or content)")
