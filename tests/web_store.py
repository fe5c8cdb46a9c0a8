"""A store for the web and API tests: the sample articles of tests/data/web/
with hand-made records (actors, places, figures, claims, events, relations),
a figure track and a storyline. Offsets are found in the text, so every
record's ``text[start:end]`` is its surface.

Run as a script to build a SQLite file for trying the pages by hand:
    PYTHONPATH=src python tests/web_store.py /tmp/web.db
"""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from sitrep.model import (Claim, Document, Entity, Event, Evidence, Mention, Place, Quantity, Records, Relation,
                          SourceRef, Storyline, Track, record_id)

DATA = Path(__file__).parent / "data" / "web"

HOSTILE_TITLE = '<script>alert("title")</script> Shelling in <b>Kharkiv</b> <img src=x onerror=alert("t")>'
HOSTILE_SOURCE = 'javascript:alert("source")'


def _at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(needle, i + 1)
    return i, i + len(needle)


def _doc(name: str, published: str, source: str | None = None, title: str | None = None) -> Document:
    raw = (DATA / f"{name}.txt").read_text(encoding="utf-8")
    head, _, body = raw.partition("\n\n")
    return Document.new(body.strip() + "\n", title=title or head.strip(), published=published,
                        source=source or f"https://news.example.org/{name}", category="war", format="text",
                        source_id=name)


def _ent(doc: Document, name: str, type_: str, code: str | None, *surfaces: str, role: str | None = None) -> Entity:
    ms = tuple(Mention(*_at(doc.text, *((s, 0) if isinstance(s, str) else s)), s if isinstance(s, str) else s[0])
               for s in surfaces)
    return Entity(record_id("entity", doc.id, name), doc.id, name, type_, code, role, ms)


def _place(doc: Document, name: str, kind: str, country: str, lat: float, lon: float, surface: str | None = None,
           ) -> Place:
    s = surface or name
    return Place(record_id("place", doc.id, name), doc.id, name, kind, country, lat, lon,
                 (Mention(*_at(doc.text, s), s),))


def _qty(doc: Document, surface: str, value: float | None, unit: str, subject: str, source: str, hedge: str,
         approx: str | None = None, claim: Claim | None = None, unit_class: str = "troops") -> Quantity:
    s, e = _at(doc.text, surface)
    ss, se = _at(doc.text, subject)
    return Quantity(record_id("quantity", doc.id, s), doc.id, s, e, surface, value, None, None, approx, unit,
                    subject, source, claim.id if claim else None, unit_class, ss, se, hedge)


def _claim(doc: Document, content: str, source: str, source_surface: str, cue: str, hedge: str,
           direct: bool = False) -> Claim:
    s, e = _at(doc.text, content)
    ss, se = _at(doc.text, source_surface)
    cs, ce = _at(doc.text, cue)
    return Claim(record_id("claim", doc.id, s), doc.id, s, e, content, source, ss, se, cue, hedge, direct, cs, ce)


def _event(doc: Document, surface: str, type_: str, actor: str, target: str | None, location: str | None,
           date: str | None, claim: Claim | None = None) -> Event:
    s, e = _at(doc.text, surface)
    return Event(record_id("event", doc.id, s), doc.id, s, e, surface, type_, actor, target, location, date,
                 claim.id if claim else None)


def _rel(doc: Document, type_: str, frm: str, to: str, item: str | None, surface: str) -> Relation:
    s, e = _at(doc.text, surface)
    return Relation(record_id("relation", doc.id, type_, frm, to), type_, frm, to, item,
                    (Evidence(doc.id, s, e, surface),))


def sample_items() -> list[tuple[Document, Records]]:
    out = []

    d = _doc("drones", "2024-11-04")
    c1 = _claim(d, "Russian forces launched 42 attack drones at the Odesa region overnight",
                "Ukrainian Air Force", "Ukraine's air force", "said", "asserted")
    c2 = _claim(d, "The depot burned until morning, but nobody was hurt", "Oleh Kiper", "Oleh Kiper", "told",
                "asserted", direct=True)
    c3 = _claim(d, "its strikes had destroyed a fuel depot used by the Ukrainian army near Odesa",
                "Russian Ministry of Defence", "Russia's defence ministry", "claimed", "unverified")
    out.append((d, Records(
        d.id,
        entities=[_ent(d, "Ukrainian Air Force", "ORG", "UKR MIL", "Ukraine's air force"),
                  _ent(d, "Oleh Kiper", "PERSON", "UKR GOV", "Oleh Kiper", role="regional governor"),
                  _ent(d, "Russian Ministry of Defence", "ORG", "RUS MIL", "Russia's defence ministry"),
                  _ent(d, "Poland", "GPE", "POL", "Poland")],
        places=[_place(d, "Odesa", "city", "UKR", 46.48, 30.72)],
        quantities=[_qty(d, "42", 42, "drones", "attack drones", "Ukrainian Air Force", "asserted", claim=c1,
                         unit_class="drones"),
                    _qty(d, "38", 38, "drones", "them", "Ukrainian Air Force", "asserted", unit_class="drones")],
        claims=[c1, c2, c3],
        events=[_event(d, "launched 42 attack drones at the Odesa region", "ASSAULT", "RUS MIL", "UKR",
                       "Odesa", "2024-11-03", c1),
                _event(d, "shot down 38 of them", "DEFEND", "UKR MIL", "RUS MIL", None, "2024-11-03")],
        relations=[_rel(d, "SUPPLIES", "POL", "UKR", "air defence missiles",
                        "Poland supplies air defence missiles to Ukraine")])))

    t = _doc("troops", "2024-11-05")
    tc1 = _claim(t, "about 10,000 North Korean soldiers had moved into Russia's Kursk region by the end of the week",
                 "Pentagon", "The Pentagon", "said", "asserted")
    tc2 = _claim(t, "as many as 12,000 troops could be sent", "South Korean intelligence",
                 "South Korea's intelligence service", "reported", "unverified")
    tc3 = _claim(t, "any foreign soldiers were fighting for Russia", "Russia", "Moscow", "denied", "denied")
    q1 = _qty(t, "about 10,000", 10000, "soldiers", "North Korean soldiers", "Pentagon", "asserted", "about", tc1)
    q2 = _qty(t, "as many as 12,000", 12000, "troops", "troops", "South Korean intelligence", "unverified",
              "at_most", tc2)
    out.append((t, Records(
        t.id,
        entities=[_ent(t, "Pentagon", "ORG", "USA MIL", "The Pentagon"),
                  _ent(t, "South Korean intelligence", "ORG", "KOR GOV", "South Korea's intelligence service"),
                  _ent(t, "North Korea", "GPE", "PRK", ("North Korea", 1))],
        places=[_place(t, "Kursk", "region", "RUS", 51.73, 36.19), _place(t, "Seoul", "city", "KOR", 37.57, 126.98)],
        quantities=[q1, q2], claims=[tc1, tc2, tc3],
        events=[_event(t, "North Korean soldiers had moved into Russia's Kursk region", "MOBILIZE", "PRK MIL", "RUS",
                       "Kursk", None, tc1)],
        relations=[_rel(t, "DEPLOYS_TO", "PRK", "RUS", "troops", "North Korea deploys troops to Russia"),
                   _rel(t, "ALLIED_WITH", "PRK", "RUS", None, "a mutual defence treaty")])))

    k = _doc("kursk", "2024-11-12")
    kc1 = _claim(k, "up to 11,000 North Korean soldiers were in the Kursk region", "Ukrainian military intelligence",
                 "Ukraine's military intelligence", "said", "asserted")
    # a joint attribution ("X and Y said"): the second source is a co-source of the claim and its figure
    co = (SourceRef("Ukrainian Ministry of Defence", *_at(k.text, "its defence ministry"), "its defence ministry",
                    "UKR MIL", "named"),)
    kc1 = replace(kc1, co_sources=co)
    q3 = replace(_qty(k, "up to 11,000", 11000, "soldiers", "North Korean soldiers", "Ukrainian military intelligence",
                      "asserted", "at_most", kc1), co_sources=co)
    out.append((k, Records(
        k.id,
        entities=[_ent(k, "Ukrainian military intelligence", "ORG", "UKR MIL", "Ukraine's military intelligence")],
        places=[_place(k, "Sudzha", "city", "RUS", 51.19, 35.27), _place(k, "Kharkiv", "city", "UKR", 49.99, 36.23)],
        quantities=[q3, _qty(k, "14", 14, "people", "people", "local officials", "reported", unit_class="people")],
        claims=[kc1],
        events=[_event(k, "Ukrainian forces shelled Russian positions near Sudzha", "ASSAULT", "UKR MIL", "RUS MIL",
                       "Sudzha", "2024-11-12"),
                _event(k, "Russia attacked the city of Kharkiv with glide bombs", "ASSAULT", "RUS", "UKR", "Kharkiv",
                       "2024-11-11")])))

    h = _doc("hostile", "2024-11-13", source=HOSTILE_SOURCE, title=HOSTILE_TITLE)
    hc = _claim(h, "<script>alert('quote')</script> We will not leave", "the mayor <b>X</b>", "the mayor", "said",
                "asserted", direct=True)
    out.append((h, Records(
        h.id,
        entities=[_ent(h, '<img src=x onerror=alert("entity")>', "PERSON", "UKR", "the mayor", role="<i>mayor</i>")],
        places=[_place(h, 'Kharkiv <img src=x onerror=alert("place")>', "city", "UKR", 49.99, 36.23,
                       surface="<img src=x onerror=alert(\"img\")>")],
        quantities=[_qty(h, "7", 7, "drones", '<i onmouseover=alert("hover")>drones</i>',
                         '<script>alert("qsource")</script>', "reported", unit_class="drones")],
        claims=[hc],
        events=[_event(h, "the shelling began at dawn", "ASSAULT", '<svg onload=alert("actor")>', "UKR",
                       'Kharkiv <img src=x onerror=alert("place")>', "2024-11-13")],
        relations=[_rel(h, "OPPOSES", '<b>X</b>', 'UKR', '<script>alert("item")</script>',
                        '<a href="javascript:alert(\'link\')">the shelter list</a>')])))
    return out


def sample_tracks(items: list[tuple[Document, Records]]) -> list[Track]:
    qs = [q for _, r in items for q in r.quantities if q.unit in ("soldiers", "troops")]
    return [Track(record_id("track", "", "PRK troops in Kursk"), "North Korean troops in Kursk", "soldiers",
                  "North Korean soldiers", tuple(q.id for q in qs), tuple("same subject and place" for _ in qs))]


def sample_storylines(items: list[tuple[Document, Records]]) -> list[Storyline]:
    ids = tuple(d.id for d, _ in items if d.source_id in ("troops", "kursk"))
    return [Storyline(record_id("storyline", "", "korea"), "North Korean troops in Russia", ids)]


def build_store(store) -> list[tuple[Document, Records]]:
    """Fill a store with the samples; returns the items added."""
    items = sample_items()
    store.add(items)
    store.replace_tracks(sample_tracks(items))
    store.replace_storylines(sample_storylines(items))
    return items


if __name__ == "__main__":  # pragma: no cover - a helper for trying the pages by hand
    from sitrep.store import Store
    path = sys.argv[1] if len(sys.argv) > 1 else "web-sample.db"
    with Store(path) as s:
        build_store(s)
        print(s.stats())
