"""Events in a headline in title case or in capitals ("KESH ATTACKS TALMAR", "PLO Condemns
Valdorian Raid"), which the small model parses as one long name: when the document's parse finds
no event in its first line (or in a short one-line text), the line is parsed again in sentence
case (``headline_case``: names keep their capitals, the actor dictionary's among them) and the
events stage runs on that parse. Changing a letter's case keeps every offset, so the events found
lie over the document's own characters; their text is taken from the document."""
from __future__ import annotations

from dataclasses import replace
from typing import Callable, Iterable

from ..model import Event
from .context import Context
from .headline_case import headline_span, name_forms, parse_line, sentence_case


def setup(nlp, resources: dict) -> None:
    resources.setdefault("headline_nlp", nlp)


def headline_events(ctx: Context, events: list[Event], run: Callable[[Context], Iterable[Event]]) -> list[Event]:
    """The events ``run`` finds in the sentence-case parse of the headline, when ``events`` (those
    of the document's parse) has none there."""
    nlp = ctx.resources.get("headline_nlp")
    text = ctx.doc.text
    span = headline_span(text, whole=True)
    if nlp is None or span is None:
        return []
    a, b = span
    if any(e.start < b for e in events):
        return []
    names = ctx.resources.get("headline_names")
    if names is None:
        names = ctx.resources["headline_names"] = name_forms(ctx.resources.get("event_actor_table") or {})
    line = sentence_case(text[a:b], text[b:], names)
    if line == text[a:b]:
        return []
    sub = Context(doc=replace(ctx.doc, text=text[:a] + line + text[b:]), sdoc=parse_line(ctx, nlp, line),
                  resources=ctx.resources, records=ctx.records, anchor=ctx.anchor)
    return [replace(e, text=text[e.start:e.end]) for e in run(sub) if a <= e.start and e.end <= b]
