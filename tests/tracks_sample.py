"""Records for the analysis tests, built by hand over our own sample articles
(tests/data/tracks/articles.jsonl): what the extraction stages would give."""
from __future__ import annotations

import json
from pathlib import Path

from sitrep.model import (Claim, DateRef, Document, Entity, Event, Mention, Place, Quantity, Records, Relation,
                          Evidence, record_id)

DATA = Path(__file__).parent / "data" / "tracks"

# doc, surface, value, low, high, approx, unit, unit_class, subject words, source, hedge
QUANTITIES = [
    ("bel-1", "about 4,000 Belarusian soldiers", 4000, None, None, "about", "soldiers", "troops",
     "Belarusian soldiers", "Lithuanian defence ministry", "asserted"),
    ("bel-1", "120 Belarusian tanks", 120, None, None, None, "tanks", "vehicles", "Belarusian tanks",
     "Lithuanian defence ministry", "asserted"),
    ("bel-2", "more than 6,000 Belarusian troops", 6000, None, None, "at_least", "troops", "troops",
     "Belarusian troops", "Polish intelligence", "unverified"),
    ("bel-2", "300 officers", 300, None, None, None, "officers", "officers", "officers", "Polish intelligence",
     "unverified"),
    ("bel-2", "3 people", 3, None, None, None, "people", "people", "people", None, "asserted"),
    ("bel-2", "11 people", 11, None, None, None, "people", "people", "people", None, "asserted"),
    ("bel-2-copy", "more than 6,000 Belarusian troops", 6000, None, None, "at_least", "troops", "troops",
     "Belarusian troops", "Polish intelligence", "unverified"),
    ("bel-2-copy", "300 officers", 300, None, None, None, "officers", "officers", "officers",
     "Polish intelligence", "unverified"),
    ("bel-2-copy", "3 people", 3, None, None, None, "people", "people", "people", None, "asserted"),
    ("bel-2-copy", "11 people", 11, None, None, None, "people", "people", "people", None, "asserted"),
    ("bel-3", "5,500 Belarusian troops", 5500, None, None, None, "troops", "troops", "Belarusian troops",
     "Lithuanian defence ministry", "asserted"),
    ("bel-3", "no more than 1,000 soldiers", 1000, None, None, "at_most", "soldiers", "troops", "soldiers",
     "Minsk", "asserted"),
    ("air-1", "35 Russian drones", 35, None, None, None, "drones", "drones", "Russian drones",
     "Ukrainian air force", "asserted"),
    ("air-1", "50 drones", 50, None, None, None, "drones", "drones", "drones", None, "asserted"),
    ("air-1", "€2 billion", 2e9, None, None, None, "EUR", "money:EUR", None, None, "asserted"),
    ("air-1", "$2.2 billion", 2.2e9, None, None, None, "USD", "money:USD", None, None, "asserted"),
]

# surface -> (code, type, name); every occurrence in every document becomes a mention
ENTITIES = [
    ("Belarusian", "BLR", "NORP", "Belarus"), ("Belarus", "BLR", "GPE", "Belarus"),
    ("Lithuanian defence ministry", "LTU MIL", "ORG", "Lithuanian defence ministry"),
    ("Polish intelligence", "POL", "ORG", "Polish intelligence"), ("Minsk", "BLR GOV", "GPE", "Minsk"),
    ("Russian", "RUS", "NORP", "Russia"), ("Ukraine's air force", "UKR MIL", "ORG", "Ukrainian air force"),
    ("European Union", "EU", "ORG", "European Union"), ("Lithuania", "LTU", "GPE", "Lithuania"),
]
PLACES = [("Hrodna", "city", "BLR"), ("Lviv", "city", "UKR"), ("Bucha", "city", "UKR"),
          ("Kyiv region", "region", "UKR")]
DATES = {"on Monday": -1, "on Tuesday": 0}
EVENTS = [  # doc, surface, type, actor, target, location
    ("bel-1", "120 Belarusian tanks had been seen", "MOBILIZE", "BLR", "LTU", "Hrodna"),
    ("bel-2", "a drone attack on Lviv killed 3 people", "ASSAULT", "RUS", "UKR", "Lviv"),
    ("bel-2-copy", "a drone attack on Lviv killed 3 people", "ASSAULT", "RUS", "UKR", "Lviv"),
    ("air-1", "shot down 35 Russian drones", "DEFEND", "UKR", "RUS", None),
    ("air-1", "The European Union pledged €2 billion", "AID", "EU", "UKR", None),
]
CLAIMS = [  # doc, content surface, source, cue, hedge
    ("bel-2", "more than 6,000 Belarusian troops are now in the border region, including 300 officers",
     "Polish intelligence", "estimated", "unverified"),
    ("bel-3", "no more than 1,000 soldiers are taking part in routine exercises there", "Minsk", "insists",
     "denied"),
    ("bel-1", "about 4,000 Belarusian soldiers were stationed near the border town of Hrodna",
     "Lithuanian defence ministry", "said", "asserted"),
]


def articles() -> list[dict]:
    return [json.loads(line) for line in (DATA / "articles.jsonl").read_text(encoding="utf-8").splitlines()]


def _find(text: str, s: str, after: int = 0) -> int:
    i = text.find(s, after)
    assert i >= 0, (s, text[:60])
    return i


def build(only: set[str] | None = None) -> list[tuple[Document, Records]]:
    out = []
    for a in articles():
        if only is not None and a["id"] not in only:
            continue
        doc = Document.new(a["text"], title=a["title"], published=a["published"], source_id=a["id"],
                           site=a["site"], source=f"sample:{a['id']}")
        text = doc.text
        recs = Records(doc_id=doc.id)
        for surface, code, typ, name in ENTITIES:
            import re
            ms = [Mention(m.start(), m.end(), surface) for m in re.finditer(rf"\b{re.escape(surface)}\b", text)]
            if ms:
                recs.entities.append(Entity(record_id("entity", doc.id, surface), doc.id, name, typ, code,
                                            mentions=tuple(ms)))
        for name, kind, country in PLACES:
            i = text.find(name)
            if i >= 0:
                recs.places.append(Place(record_id("place", doc.id, name), doc.id, name, kind, country,
                                         mentions=(Mention(i, i + len(name), name),)))
        for surface, delta in DATES.items():
            i = text.find(surface)
            if i >= 0:
                from datetime import date, timedelta
                d = (date.fromisoformat(a["published"]) + timedelta(days=delta)).isoformat()
                recs.dates.append(DateRef(record_id("date", doc.id, i), doc.id, i, i + len(surface), surface, d))
        claim_ids = {}
        for did, surface, source, cue, hedge in CLAIMS:
            if did == a["id"]:
                i = _find(text, surface)
                c = Claim(record_id("claim", doc.id, i), doc.id, i, i + len(surface), surface, source, cue=cue,
                          hedge=hedge)
                recs.claims.append(c)
                claim_ids[(i, i + len(surface))] = c.id
        pos: dict[str, int] = {}
        for did, surface, v, lo, hi, approx, unit, uc, subj, source, hedge in QUANTITIES:
            if did != a["id"]:
                continue
            i = _find(text, surface, pos.get(surface, 0))
            pos[surface] = i + 1
            ss = text.find(subj, i) if subj else -1
            cid = next((c for (s, e), c in claim_ids.items() if s <= i < e), None)
            recs.quantities.append(Quantity(
                record_id("quantity", doc.id, i), doc.id, i, i + len(surface), surface, value=v, low=lo, high=hi,
                approx=approx, unit=unit, unit_class=uc, subject=subj, source=source, hedge=hedge, claim_id=cid,
                subject_start=ss if ss >= 0 else None, subject_end=ss + len(subj) if ss >= 0 else None))
        for did, surface, typ, actor, target, loc in EVENTS:
            if did == a["id"]:
                i = _find(text, surface)
                recs.events.append(Event(record_id("event", doc.id, i), doc.id, i, i + len(surface), surface, typ,
                                         actor, target, loc))
        if a["id"] == "bel-1":
            i = _find(text, "120 Belarusian tanks")
            recs.relations.append(Relation("r1", "DEPLOYS_TO", "BLR", "LTU", "tanks",
                                           (Evidence(doc.id, i, i + 20, text[i:i + 20]),)))
        if a["id"] == "air-1":
            i = _find(text, "The European Union pledged €2 billion")
            recs.relations.append(Relation("r2", "SUPPLIES", "EU", "UKR", "aid",
                                           (Evidence(doc.id, i, i + 37, text[i:i + 37]),)))
        out.append((doc, recs))
    return out


def doc_of(store, sample_id: str) -> str:
    return store.document(sample_id).id
