"""The situation report: a briefing for a chosen set of documents (a date
range, a search, a storyline, or everything), as Markdown, HTML or PDF
(``report_pdf``).

Every sentence is made from records and carries the evidence spans it rests
on (document id and offsets); the evidence list at the end quotes each span.
Nothing is written without a record behind it. Template-based (jinja2) and
deterministic: the same store and selection give the same bytes.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from importlib import resources
from typing import Any

import jinja2

from ..errors import SitrepError
from ..model import Claim, Event, Place
from ..store import Store
from ..store import schema as S
from .report_sections import _and, actor_name, brief, documents, statements, supplies_by_recipient
from .storylines import list_storylines
from .tracks import list_tracks, track_view

MAX_EVENTS_PER_TYPE = 6
MAX_CLAIMS = 40
MAX_PLACES = 15
_HEDGED = ("unverified", "denied", "reported")

_TYPE_WORDS = {"AGREE": "agreements", "CONSULT": "meetings and talks", "SUPPORT": "support", "AID": "aid and supplies",
               "MOBILIZE": "deployments", "THREATEN": "warnings and threats", "ACCUSE": "accusations",
               "DEMAND": "demands", "REJECT": "rejections", "SANCTION": "sanctions", "ASSAULT": "attacks",
               "FIGHT": "fighting", "COERCE": "coercion", "RETREAT": "retreats", "TEST": "weapons tests",
               "DEFEND": "air defence"}
_REL_WORDS = {"SUPPLIES": "supplies", "ALLIED_WITH": "is allied with", "DEPLOYS_TO": "deploys forces to",
              "OPPOSES": "opposes", "WITHHOLDS": "withholds from"}


class _Evidence:
    """Numbers evidence spans in the order sentences cite them."""

    def __init__(self, texts: dict[str, str], titles: dict[str, str | None]):
        self.texts, self.titles = texts, titles
        self.items: list[dict] = []
        self._ids: dict[tuple, str] = {}

    def cite(self, doc_id: str, start: int, end: int) -> dict:
        key = (doc_id, start, end)
        if key not in self._ids:
            eid = f"e{len(self.items) + 1}"
            self._ids[key] = eid
            text = self.texts.get(doc_id, "")
            self.items.append({"id": eid, "doc_id": doc_id, "start": start, "end": end,
                               "quote": " ".join(text[start:end].split()), "title": self.titles.get(doc_id),
                               "before": " ".join(text[max(0, start - 80):start].split()),
                               "after": " ".join(text[end:end + 80].split())})
        return {"id": self._ids[key], "doc_id": doc_id, "start": start, "end": end}


def select_documents(store: Store, *, since: str | None = None, until: str | None = None, query: str | None = None,
                     storyline: str | None = None) -> list[str]:
    """Ids of the documents of the selection (all when nothing is given)."""
    from sqlalchemy import select
    d = S.documents
    q = select(d.c.id)
    if since:
        q = q.where(d.c.published >= since)
    if until:
        q = q.where(d.c.published <= until)
    with store.engine.connect() as conn:
        ids = set(conn.execute(q).scalars())
    if query:
        hits = {h["doc_id"] for h in store.search(query, limit=100000)}
        ids &= hits
    if storyline:
        sls = [s for s in list_storylines(store) if s["id"] == storyline or s["id"].startswith(storyline)]
        if len(sls) != 1:
            raise SitrepError(f"{storyline}: no such storyline (see `sitrep storylines`)", input=storyline,
                              reason="not_found")
        ids &= set(sls[0]["documents"])
    return sorted(ids)


def _fmt_bounds(sp: dict) -> str:
    def n(x):
        return f"{x:,.0f}" if x is not None and abs(x) >= 10 else (f"{x:g}" if x is not None else "?")
    return n(sp["min"]) if sp["min"] == sp["max"] else f"{n(sp['min'])} to {n(sp['max'])}"


def build_report(store: Store, *, since: str | None = None, until: str | None = None, query: str | None = None,
                 storyline: str | None = None) -> dict[str, Any]:
    """The report as data: sections of sentences, each with its evidence."""
    from sqlalchemy import select
    docs = select_documents(store, since=since, until=until, query=query, storyline=storyline)
    dset = set(docs)
    texts, titles, published = {}, {}, {}
    with store.engine.connect() as conn:
        for i in range(0, len(docs), 500):
            for r in conn.execute(select(S.documents.c.id, S.documents.c.text, S.documents.c.title,
                                         S.documents.c.published).where(S.documents.c.id.in_(docs[i:i + 500]))):
                texts[r.id], titles[r.id], published[r.id] = r.text, r.title, r.published
    ev = _Evidence(texts, titles)
    selection = {"since": since, "until": until, "query": query, "storyline": storyline, "documents": len(docs),
                 "first": min((p for p in published.values() if p), default=None),
                 "last": max((p for p in published.values() if p), default=None)}
    report: dict[str, Any] = {"selection": selection, "developments": [], "tracks": [], "other_figures": [],
                              "supplies": [], "relations": [], "statements": [], "places": [], "disputed": [],
                              "contradictions": [], "documents": []}
    # key developments: events grouped by storyline and type
    story_of, story_name = {}, {}
    for s in list_storylines(store):
        for d in s["documents"]:
            story_of[d] = s["id"]
        story_name[s["id"]] = s["name"]
    from .storylines import duplicate_clusters
    dup = duplicate_clusters(store, docs)
    events, seen_ev = [], {}
    for e in _records(store, "event", docs, Event):
        k = (dup.get(e.doc_id, e.doc_id), e.type, e.actor, e.target, " ".join(e.text.lower().split()))
        if k in seen_ev:   # the same event in a near-duplicate document: one report more, not one event more
            continue
        seen_ev[k] = e
        events.append(e)
    by_story: dict[str, dict[str, list[Event]]] = defaultdict(lambda: defaultdict(list))
    for e in events:
        by_story[story_of.get(e.doc_id, "doc:" + e.doc_id)][e.type].append(e)
    for sid in sorted(by_story, key=lambda s: (-sum(len(v) for v in by_story[s].values()), s)):
        name = story_name.get(sid) or titles.get(sid[4:]) or "(untitled)"
        groups = []
        for typ in sorted(by_story[sid], key=lambda t: (-len(by_story[sid][t]), t)):
            es = sorted(by_story[sid][typ], key=lambda e: (published.get(e.doc_id) or "", e.doc_id, e.start))
            # one sentence per span: the actors of events read from the same words are listed together
            spans: dict[tuple, list[Event]] = {}
            for e in es:
                spans.setdefault((e.doc_id, e.start, e.end), []).append(e)
            es = [v[0] for v in spans.values()]
            sents = []
            for e in es[:MAX_EVENTS_PER_TYPE]:
                same = spans[(e.doc_id, e.start, e.end)]
                actors = ", ".join(dict.fromkeys(actor_name(x.actor) for x in same if x.actor))
                targets = ", ".join(dict.fromkeys(actor_name(x.target) for x in same if x.target))
                who = f"{actors} → {targets}" if targets else actors
                extra = ", ".join(x for x in (f"at {e.location}" if e.location else "", e.date or "",
                                              "expected" if e.modality == "expected" else "",
                                              "denied" if e.modality == "negated" else "") if x)
                sents.append({"text": f"{who + ': ' if who else ''}“{_clip(e.text)}”"
                                      + (f" ({extra})" if extra else ""),
                              "evidence": [ev.cite(e.doc_id, e.start, e.end)]})
            if len(es) > MAX_EVENTS_PER_TYPE:
                sents.append({"text": f"and {len(es) - MAX_EVENTS_PER_TYPE} more {typ} events",
                              "evidence": [ev.cite(e.doc_id, e.start, e.end) for e in es[MAX_EVENTS_PER_TYPE:]]})
            groups.append({"type": typ, "label": _TYPE_WORDS.get(typ, typ.lower()), "sentences": sents})
        report["developments"].append({"storyline": name, "id": sid, "groups": groups})
    # figure tracks
    for t in list_tracks(store):
        view = track_view(store, t["id"])
        figs = [f for f in view["figures"] if any(d in dset for d in f["reported_in"])]
        if not figs:
            continue
        counted = [f for f in figs if f["role"] == "figure"]
        lines = []
        for f in figs:
            src = _and([f["source"], *f.get("co_sources", ())]) if f["source"] else "unattributed"
            notes = ", ".join(x for x in (f["hedge"] if f["hedge"] and f["hedge"] != "asserted" else "",
                                          f"stated {f['date']}" if f["date"] else "",
                                          f"{f['situation']}" if f["situation"] else "",
                                          f"reported in {len(f['reported_in'])} documents"
                                          if len(f["reported_in"]) > 1 else "",
                                          "a part of the figure before" if f["role"] == "part" else "",
                                          "a conversion of the figure before" if f["role"] == "conversion" else "")
                              if x)
            lines.append({"text": f"{src}: “{f['text']}”" + (f" ({notes})" if notes else ""),
                          "evidence": [ev.cite(f["doc_id"], f["start"], f["end"])]})
        srcs = sorted({s for f in counted for s in ([f["source"], *f.get("co_sources", ())] if f["source"]
                                                    else ["unattributed"])})
        if len(counted) >= 2:
            vals = [v for f in counted for v in (f["value"], f["low"], f["high"]) if v is not None]
            sp = {"min": min(vals), "max": max(vals)} if vals else None
            rng = ("" if not sp else f", all {_fmt_bounds(sp)}" if sp["min"] == sp["max"] else f", from {_fmt_bounds(sp)}")
            named = [x for x in srcs if x != "unattributed"]
            bare = sum(1 for f in counted if not f["source"])
            head = (f"{t['name']}: {len(counted)} figures from {len(named)} named "
                    f"source{'s' if len(named) != 1 else ''}"
                    + (f" and {bare} unattributed" if bare else "") + f"{rng}." + _ends(counted, sp))
            report["tracks"].append({"id": t["id"], "name": t["name"],
                                     "summary": {"text": head, "evidence": list({e["id"]: e for ln in lines
                                                                                 for e in ln["evidence"]}.values())},
                                     "figures": lines})
            for c in view["contradictions"]:
                fa = next((f for f in figs if f["quantity_id"] == c["a"]), None)
                fb = next((f for f in figs if f["quantity_id"] == c["b"]), None)
                if fa and fb:
                    report["contradictions"].append({
                        "text": f"{t['name']}: {c['a_source']} (“{c['a_text']}”) and {c['b_source']} "
                                f"(“{c['b_text']}”) give incompatible figures"
                                + (f" {c['days_apart']} days apart" if c["days_apart"] else " at the same time") + ".",
                        "evidence": [ev.cite(fa["doc_id"], fa["start"], fa["end"]),
                                     ev.cite(fb["doc_id"], fb["start"], fb["end"])]})
            for r in view["revisions"]:
                fa = next((f for f in figs if f["quantity_id"] == r["from"]), None)
                fb = next((f for f in figs if f["quantity_id"] == r["to"]), None)
                if fa and fb:
                    report["contradictions"].append({
                        "text": f"{t['name']}: {r['source']} revised its figure {r['direction']}, from "
                                f"“{r['from_text']}” to “{r['to_text']}”.",
                        "evidence": [ev.cite(fa["doc_id"], fa["start"], fa["end"]),
                                     ev.cite(fb["doc_id"], fb["start"], fb["end"])]})
        else:
            report["other_figures"].append({"text": f"{t['name']}: " + lines[0]["text"] if lines else t["name"],
                                            "evidence": [e for ln in lines for e in ln["evidence"]]})
    # relations with evidence in the selection; "new" when none before the selection's start
    relations = sorted(store.relations(), key=lambda r: (r.type, r.from_, r.to))
    report["supplies"] = supplies_by_recipient(relations, dset, ev.cite)
    for r in relations:
        inside = [e for e in r.evidence if e.doc_id in dset]
        if not inside:
            continue
        before = [e for e in r.evidence if e.doc_id not in dset and since and (published.get(e.doc_id) or "") < since]
        verb = _REL_WORDS.get(r.type, r.type.lower())
        report["relations"].append({
            "text": f"{actor_name(r.from_)} {verb} {actor_name(r.to)}" + (f" ({r.item})" if r.item else "")
                    + ("" if before else " (new in this selection)" if since else "")
                    + f" — {len(inside)} piece{'s' if len(inside) != 1 else ''} of evidence.",
            "evidence": [ev.cite(e.doc_id, e.start, e.end) for e in inside[:8]]})
    # places
    pl: dict[tuple, list] = defaultdict(list)
    for p in _records(store, "place", docs, Place):
        for m in p.mentions:
            pl[(p.name, p.country or "")].append((p.doc_id, m.start, m.end))
    ranked = sorted(pl.items(), key=lambda kv: (-len({m[0] for m in kv[1]}), -len(kv[1]), kv[0]))
    if len(ranked) > MAX_PLACES:
        rest = ranked[MAX_PLACES:]
        ranked = ranked[:MAX_PLACES]
    else:
        rest = []
    for (name, country), ms in ranked:
        ndoc = len({m[0] for m in ms})
        report["places"].append({"text": f"{name}" + (f" ({country})" if country else "")
                                 + f": named {_times(len(ms))} in {ndoc} document{'s' if ndoc != 1 else ''}.",
                                 "evidence": [ev.cite(*m) for m in sorted(ms)[:3]]})
    if rest:
        report["places"].append({"text": f"{len(rest)} more places, each named in one document: "
                                         + ", ".join(n for (n, _), _ in rest) + ".",
                                 "evidence": [ev.cite(*sorted(ms)[0]) for _, ms in rest]})
    # disputed and unverified claims
    all_claims = _records(store, "claim", docs, Claim)
    report["statements"] = statements(all_claims, published, ev.cite, _clip)
    claims = [c for c in all_claims if c.hedge in _HEDGED]
    claims.sort(key=lambda c: (_HEDGED.index(c.hedge), published.get(c.doc_id) or "", c.doc_id, c.start))
    for c in claims[:MAX_CLAIMS]:
        cites = [ev.cite(c.doc_id, c.start, c.end)]
        report["disputed"].append({"text": f"{c.source or 'An unnamed source'} ({c.hedge}"
                                           + (f", “{c.hedge_cue}”" if c.hedge_cue else "") + f"): “{_clip(c.text)}”",
                                   "evidence": cites})
    report["documents"] = documents(docs, texts, titles, published, ev.cite)
    report["brief"] = brief(report, [c.hedge for c in claims], report["disputed"])
    report["evidence"] = ev.items
    return report


def _ends(counted: list[dict], sp: dict | None) -> str:
    """Who gives the lowest and the highest figure of a track (when they differ)."""
    if not sp or sp["min"] == sp["max"]:
        return ""

    def who(f: dict) -> str:
        hedge = f" ({f['hedge']})" if f["hedge"] and f["hedge"] != "asserted" else ""
        return f"{f['source'] or 'an unattributed report'}, “{f['text']}”{hedge}"

    def has(f: dict, v: float) -> bool:
        return v in (f["value"], f["low"], f["high"])
    lo = next(f for f in counted if has(f, sp["min"]))
    hi = next(f for f in counted if has(f, sp["max"]))
    return f" Lowest: {who(lo)}; highest: {who(hi)}."


def _records(store: Store, kind: str, docs: list[str], cls) -> list:
    from sqlalchemy import select

    from ..model import from_dict
    t = S.RECORD_TABLES[kind]
    out = []
    with store.engine.connect() as conn:
        for i in range(0, len(docs), 500):
            for r in conn.execute(select(t.c.data).where(t.c.doc_id.in_(docs[i:i + 500]))
                                  .order_by(t.c.doc_id, t.c.start, t.c.id)):
                out.append(from_dict(cls, r.data))
    return out


def _times(n: int) -> str:
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"


def _clip(s: str, n: int = 280) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[:n - 1].rstrip() + "…"


FORMATS = ("md", "html", "pdf")


def render(report: dict[str, Any], fmt: str) -> str | bytes:
    """The report as Markdown (``md``) or HTML (``html``) text, or as PDF (``pdf``) bytes."""
    if fmt not in FORMATS:
        raise SitrepError(f"{fmt}: report format is md, html or pdf", input=fmt, reason="bad_format")
    if fmt == "pdf":
        from .report_pdf import render_pdf
        return render_pdf(report)
    env = jinja2.Environment(loader=jinja2.PackageLoader("sitrep.analyse", "templates"),
                             autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default=False),
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                             undefined=jinja2.StrictUndefined)
    env.filters["mdesc"] = _md_escape
    return env.get_template(f"report.{fmt}.j2").render(r=report)


def _md_escape(s: str) -> str:
    for ch in ("\\", "*", "_", "[", "]", "<", ">", "`"):
        s = s.replace(ch, "\\" + ch)
    return s


def write_report(store: Store, out: str, fmt: str, **selection: Any) -> dict[str, Any]:
    rep = build_report(store, **selection)
    data = render(rep, fmt)
    try:
        with open(out, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    except OSError as e:
        raise SitrepError(f"{out}: cannot write the report ({e.strerror})", input=out, reason="io") from e
    return rep


def sentence_count(report: dict[str, Any]) -> Counter:
    """How many sentences each section has (for the CLI's summary line)."""
    c = Counter()
    for d in report["developments"]:
        for g in d["groups"]:
            c["developments"] += len(g["sentences"])
    for k in ("tracks", "other_figures", "supplies", "relations", "places", "disputed", "contradictions"):
        c[k] = len(report[k])
    c["statements"] = sum(len(s["sentences"]) for s in report["statements"])
    c["documents"] = len(report["documents"])
    return c
