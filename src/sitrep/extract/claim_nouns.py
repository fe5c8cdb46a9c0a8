"""Claims made by nouns and layout: "according to X", "X's claim that ...", "reports of ...",
a line opened by a name and a colon, a dash signing a quotation."""
from __future__ import annotations

import re

from .claim_draft import _Draft, _chars, _holder, _longest_run, _text
from .quotes import words
from .sources import source_range

_DASH_SIG = re.compile(r"[ \t\u00a0]*([\u2015\u2014])[ \t\u00a0]*([A-Z][\w'\u2019.\- ]{1,60}?)[ \t\u00a0]*"
                       r"(?=[,;\n|]|(?<!\b[A-Z])\.|$)")   # "― Ann B. Cole": an initial's period ends no name


_COLON_LINE = re.compile(r"^[ \t]*[\"\u201c']?([A-Z][\w.'\u2019&\- ]{0,50}?)[ \t]*:[ \t]+(\S[^\n]*)$", re.M)
_LABELS = {"note", "update", "editor", "photo", "source", "sources", "read", "related", "watch", "tags",
           "posted", "credit", "image", "video", "listen", "see", "also", "q", "a", "question", "answer",
           "breaking", "exclusive", "analysis", "opinion", "live", "factbox", "explainer", "timeline", "warning",
           "step", "part", "chapter", "summary", "latest", "background", "correction", "disclaimer", "caption", "transcript",
           "clarification", "addendum", "advisory", "reminder", "disclosure", "corrections", "clarifications"}


def _colon_lines(doc, text: str, L) -> list[_Draft]:
    """'Pence: Flowers won't be at the debate' (a headline) and 'WALLACE: Let's start ...' (a
    transcript): a line opened by a name and a colon is the name's claim; the colon is the cue."""
    out = []
    for m in _COLON_LINE.finditer(text):
        a, b = m.span(1)
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None or not 0 < len(span) <= 5 or words(m.group(2)) < 3:
            continue
        if {t.lower_ for t in span} & _LABELS:
            continue
        root = span.root
        named = all(t.pos_ == "PROPN" or t.is_punct or t.text.isupper() or t.dep_ in ("det", "case", "cc")
                    for t in span) or (len(span) == 1 and span[0].text[:1].isupper()
                                       and text[a - 1:a] in ("", "\n"))   # "Pence: ..." (tagged a noun)
        if not (named or root.lemma_.lower() in L["docs"]):
            continue
        ca, cb = m.span(2)
        while cb > ca and text[cb - 1] in " \t\"\u201d":
            cb -= 1
        colon = text.index(":", b)
        d = _Draft(ca, cb, colon, colon + 1, (span.start, span.end), root.i)
        out.append(d)
    return out


def _dash_signatures(doc, text: str, quotes) -> list[_Draft]:
    """'"...." ― Jane Doe': a name after a dash right behind a quotation signs it."""
    out = []
    for q in quotes:
        m = _DASH_SIG.match(text, q.close)
        if not m:
            continue
        span = doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
        if span is None or len(span) > 6:
            continue
        d = _Draft(-1, -1, m.start(1), m.end(1), (span.start, span.end), span.end - 1)
        out.append(d)
    return out

def _from_according(t) -> _Draft | None:
    to = t.doc[t.i + 1]
    objs = [g for g in to.children if g.dep_ == "pobj"] or [g for g in t.children if g.dep_ == "pobj"]
    if not objs or t.dep_ == "ROOT":
        return _according_flat(t)
    src = objs[0]
    head = t.head if t.head is not t else t
    excl = {x.i for x in t.subtree} | {to.i} | {x.i for x in src.subtree}
    base = list(head.subtree) if head is not t else list(t.sent)
    if len(base) - len([x for x in base if x.i not in excl]) >= len(base) - 2:
        base = list(t.sent)
    content = _longest_run(base, excl)
    span = _chars(content)
    if span is None:
        return None
    d = _Draft(span[0], span[1], t.idx, to.idx + len(to.text))
    d.src, d.src_head = source_range(src), src.i
    if src.lower_ in ("reports", "rumors", "rumours"):
        d.src = d.src_head = None
        d.hedge, d.hedge_cue = "reported", _text(t.doc)[t.idx:src.idx + len(src.text)]
    return d


def _according_flat(t) -> _Draft | None:
    """"according to" the parse did not hang a source on ("according to show insiders" with "show"
    taken for a verb; "According to X, ..." parsed as the sentence's root): the source runs from
    "to" to the next punctuation, the content is the rest of the sentence."""
    doc = t.doc
    to = doc[t.i + 1]
    sent = t.sent
    j = to.i + 1
    while j < sent.end and not doc[j].is_punct:
        j += 1
    if not 0 < j - to.i - 1 <= 8:
        return None
    content = _longest_run(list(sent), set(range(t.i, j + 1)))
    span = _chars(content)
    if span is None or len(content) < 3:
        return None
    d = _Draft(span[0], span[1], t.idx, to.idx + len(to.text))
    d.src, d.src_head = (to.i + 1, j), j - 1
    return d


def _from_noun(t, L) -> _Draft | None:
    if t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_.lower() in L["verbs"] and any(
            c.dep_ in ("ccomp", "xcomp") for c in t.head.children):
        return None   # "reports indicate that ...": the verb makes the claim
    if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lower_ == "according":
        return None
    content = None
    for c in t.children:   # (a "relcl" with "that" as its mark is a complement the parser mislabelled)
        if c.dep_ in ("acl", "ccomp", "relcl") and c.i > t.i and any(
                g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            content = list(c.subtree)
            break
    hearsay = t.lower_ in L["hearsay"]
    cue_end = t.idx + len(t.text)
    if content is None and hearsay:
        holders = [t] + ([t.head] if t.dep_ == "nsubj" and 0 < t.head.i - t.i <= 4 else [])
        for h in holders:   # "reports of ...", "reports have surfaced concerning ..."
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "about", "concerning", "on", "regarding"):
                    objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                    if objs and content is None:
                        content = list(objs[0].subtree)
                        if h is not t:
                            cue_end = h.idx + len(h.text)
    if content is None:
        content = noun_clause(t)
    owner = _stray_owner(t)
    has_source = owner is not None or any(c.dep_ == "poss" or (c.dep_ == "nsubj" and any(g.dep_ == "case" for g in c.children))
                     or (c.dep_ == "prep" and c.lower_ in ("from", "by")) or _named_compound(c)
                     for c in t.children)
    if content is None and has_source:   # "Trump's criticism of U.S. spending", "his warnings about ..."
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "about", "on", "over", "against", "regarding"):
                objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp") and g.ent_type_ not in ("DATE", "TIME")]
                if objs:   # ("remarks on Saturday" says when, not what)
                    sub = list(objs[0].subtree)
                    end = sub[-1].i
                    for g in t.children:   # "criticisms of NATO as a bad deal"
                        if g.dep_ == "prep" and g.lower_ == "as" and g.i > end:
                            end = max(x.i for x in g.subtree)
                    content = list(t.doc[sub[0].i:end + 1])
                    break
    if content is None and has_source and t.lemma_.lower() in L["estimates"]:
        content = _estimate_content(t, L)
    stance = t.lemma_.lower() in L["stance_nouns"] and t.lemma_.lower() not in L["nouns"]
    cop = _copula_subject(t, L) if stance else None
    if stance and (has_source or cop is not None):   # "her decision to meet ...", "X is an opponent of Y"
        content = content or _stance_content(t)
    elif stance:
        return None
    if content is None:
        return None
    span = _chars(content)
    if span is None:
        return None
    d = _Draft(span[0], span[1], t.idx, cue_end)
    for c in t.children:
        if c.dep_ == "poss" or (c.dep_ == "nsubj" and any(g.dep_ == "case" for g in c.children)):
            d.src, d.src_head = source_range(c), c.i
        elif c.dep_ == "prep" and c.lower_ in ("from", "by"):
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                d.src, d.src_head = source_range(objs[0]), objs[0].i
        elif _named_compound(c) and d.src is None:   # "a Valley Herald report that ..."
            d.src, d.src_head = source_range(c), c.i
    if d.src is None and owner is not None:   # "a check on Trump's claim that ...", "'s" parsed off the noun
        d.src, d.src_head = source_range(owner), owner.i
    if d.src is None and cop is not None:
        d.src, d.src_head = source_range(cop), cop.i
        if cop.lower_ in ("who", "that") and cop.head.dep_ == "relcl":   # "Kaine, who is a critic of ..."
            d.src, d.src_head = (cop.i, cop.i + 1), cop.head.head.i
    if stance:
        d.cue_class = "stance"
    if d.src is not None and d.src[0] < content[0].i < d.src[1]:   # "from X of 700 ...": X alone
        d.src = (d.src[0], content[0].i - 1)
    if hearsay and d.src is None:
        d.hedge, d.hedge_cue = "reported", t.text
    if d.src is None and not hearsay:
        return None
    return d


def _stray_owner(t):
    """The owner of a noun whose possessive the parser hung elsewhere ("did a check on Trump's claim
    that ...": "Trump" the object of "on", its "'s" a case marker): the name before a "'s" right in
    front of the noun or of its adjectives."""
    if any(c.dep_ == "poss" for c in t.children):
        return None
    k = t.i - 1
    while k >= 0 and t.doc[k].dep_ in ("amod", "advmod") and t.doc[k].head.i in (t.i, k + 1):
        k -= 1
    if k < 1 or t.doc[k].tag_ != "POS":
        return None
    owner = t.doc[k].head
    if owner.i >= k or owner.pos_ not in ("PROPN", "NOUN") or owner.head.i == t.i:
        return None
    return owner


def _copula_subject(t, L):
    """The holder a stance noun is said of: "the senator is a staunch opponent of the ban"."""
    if t.dep_ != "attr" or t.head.lemma_ != "be":
        return None
    subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
    return subj if subj is not None and _holder(subj, L) else None


def _stance_content(t) -> list | None:
    """What a stance noun is about: its of/about/on/over/against/for/with/to phrase or its
    infinitive ("the decision to close the port")."""
    for c in t.children:
        if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and c.i > t.i and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return list(c.subtree)
        if c.dep_ == "prep" and c.i > t.i and c.lower_ in ("of", "about", "on", "over", "against", "for", "with", "to", "toward"):
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                return list(objs[0].subtree)
    return None


def _estimate_content(t, L) -> list | None:
    """What an owned estimate gives when no "of" phrase hangs on the noun itself: "an estimate
    from the governor of 700 homes" (the "of" phrase parsed onto the source) or "the governor's
    estimate put the toll at 40" (the predicate of a verb of ``figure_estimates.verbs``)."""
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "from":
            for g in c.children:
                if g.dep_ != "pobj":
                    continue
                for p in g.children:
                    if p.dep_ == "prep" and p.lower_ == "of" and p.i > g.i:
                        sub = list(p.subtree)[1:]
                        if sub and any(x.like_num for x in sub):
                            return sub
    h = t.head
    if t.dep_ == "nsubj" and h.lemma_.lower() in L["estimate_verbs"]:
        rest = [x for x in h.subtree if x.i > h.i]
        if rest and any(x.like_num for x in rest):
            return [h] + rest
    return None


def _named_compound(c) -> bool:
    """A name compounded with a reporting noun names its source ("a Pentagon report that ...")."""
    return c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < c.head.i


def noun_clause(t) -> list | None:
    """The that-clause right after a reporting noun that the parser hung on the verb above it
    ("seizing upon a Times report that the dam had cracked"): the noun's content."""
    doc = t.doc
    if t.i + 1 >= len(doc) or doc[t.i + 1].lower_ != "that" or doc[t.i + 1].dep_ != "mark":
        return None
    cl = doc[t.i + 1].head
    if cl.dep_ == "ccomp" and cl.head in t.ancestors and cl.left_edge.i == t.i + 1:
        return list(cl.subtree)
    return None


_VERB_NEXT = frozenset({"that", "how", "why", "whether", "what", "the", "a", "an", "for"})


def _noun_verb(t, L) -> _Draft | None:
    """A reporting or stance verb the tagger took for a plural noun at the root of its sentence, right
    after a name ("Trump charges that ...", "Ruiz questions the fairness of the vote", "the alliance
    advocates for ..."), or an intention verb before its infinitive after a name or a speaker noun
    ("Senate panel votes to subpoena ..."): the name is the source, the rest of the sentence the content."""
    lem = t.lower_[:-1] if t.tag_ == "NNS" and t.lower_.endswith("s") else None
    if lem is None or t.i + 1 >= len(t.doc):
        return None
    doc = t.doc
    prev, nxt = doc[t.i - 1] if t.i else None, doc[t.i + 1]
    aim = lem in L["intention"] and nxt.lower_ == "to"   # "House panel votes to hold ...": an intention verb
    if not (lem in L["verbs"] or lem in L["stance"] or aim) or lem in L["nouns"]:
        return None
    if prev is None or prev.head.i != t.i or prev.dep_ not in ("compound", "nsubj", "poss", "amod") or not (
            prev.pos_ == "PROPN" or prev.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
            or prev.text[:1].isupper() and not prev.is_sent_start
            or aim and prev.lemma_.lower() in L["speakers"]) or not (nxt.lower_ in _VERB_NEXT or aim):
        return None
    end = t.i + 1
    while end < len(doc) and not doc[end].is_sent_start:
        end += 1
    rest = [x for x in doc[t.i + 1:end]]
    while rest and (rest[-1].is_punct or rest[-1].is_space):
        rest.pop()
    if len(rest) < 3:
        return None
    d = _Draft(rest[0].idx, rest[-1].idx + len(rest[-1].text), t.idx, t.idx + len(t.text),
               cue_class=L["class"].get(lem, "speech"))
    first = min([prev.left_edge.i] + [c.left_edge.i for c in t.children if c.dep_ == "compound" and c.i < prev.i])
    d.src, d.src_head = (first, prev.i + 1), prev.i   # "Senate panel votes": "Senate" hangs on the verb too
    return d
