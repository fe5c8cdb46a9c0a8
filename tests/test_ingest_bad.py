"""Bad input: one rejection each with a short reason, the rest of the batch
goes on, and nothing already stored is lost or duplicated."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitrep import core
from sitrep.ingest import iter_inputs
from sitrep.model import Document, Rejected

DATA = Path(__file__).parent / "data"


def _rejects(path, **kw):
    return [x for x in iter_inputs([str(path)], **kw) if isinstance(x, Rejected)]


def _write(tmp_path, name, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


@pytest.mark.parametrize("name,data,reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n\t \n", "empty"),
    ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "unsupported"),
    ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "unsupported"),
    ("noise.dat", bytes(range(1, 32)) * 40, "binary"),
    ("note.xml", b"<?xml version='1.0'?><note><to>someone</to><body>hello</body></note>", "unsupported"),
    ("nul.txt", b"some text\x00\x00\x00more", "binary"),
    ("latin1.txt", "Une d\u00e9claration du minist\u00e8re.".encode("latin-1"), "not_utf8"),
    ("broken.html", b"<html><head><title>x</title></head><body><div><p>", "bad_html"),
    ("feed.xml", b"this is not xml, just words in a file called feed", "not_xml"),
    ("feed.rss", b"<?xml version='1.0'?><rss><channel><item><title>cut off", "not_xml"),
    ("bad.csv", b"title,summary\nA,B\n", "bad_csv"),
    ("one.jsonl", b'{"text": "fine"\n', "bad_json"),
])
def test_each_bad_input_is_one_rejection(tmp_path, name, data, reason):
    p = _write(tmp_path, name, data)
    [r] = _rejects(p)
    assert r.reason == reason
    assert r.input == str(p) or r.input.startswith(str(p) + ":")
    msg = r.message()
    assert "\n" not in msg and str(p) in msg and reason in msg


def test_missing_path():
    [r] = _rejects("/no/such/file.txt")
    assert r.reason == "not_found"


def test_too_large_is_rejected_without_reading(tmp_path, monkeypatch):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as f:          # a sparse 200 MB file: nothing is written
        f.truncate(200 * 1024 * 1024)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read a too-large file"))
    [r] = _rejects(big, max_bytes=50_000_000)
    assert r.reason == "too_large" and "209715200" in r.detail


def test_bad_json_line_reports_number_and_other_lines_read(tmp_path):
    p = _write(tmp_path, "mixed.jsonl",
               b'{"id": "a", "text": "First good line."}\n{broken\n{"id": "c", "text": "Third good line."}\n')
    items = list(iter_inputs([str(p)]))
    assert [d.source_id for d in items if isinstance(d, Document)] == ["a", "c"]
    [r] = [x for x in items if isinstance(x, Rejected)]
    assert r.input == f"{p}:2" and r.reason == "bad_json" and "line 2" in r.detail


def test_bad_utf8_line_in_jsonl(tmp_path):
    p = _write(tmp_path, "enc.jsonl", b'{"text": "ok one."}\n{"text": "caf\xe9"}\n')
    items = list(iter_inputs([str(p)]))
    assert sum(isinstance(x, Document) for x in items) == 1
    assert [x.reason for x in items if isinstance(x, Rejected)] == ["not_utf8"]


def test_html_with_declared_charset_is_read(tmp_path):
    body = ("<html><head><meta charset='iso-8859-1'><title>Caf\u00e9</title></head><body><article><p>"
            + "Le minist\u00e8re a publi\u00e9 un communiqu\u00e9 sur la situation au front. " * 6
            + "</p></article></body></html>")
    p = _write(tmp_path, "fr.html", body.encode("latin-1"))
    [d] = [x for x in iter_inputs([str(p)]) if isinstance(x, Document)]
    assert "minist\u00e8re" in d.text


def test_batch_goes_on_and_nothing_lost_or_duplicated(tmp_path, mem_store):
    good = DATA / "pages" / "single-article.txt"
    first = core.ingest([str(good)], mem_store, extract=False)
    assert len(first.new) == 1
    bad = [_write(tmp_path, "e.txt", b""), _write(tmp_path, "b.bin", b"\x00\x01\x02" * 50),
           _write(tmp_path, "x.xml", b"plain words"), tmp_path / "missing.txt"]
    feed = tmp_path / "feed.atom"
    shutil.copy(DATA / "feed.atom", feed)
    rep = core.ingest([str(p) for p in bad[:2]] + [str(good), str(feed)] + [str(p) for p in bad[2:]],
                      mem_store, extract=False)
    assert [r.reason for r in rep.rejected] == ["empty", "binary", "not_xml", "not_found"]
    assert len(rep.new) == 2 and rep.duplicates == [first.new[0]]
    assert mem_store.stats()["documents"] == 3
    assert mem_store.stats()["rejects"] == 4
    assert {r["reason"] for r in mem_store.rejects()} == {"empty", "binary", "not_xml", "not_found"}
    assert len(mem_store.sources_of(first.new[0])) == 1


def test_failed_batch_keeps_earlier_batches(tmp_path, mem_store, monkeypatch):
    """A store failure in the middle of an ingest loses only the failing batch."""
    texts = [f"Article number {i} reports a distinct event in town {i}." for i in range(6)]
    files = []
    for i, t in enumerate(texts):
        files.append(_write(tmp_path, f"{i}.txt", t.encode()))
    real_add = mem_store.add
    calls = {"n": 0}

    def flaky_add(items):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        return real_add(items)

    monkeypatch.setattr(mem_store, "add", flaky_add)
    with pytest.raises(RuntimeError):
        core.ingest([str(f) for f in files], mem_store, extract=False, batch_size=2)
    assert mem_store.stats()["documents"] == 2     # first batch kept, second rolled back whole
