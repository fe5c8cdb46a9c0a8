"""Stage: quantities — every figure that counts or measures something.

Rules over spaCy tokens and the parse, no extra model: a figure is a number
(digits, "1.2 million", "$126bn", number words, "a dozen", "tens of
thousands") or a range ("11,000 to 12,000", "between 30 and 40", "8- to
16-meter"), with the approximation cue before or after it ("approximately",
"more than", "up to", "or more"), its unit (a currency by ISO code, a measure,
or the thing counted: the head noun after the number, "North Korean troops")
normalized to a unit class, and a conversion given in brackets ("€118 billion
($126 billion)": one amount, the bracket in ``converted``). A range is never
averaged: value stays None, low/high are set. A change "fell from 208 pounds to
193" is one figure: value 193, ``from_value`` 208 (a rise written "from 250 to
310" right after each other stays a range, as before).

Years, dates, times, ordinals, designations ("Article 5", "47th Brigade",
"iPhone 11"), decades ("1930s") and relative ages ("8 months ago") are not
figures. All words are data in ``data/units.yaml``. The work is split in plain
modules: numbers and cues are read by ``numbers.py``, units by ``quantity_units.py``,
one figure by ``quantity_figure.py`` (the shapes around a number in ``quantity_shapes.py``, small word
checks in ``quantity_checks.py``), the document scan (only from tokens that may
start a number) by ``quantity_scan.py``; this module is the stage and keeps their
names importable (``from sitrep.extract.quantities import scan, lexicon``).

Each figure inherits source, co-sources, hedge and claim id from the innermost claim whose
content span holds it (claims run before this stage); a figure with no sourced
claim around it takes the source named in the next or previous sentence when that
sentence points back at it ("These troops ...", ``claim_links.figure_claim``);
otherwise its source is None (the article's own) and the hedge is read from the text around
it by ``hedges.hedge_for_span`` when that module is present.
"""
from __future__ import annotations

from typing import Iterator

from ..model import Quantity, record_id
from .claim_links import figure_claim
from .context import Context
from .numbers import (DATA, _DETS, _DEICTIC, _YEAR_BEFORE, _GLUED_ONE, Lex, _YEARISH, _cue_after,  # noqa: F401
                      _cue_before, _match_phrase, _norm, _start_number, lexicon)
from .quantity_figure import _change_to, _read_figure  # noqa: F401
from .quantity_shapes import _designation, _is_yearish, _range_end, _share  # noqa: F401
from .quantity_scan import scan, _scan_sentence  # noqa: F401
from .quantity_units import (_HEAD_POS, _MOD_POS, _MEASURE_GROUPS, _counted, _known, _record,  # noqa: F401
                             _subject_after, _unit_at, _unit_class)


def setup(nlp, resources: dict) -> None:
    resources["units"] = lexicon()


# ---------------------------------------------------------------- the stage

def _hedge_fn():
    try:
        from .hedges import hedge_for_span  # written by the claims stage
        return hedge_for_span
    except ImportError:
        return None


def find_quantities(ctx: Context) -> Iterator[Quantity]:
    doc, text = ctx.sdoc, ctx.doc.text
    lex = ctx.resources.get("units") or lexicon()
    claims = sorted(ctx.records.claims, key=lambda c: c.end - c.start)
    hedge_for_span = _hedge_fn()
    dates = [d for d in ctx.records.dates if d.date]
    for r in scan(doc, lex):
        start = doc[r["start_tok"]].idx
        num_at = doc[r["num_tok"]].idx
        last = doc[r["end_tok"] - 1]
        end = last.idx + len(last.text)
        subj_start = subj_end = subject = None
        if r["subject_tokens"]:
            f, h = r["subject_tokens"]
            subj_start, subj_end = doc[f].idx, doc[h].idx + len(doc[h].text)
            subject = text[subj_start:subj_end]
        # the innermost claim whose content holds the figure's number; when that claim's source is
        # not named ("intelligence indicates ...") and an enclosing claim names one ("according to
        # the spokesperson"), the named one gave the figure
        holding = [c for c in claims if c.start <= num_at < c.end]
        claim = next((c for c in holding if c.source and c.source_kind in (None, "named")), None) \
            if holding and holding[0].source_kind in ("anonymous", "document") else None
        claim = claim or (holding[0] if holding else None)
        if claim is None or not claim.source:   # attributed in the next or previous sentence (claims' module)
            claim = figure_claim(ctx, num_at, claims) or claim
        co_sources = ()
        if claim is not None:
            source, claim_id, hedge, co_sources = claim.source, claim.id, claim.hedge, claim.co_sources
        else:
            source, claim_id = None, None
            h = hedge_for_span(ctx, start, end) if hedge_for_span else None
            hedge = (h[0] if isinstance(h, tuple) else h) or "asserted"     # (hedge, cue) or a hedge
        yield Quantity(id=record_id("quantity", ctx.doc.id, start, end), doc_id=ctx.doc.id, start=start, end=end,
                       text=text[start:end], value=r["value"], low=r["low"], high=r["high"], approx=r["approx"],
                       unit=r["unit"], unit_class=r["unit_class"], subject=subject, subject_start=subj_start,
                       subject_end=subj_end, source=source, claim_id=claim_id, hedge=hedge, co_sources=co_sources,
                       converted=r["converted"], from_value=r.get("from_value"), date=_date_near(doc, dates, r["num_tok"], num_at))


def _date_near(doc, dates, num_tok: int, at: int) -> str | None:
    """The resolved date nearest the figure in its sentence ("on Tuesday ... 48 drones"), if any."""
    if not dates:
        return None
    sent = doc[num_tok].sent
    near = [d for d in dates if sent.start_char <= d.start < sent.end_char]
    return min(near, key=lambda d: abs(d.start - at)).date if near else None
