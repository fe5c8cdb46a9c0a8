"""Claims beyond the verbs of saying: adjectives and "in" phrases ("the mayor is critical of the
plan", "it is clear that ...", "In the latest poll, Varga leads", "safe in his eyes"), the verbs of
``seem_verbs``, ``publish_verbs``, ``express_verbs`` and ``as_it_verbs`` (``_other_cue``), and a
trailing ", X told the Post." (``_leading_clause``); the lists are in ``data/cues.yaml``."""
from __future__ import annotations

from .claim_draft import _Draft, _chars, _holder, _longest_run, _trim
from .sources import source_range

_PREPS = ("of", "about", "on", "with", "over", "to", "toward", "towards", "against", "in", "at", "for")


def _adj_content(t, head) -> list | None:
    """The clause, infinitive or prepositional object of a predicate adjective (or the clause its
    copula carries after it: "she was sure Varga would win")."""
    for c in t.children:
        if c.dep_ in ("ccomp", "xcomp"):
            return list(c.subtree)
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in _PREPS:
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                return list(objs[0].subtree)
    if head is not t:
        for c in head.children:
            if c.dep_ == "ccomp" and c.i > t.i:
                return list(c.subtree)
    return None


def _from_adjective(t, L) -> _Draft | None:
    lem = t.lemma_.lower()
    if t.tag_ in ("VBN", "VBD") and t.lower_ in L["stance_adj"]:
        lem = t.lower_   # "convinced", "determined" tagged as participles
        if t.dep_ == "advcl" and t.head.pos_ == "VERB" and t.head.i < t.i:
            return _stance_draft(t, t.head, _adj_content(t, t), L)   # "came away convinced that ..."
        if any(c.dep_ == "auxpass" for c in t.children):   # "were incensed that ...": parsed as a passive
            return _stance_draft(t, t, _adj_content(t, t), L, ("nsubjpass", "nsubj"))
    if t.dep_ != "acomp" or t.head is t:
        return None
    head = t.head
    content = _adj_content(t, head)
    if lem in L["impersonal_adj"]:   # "it is clear that ...", "the implication is clear: ..."
        if content is None:
            colon = [c for c in head.children if c.text == ":" and c.i > t.i]
            if colon:
                content = [x for x in t.sent if x.i > colon[0].i]
        if content is None or not any(x.pos_ in ("VERB", "AUX") for x in content):
            return None
        span = _chars(content)
        return _Draft(*span, t.idx, t.idx + len(t.text), cue_class="other") if span else None
    if lem not in L["stance_adj"] or content is None:
        return None
    return _stance_draft(t, head, content, L)


def _stance_draft(t, head, content, L, deps: tuple = ("nsubj",)) -> _Draft | None:
    """The claim of a stance adjective ``t`` whose subject (one of ``deps``) hangs on ``head`` (or on
    its auxiliary: "The senator was convinced", the parser hanging "senator" on "was")."""
    if content is None:
        return None
    kids = [*head.children, *(g for c in head.children if c.dep_ in ("aux", "auxpass") for g in c.children)]
    subj = next((c for c in kids if c.dep_ in deps and c.i < t.i), None)
    if subj is None or not (_holder(subj, L) or (subj.tag_ in ("NNS", "NNPS") and subj.lemma_.lower() not in L["docs"])):
        return None
    span = _chars(content)
    if span is None:
        return None
    d = _Draft(*span, t.idx, t.idx + len(t.text), cue_class="stance")
    if subj.lower_ in ("who", "that") and head.dep_ == "relcl":   # "Kaine, who is critical of ..."
        d.src, d.src_head = (subj.i, subj.i + 1), head.head.i
    else:
        d.src, d.src_head = source_range(subj), subj.i
    return d


def _from_in(t, L) -> _Draft | None:
    """ "In the latest poll, Varga leads by 4 points": the poll is the source, "in" the cue."""
    objs = [g for g in t.children if g.dep_ == "pobj"]
    if t.dep_ != "prep" or not objs or t.head is t:
        return None
    src = objs[0]
    lem = src.lemma_.lower()
    if lem not in L["in_sources"]:
        return None
    if lem in L["in_owned"] and not any(c.dep_ == "poss" for c in src.children) and not any(
            p.dep_ == "prep" and p.lower_ == "of" and any(_holder(g, L) for g in p.children) for p in src.children):
        return None   # "in view of the facts" names nobody
    h = t.head
    if h.lemma_.lower() in L["verbs"] | L["attitude"] | L["other_cues"] or any(
            c.dep_ == "ccomp" for c in h.children):
        return None   # "In a poll, 40 percent said ...": the verb makes the claim
    content = _longest_run(list(h.subtree), {x.i for x in t.subtree})
    span = _chars(content)
    if span is None or len(content) < 3:
        return None
    d = _Draft(*span, t.idx, t.idx + len(t.text), cue_class="other")
    d.src, d.src_head = source_range(src), src.i
    return d


_ABOUT = ("about", "for", "over", "on", "regarding", "concerning")


def _drawn(t, L, kids) -> _Draft | None:
    """ "The agency has faced criticism over its contracts", "came under sharp criticism for the
    delay", "the clip drew ridicule": unnamed critics' claim (``drawn_criticism``); the "from"
    phrase is the source when there is one."""
    obj = next((c for c in kids if c.dep_ == "dobj" and c.i > t.i and c.lemma_.lower() in L["drawn_nouns"]), None)
    if obj is None and t.lemma_.lower() == "come":   # "came under criticism"
        obj = next((g for c in kids if c.dep_ == "prep" and c.lower_ == "under" for g in c.subtree
                    if g.pos_ == "NOUN" and g.i - c.i <= 4 and g.lemma_.lower() in L["drawn_nouns"]), None)
        # (the parser may hang the noun on an adjective it took for a verb: "under withering criticism")
    if obj is None or obj.i - t.i > 5:
        return None
    about, src = None, None
    for h in (obj, t):
        for c in h.children:
            if c.dep_ == "prep" and c.i > obj.i:
                objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                if objs and c.lower_ in _ABOUT and about is None:
                    about = list(objs[0].subtree)
                elif objs and c.lower_ == "from" and src is None and _holder(objs[0], L):
                    src = objs[0]
    if about is None:
        subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.lower_ in ("who", "which", "that"):
            return None
        about = list(subj.subtree)
    span = _chars(about)
    if span is None:
        return None
    d = _Draft(*span, t.idx, obj.idx + len(obj.text), tok=t.i, cue_class="other")
    if src is not None:
        d.src, d.src_head = source_range(src), src.i
    return d


def _other_cue(t, L, kids) -> tuple[list | None, bool]:
    """(content, needs a source) for the cues of ``seem_verbs``, ``publish_verbs`` and
    ``as_it_verbs``; content None: no claim."""
    lem = t.lemma_.lower()
    if lem in L["seem"]:   # "the plan seems too costly": the clause, nobody's
        if not any(c.dep_ in ("xcomp", "ccomp", "acomp", "oprd") for c in kids) or any(
                c.dep_ == "prep" and c.lower_ == "to" for c in kids) or any(
                c.dep_ == "nsubj" and c.lower_ in ("what", "which") for c in kids):
            return None, False   # "appeared in court"; "seems to me" names its holder elsewhere; "what
            # appears to be a plan" describes a thing
        if any(c.dep_ == "xcomp" and (c.lemma_.lower() in L["verbs"] or c.lemma_.lower() in L["attitude"])
               for c in kids) and any(c.dep_ == "nsubj" and _holder(c, L) for c in (
                   kids if t.dep_ != "conj" or any(c.dep_ == "nsubj" for c in kids) else t.head.children)):
            return None, False   # "the senator seemed to think ...": the claim is the senator's, by "think"
        return [x for x in t.subtree if not (x.dep_ == "mark" and x.head is t)], False
    if lem in L["as_it"]:   # "as the mayor put it, ..."
        if any(c.dep_ == "mark" and c.lower_ == "as" for c in kids) and any(
                c.dep_ == "dobj" and c.lower_ == "it" for c in kids):
            from .claim_verbs import _host_content   # (claim_verbs imports this module)
            return _host_content(t), True
        return None, True
    if lem in L["express"]:   # "expressed concern about the levy"
        for c in kids:
            if c.dep_ != "dobj":
                continue
            about = [p for p in [*c.children, *kids] if p.dep_ == "prep" and p.lower_ in L["express_preps"] and p.i > c.i]
            if about:   # the phrase hangs on the feeling or on the verb
                return list(t.doc[c.left_edge.i:max(x.i for x in about[0].subtree) + 1]), True
            that = [x for x in [*c.children, *kids] if x.dep_ in ("acl", "ccomp") and x.i > c.i and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in x.children)]
            if that:   # "expressed concern that the policy could ...": the feared clause
                return list(that[0].subtree), True
        return None, True
    if any(c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG" and c.lemma_.lower() in L["verbs"] for c in kids):
        return None, True   # "issued a warning, urging ...": the speech verb makes the claim
    for c in kids:   # "the campaign released an ad attacking ..."
        if c.dep_ == "dobj" and c.lemma_.lower() in L["docs"] | L["nouns"] | L["publish_objects"] and \
                c.lemma_.lower() not in L["publish_except"]:
            return [x for x in t.subtree if x.i >= c.left_edge.i], True   # "an ad this week showing ..."
    return None, True


def _leading_clause(t, src: tuple[int, int]) -> list | None:
    """The clause before ", X told the Herald." when the attribution closes its sentence and the
    parse hung nothing on the verb (a trailing attribution with an object, a headline's "..., Mayor
    Says"): the sentence up to the comma before the source."""
    doc = t.doc
    if not 0 < src[0] < t.i:
        return None
    comma = doc[src[0] - 1]
    sent_start = doc[t.i].sent.start if comma.i > 0 else 0
    if comma.text not in (",", "\u2014", "--") or comma.i <= sent_start:
        return None
    last = max(x.i for x in t.subtree)
    j = last + 1
    while j < len(doc) and doc[j].is_punct and not doc[j].is_sent_start:
        j += 1
    if j < len(doc) and not doc[j].is_sent_start and not doc[j].is_space:
        return None   # the attribution must close the sentence
    toks = _trim(list(doc[sent_start:comma.i]))
    lead = next((x for x in toks if x.pos_ not in ("CCONJ", "ADV", "PUNCT")), None)
    if len(toks) < 4 or lead is None or lead.pos_ in ("SCONJ", "ADP") or lead.tag_ in ("VBN", "VBG") or not any(
            x.pos_ in ("VERB", "AUX") for x in toks):
        return None   # "After the meeting, she told ...", "Asked about it, he said ...": no clause of its own
    return toks
