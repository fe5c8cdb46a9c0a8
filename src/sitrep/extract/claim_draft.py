"""Drafts of attributed claims and the helpers the claim finders share: the cue sets read
from ``data/cues.yaml``, token-list trimming, and the tests of whether a subject can speak
(``_speaker``) or hold a view (``_holder``)."""
from __future__ import annotations

from dataclasses import dataclass

from . import hedges
from .quotes import _OPEN

WH = {"who", "which", "that", "whom"}

def _lex(ctx) -> dict:
    cues = hedges._cues(ctx)
    if "_claim_sets" not in cues:
        rv = cues["reporting_verbs"]
        cues["_claim_sets"] = {
            "verbs": frozenset(rv["lemmas"]),
            "xcomp": frozenset(rv["complement_lemmas"]["lemmas"]),
            "dobj": frozenset(rv["object_lemmas"]["lemmas"]),
            "predicate": frozenset(rv["predicate_lemmas"]["lemmas"]),
            "passive": frozenset(rv["no_subject_needed"]["lemmas"]),
            "passive_views": frozenset(rv["passive_views"]["lemmas"]),
            "charges": frozenset(rv["passive_charges"]["lemmas"]),
            "quote_only": frozenset(rv["quote_only"]["lemmas"]),
            "object_never": frozenset(rv["object_never"]["lemmas"]),
            "purpose_objects": frozenset(rv["purpose_objects"]["lemmas"]),
            "preps": {tuple(p) for p in rv["prep_objects"]["pairs"]},
            "preps_bare": {tuple(p) for p in rv["prep_objects_bare"]["pairs"]},
            "preps_spoken": {tuple(p) for p in rv["prep_objects_spoken"]["pairs"]},
            "prep_senses": {tuple(p) for p in rv["prep_senses"]["pairs"]},
            "prt_senses": {tuple(p) for p in rv["particle_senses"]["pairs"]},
            "obj_senses": {tuple(p) for p in rv["object_senses"]["pairs"]},
            "person_senses": frozenset(rv["person_senses"]["lemmas"]),
            "person_objects": frozenset(rv["person_senses"]["persons"]),
            "asked": frozenset(rv["prep_objects_spoken"]["asked"]),
            "nouns": frozenset(cues["reporting_nouns"]["lemmas"]),
            "docs": frozenset(cues["document_sources"]["lemmas"]),
            "anon": frozenset(cues["anonymous_words"]["words"]),
            "hearsay": frozenset(cues["hedge_reported"]["report_subjects"]),
            "adverbs": frozenset(cues["hedge_reported"]["adverbs"]) - frozenset(cues["hedge_reported"]["hedge_only"]["adverbs"]),
            "deny": frozenset(cues["hedge_denied"]["always_lemmas"]),
            "not_claims": frozenset(cues["hedge_denied"]["not_claims"]["lemmas"]),
            "check": frozenset(cues["hedge_unverified"]["check_lemmas"]),
            "weak": frozenset(cues["weak_verbs"]["lemmas"]),
            "weak_agentive": frozenset(cues["weak_verbs"]["agentive"]["lemmas"]),
            "weak_it": frozenset(cues["weak_verbs"]["it_subjects"]["lemmas"]),
            "speakers": frozenset(cues["speaker_nouns"]["lemmas"]),
            "partitives": frozenset(cues["speaker_nouns"]["partitives"]["lemmas"]),
            "partitives_alone": frozenset(cues["speaker_nouns"]["partitives"]["alone"]),
            "speaker_endings": tuple(cues["speaker_nouns"]["suffixes"]["endings"]),
            "back": frozenset(cues["back_references"]["lemmas"]),
        }
        av = cues["attitude_verbs"]
        classes: dict[str, str] = {}
        for cls in ("stance", "intention", "belief"):   # the first group wins: belief, intention, stance
            classes.update({lem: cls for lem in av[cls]["lemmas"]})
        S = cues["_claim_sets"]
        S["class"] = classes
        S["attitude"] = frozenset(classes)
        S["xcomp"] = S["xcomp"] | frozenset(av["intention"]["lemmas"])
        S["dobj"] = S["dobj"] | frozenset(av["stance"]["lemmas"])
        S["stance"] = frozenset(av["stance"]["lemmas"])
        S["intention"] = frozenset(av["intention"]["lemmas"])
        S["minds"] = S["intention"] | frozenset(av["belief"]["lemmas"])
        S["wants"] = frozenset(av["intention_objects"]["lemmas"])
        S["that_except"] = frozenset(av["that_clause"]["except"])
        S["seem"] = frozenset(cues["seem_verbs"]["lemmas"])
        S["publish"] = frozenset(cues["publish_verbs"]["lemmas"])
        S["publish_objects"] = frozenset(cues["publish_verbs"]["objects"])
        S["publish_except"] = frozenset(cues["publish_verbs"]["except_objects"]["lemmas"])
        S["as_it"] = frozenset(cues["as_it_verbs"]["lemmas"])
        S["express"] = frozenset(cues["express_verbs"]["lemmas"])
        S["express_preps"] = frozenset(cues["express_verbs"]["preps"])
        S["drawn"] = frozenset(cues["drawn_criticism"]["lemmas"])
        S["drawn_nouns"] = frozenset(cues["drawn_criticism"]["nouns"])
        S["other_cues"] = S["seem"] | S["publish"] | S["as_it"] | S["express"] | S["drawn"]
        lv = cues["light_verbs"]
        S["light"], S["light_nouns"], S["light_preps"] = (frozenset(lv["lemmas"]), frozenset(lv["nouns"]),
                                                           frozenset(lv["preps"]))
        S["naming"] = frozenset(cues["naming_participles"]["lemmas"])
        S["phrasal"] = {tuple(p) for p in cues["phrasal_cues"]["pairs"]}
        S["phrasal_lemmas"] = frozenset(p[0] for p in S["phrasal"])
        S["phrasal_preps"] = frozenset(cues["phrasal_cues"]["preps"])
        S["boilerplate"] = tuple(cues["boilerplate_lines"]["openers"])
        S["stance_adj"] = frozenset(cues["stance_adjectives"]["lemmas"])
        S["impersonal_adj"] = frozenset(cues["impersonal_adjectives"]["lemmas"])
        S["stance_nouns"] = frozenset(cues["stance_nouns"]["lemmas"])
        S["in_sources"] = frozenset(cues["in_sources"]["lemmas"])
        S["in_owned"] = frozenset(cues["in_sources"]["owned"]["lemmas"])
        S["as_view"] = frozenset(av["as_objects"]["lemmas"])
        S["as_view_only"] = S["as_view"] - S["verbs"] - frozenset(classes)   # cues only with an "as" object
        for lem in S["as_view"]:
            classes.setdefault(lem, "belief")
        S["attitude"] = S["attitude"] | S["as_view"]
        S["minds"] = S["minds"] | S["as_view_only"]   # groups regard and consider ("farmers regard ...")
        fe = cues.get("figure_estimates", {})
        S["estimates"] = frozenset(fe.get("lemmas", ()))
        S["estimate_verbs"] = frozenset(fe.get("verbs", ()))
    return cues["_claim_sets"]


@dataclass
class _Draft:
    start: int
    end: int
    cue_start: int
    cue_end: int
    src: tuple[int, int] | None = None      # token range [i, j) of the source
    src_head: int | None = None             # token index of the source's head
    co_src: tuple = ()                      # ((src, src_head), ...) of every joint source (sources.py)
    hedge: str = "asserted"
    hedge_cue: str | None = None
    direct: bool = False
    cited: str | None = None
    source_name: str | None = None          # set when inherited from another claim
    cue_class: str = "speech"               # speech, belief, intention, stance, other
    tok: int = -1                           # token index of the cue word
    phrase: bool = False                    # "what X called Y": a claim on a phrase of the sentence


# ---------------------------------------------------------------- token helpers

def _text(doc) -> str:
    """The parsed text (``Doc.text`` rebuilds it from the tokens on every call: cached)."""
    t = doc.user_data.get("sitrep_text")
    if t is None:
        t = doc.user_data["sitrep_text"] = doc.text
    return t


def _trim(toks: list) -> list:
    while toks and (toks[0].is_punct or toks[0].is_space) and toks[0].text not in _OPEN:
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    return toks


def _chars(toks: list) -> tuple[int, int] | None:
    toks = _trim(toks)
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _longest_run(tokens: list, exclude: set[int]) -> list:
    runs, cur = [], []
    for t in tokens:
        if t.i in exclude:
            if cur:
                runs.append(cur)
            cur = []
        else:
            cur.append(t)
    if cur:
        runs.append(cur)
    runs = [_trim(r) for r in runs]
    return max(runs, key=len) if runs else []


def _that_clause(t) -> bool:
    """Has the verb a clause complement opened by "that" ("determined that ...")?"""
    return any(c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
               for c in t.children)


def _speaker(tok, L) -> bool:
    """Can this subject speak? A name, a person pronoun, a speaker noun (or one ending like
    "economist", "politician") or a document; a partitive ("one of the doctors", "a number of
    lawmakers") when the noun of its "of" phrase can, and "others", "many", "no one" alone."""
    lem = tok.lemma_.lower()
    if lem in L["partitives"] or tok.lower_ in L["partitives"] | L["partitives_alone"]:
        of = [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
              if g.dep_ == "pobj"]
        if of:
            return _speaker(of[0], L)
        if tok.lower_ in L["partitives_alone"] and tok.pos_ != "DET" and not any(
                c.dep_ in ("compound", "amod", "nummod") for c in tok.children):
            return True   # "others have opposed ...", "many believe ...", "no one expected ..."
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if tok.pos_ == "PRON" and lem not in L["speakers"]:   # "everyone", "someone": the list
        return tok.lower_ in ("he", "she", "we", "i", "who")
    return lem in L["speakers"] or lem in L["docs"] or tok.lower_ in L["hearsay"] or (
        tok.pos_ == "NOUN" and len(lem) >= 7 and lem.endswith(L["speaker_endings"]))


def _holder(tok, L) -> bool:
    """Can this subject hold a belief or a stance? A speaker that is no document."""
    return (_speaker(tok, L) or tok.lower_ in ("they", "you")) and tok.lemma_.lower() not in L["docs"]

