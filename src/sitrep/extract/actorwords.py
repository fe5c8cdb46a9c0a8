"""Word lists of the actors stage (from ``data/actor-patterns.yaml``) and per-document token
tables that several stages share (computed once per document, kept in ``ctx.scratch``)."""
from __future__ import annotations

from . import actordict
from .context import Context

PATTERNS_FILE = actordict.DATA / "actor-patterns.yaml"


def _load_patterns(path=PATTERNS_FILE) -> dict:
    """The word lists of this stage, from ``data/actor-patterns.yaml`` (one group each, with help)."""
    import yaml
    groups = {g["group"]: g for g in yaml.load(path.read_text(encoding="utf-8"), Loader=actordict._LOADER)}
    return groups


_P = _load_patterns()
TITLE_WORDS = set(_P["title_words"]["words"])
_TITLE_STRIP = set(_P["title_strip"]["words"])
# bodies that follow a state ("Russia's parliament"): words (lower case) -> sector
BODIES = {tuple(b["words"].split()): b["sector"] for b in _P["bodies"]["items"]}
_ADJ_BODIES = {tuple(w.split()) for w in _P["adjective_bodies"]["words"]}   # adjectives when a noun follows
# after a demonym, these make the state an actor of the sentence ("North Korean troops")
ACTOR_NOUNS = set(_P["actor_nouns"]["words"])
_MAX_BODY = max(map(len, BODIES))
_BODY_FIRST = {k[0] for k in BODIES}
MOTION = set(_P["motion"]["words"])
LOCATIVE = set(_P["locative"]["words"])
_ORG_JUNK = set(_P["org_junk"]["words"])


def token_table(ctx: Context) -> tuple[list[str], list[int], list[int]]:
    """Token texts, start and end characters of ``ctx.sdoc``, computed once per document."""
    t = ctx.scratch.get("token_table")
    if t is None:
        from spacy.attrs import IDX, LENGTH
        sdoc = ctx.sdoc
        if len(sdoc):
            arr = sdoc.to_array([IDX, LENGTH])
            idxs = arr[:, 0].tolist()
            ends = (arr[:, 0] + arr[:, 1]).tolist()
        else:
            idxs, ends = [], []
        text = ctx.doc.text     # the parsed text (``Doc.text`` would rebuild it token by token)
        if ends and ends[-1] + len(sdoc[-1].whitespace_) != len(text):
            text = sdoc.text
        texts = list(map(text.__getitem__, map(slice, idxs, ends)))
        ctx.scratch["token_text"] = text    # the text the offsets index
        t = ctx.scratch["token_table"] = (texts, idxs, ends)
    return t


def text_set(ctx: Context) -> set[str]:
    """The distinct token texts of the document."""
    s = ctx.scratch.get("text_set")
    if s is None:
        s = ctx.scratch["text_set"] = set(token_table(ctx)[0])
    return s


def doc_ents(ctx: Context) -> list:
    """``ctx.sdoc.ents`` as a list, built once per document."""
    ents = ctx.scratch.get("spacy_ents")     # the key ``sources.ents`` reads too: Doc.ents is built once
    if ents is None:
        ents = ctx.scratch["spacy_ents"] = list(ctx.sdoc.ents)
    return ents
