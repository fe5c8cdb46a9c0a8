"""Reading the dependency parse for events: who a phrase names, what a token triggers,
who acts, whom it targets, what is supplied, and whether it happened (modality).

Helpers of ``events`` (and ``relations``); plain functions over spaCy tokens and
the per-document actor index (``event_actors.TokenActors``).
"""
from __future__ import annotations

from typing import Any

from .event_actors import POSSESSIVE_OWNERS, SPEAKER_PRONOUNS, TokenActors
from .tokkids import kids_of

SUBJ = ("nsubj", "nsubjpass", "csubj")
GERUND_PREPS = {"by", "in", "while", "through", "for", "upon"}  # "by imposing" ("without" denies; "after", "before" tell the background)
# dependencies followed when collecting the actors a noun phrase names
PHRASE_DEPS = {"compound", "amod", "poss", "conj", "appos", "nmod", "pobj", "det", "npadvmod", "cc", "prep",
               "nummod", "quantmod", "case", "punct"}
PHRASE_PREPS = {"of", "from", "in", "within", "inside", "by"}
OBJ_PREPS = {"of", "from", "by"}
LOCATIVE = {"in", "within", "inside"}  # "officials in X" names X; "his Keshi counterpart in Lirn" only places him
# nouns of intent governing an infinitive whose subject is the governing verb's ("offered its readiness to")
INTENT_NOUNS = {"willingness", "readiness", "commitment", "pledge", "promise", "offer", "refusal", "reluctance",
                "unwillingness"}
PLACE_NOUNS = {"capital", "city", "town", "village", "province", "region", "port", "countryside", "district", "territory",
               "soil", "countryside", "island", "islands", "coast", "border", "frontier", "camp"}
STATE_NOUNS = {"state", "level", "footing"}  # "on a state of alert": the phrase's noun is the "of" object
ACTION_NOUNS = {"step", "measure", "effort", "move", "action", "bid", "attempt", "initiative"}  # "took steps to": the taker acts
ARTICLES = {"the", "a", "an"}  # skipped in a phrase of the vocabulary ("take to the streets")  # "officials in X" names X; "an attack in X" only places it


# ------------------------------------------------------------------ phrases
def phrase_actors(head, ta: TokenActors, vocab: dict, deps=PHRASE_DEPS, preps=PHRASE_PREPS) -> list[tuple[str, Any]]:
    """The actor codes a noun phrase names, in order, one per mention: (code, first token)."""
    out: list[tuple[str, Any]] = []
    seen: set = set()
    sector = vocab["sector"].get(head.lemma_.lower()) or vocab["sector"].get(head.lower_)
    stack = [head]
    while stack:
        t = stack.pop()
        for code in ta.group.get(t.i, ()):  # "the three nations" = the three just listed
            if ("group", code) not in seen:
                seen.add(("group", code))
                out.append((f"{code} {sector}" if sector and " " not in code else code, t))
        code = ta.code[t.i]
        if code is not None and ta.mention[t.i] not in seen:
            seen.add(ta.mention[t.i])
            if sector and " " not in code and t.i != head.i:
                code = f"{code} {sector}"
            out.append((code, t))
        for c in kids_of(t):
            if c.dep_ not in deps:
                continue
            if c.dep_ == "prep" and c.lower_ not in preps and not (
                    c.lower_ == "for" and t.lemma_.lower() in vocab.get("representatives", ())):
                continue  # ("a spokesman for X's ministry" speaks for X)
            if c.dep_ == "prep" and c.lower_ in LOCATIVE and t.pos_ == "NOUN" and any(
                    x.dep_ in ("poss", "amod", "compound") and ta.code[x.i] for x in kids_of(t)):
                continue  # "his Keshi counterpart in Lirn", "Russian troops in Syria": where they are, not whose
            if c.dep_ == "prep" and code is not None and t.pos_ == "PROPN" and not (
                    ta.mention[t.i][0] <= c.i < ta.mention[t.i][1]):
                continue  # "the people of X of Y": a named actor's own "of" phrase is a misattached topic
            if c.dep_ == "appos" and out and not any(g.dep_ == "conj" for g in kids_of(c)) and not any(
                    s.dep_ == "conj" and s.i > c.i for s in kids_of(t)) and not (t.dep_ == "conj" and code is None):
                continue  # an apposition; but "A, B, C and D" parsed as A (appos B (conj C, D)), or
                # "A, the B, and C" parsed as A (appos B) (conj C), is a list; "A and its ally B": the
                # apposition names a conjunct that has no name of its own
            stack.append(c)
    out.sort(key=lambda x: x[1].i)
    return out


def place_codes(p, ta: TokenActors) -> list[str]:
    """The countries of the places in a phrase ("in the Kharkiv region" -> UKR); a state
    named as the place itself counts too ("in Ostrana"), for states the gazetteer lacks."""
    out = [ta.place_country[t.i] for t in p.subtree if ta.place_country[t.i]]
    if not out:  # "in the Keshi capital", "near an Ostranian border town": the place the demonym qualifies
        out = [ta.code[t.i] for t in p.subtree if ta.code[t.i] and " " not in ta.code[t.i]
               and t.dep_ in ("amod", "compound") and t.head.lemma_.lower() in PLACE_NOUNS]
    if not out:
        out = [ta.code[t.i] for t in p.subtree if t.pos_ == "PROPN" and ta.code[t.i] and " " not in ta.code[t.i]
               and (t == p or t.dep_ == "pobj" and (t.head.lower_ in ("in", "inside", "across", "throughout", "into") or
                                                    t.head.lower_ == "of" and t.head.head.lemma_.lower() in PLACE_NOUNS))]
        # ("off the coast of X", "on the outskirts of the capital of X")
    return out


def pronoun_owner(n, ta: TokenActors) -> list[str]:
    """ "its alliance with Y", "their support": the owner is the nearest actor named before the
    possessive in the same sentence (news prose rarely reaches further back within a sentence)."""
    poss = next((c for c in kids_of(n) if c.dep_ == "poss" and c.lower_ in POSSESSIVE_OWNERS), None)
    if poss is None:
        return []
    for i in range(poss.i - 1, n.sent.start - 1, -1):
        if poss.lower_ == "their" and ta.group.get(i):  # "these nations ... their goal"
            return list(ta.group[i])
        if ta.code[i]:
            return [ta.code[i]]
    if n.sent.start > 0:  # "Trump's assurances ... His past praise": the previous sentence's subject
        prev = n.doc[n.sent.start - 1].sent
        subj = next((t for t in prev if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None)
        if subj is not None:
            codes = [ta.code[t.i] for t in subj.subtree if ta.code[t.i]]
            return codes[:1]
    return []


def _codes(pairs: list[tuple[str, Any]]) -> list[str]:
    seen, out = set(), []
    for c, _ in pairs:
        if c not in seen:
            seen.add(c)
            out.append(c)
    return out


def country(code: str | None) -> str | None:
    return code.split()[0] if code else None


def distinct(a: str | None, b: str | None) -> bool:
    """Two codes name different actors: other countries, or one country's different parts
    ("RUS GOV" and "RUS OPP": the government against its opposition; "SDN GOV" and "SDN": the
    government acting on its own country, as in domestic events)."""
    if not a or not b:
        return True
    return country(a) != country(b) or (a != b and (" " in a or " " in b))


# ------------------------------------------------------------------ triggers
def verb_type(t, vocab: dict) -> tuple[str | None, list]:
    """(type, extra trigger tokens) of a verb token, from phrases first ("call for"), then lemmas."""
    lem = t.lemma_.lower()
    if t.i >= 2 and t.doc[t.i - 1].text == "-":  # "test-fired" is tokenized test - fired
        hy = f"{t.doc[t.i - 2].lower_}-{lem}"
        if hy in vocab["verb"]:
            return vocab["verb"][hy], [t.doc[t.i - 2]]
    best = None
    phrases = vocab["phrase"].get(lem, ())
    # (child, lowercased lemma, lower form) of the children a phrase's words may be, read once
    base = [(c, c.lemma_.lower(), c.lower_) for c in kids_of(t)  # after the verb: "X on Monday fired" is no "fire on"
            if c.dep_ in ("prt", "prep", "dobj", "advmod", "xcomp", "dative", "acomp") and c.i > t.i] if phrases else []
    for rest, ty in phrases:
        kids = base
        got = []
        for w in rest:
            if w in ARTICLES:
                continue
            m = next((c for c, lem_c, low_c in kids if lem_c == w or low_c == w), None)
            if m is None:
                break
            got.append(m)
            if m.dep_ in ("prep", "prt", "advmod"):  # "go on strike", "walk out of the talks": what follows
                objs = [c for c in kids_of(m) if c.dep_ in ("pobj", "prep")]
                kids = kids + [(c, c.lemma_.lower(), c.lower_) for c in objs] + [
                    (c, c.lemma_.lower(), c.lower_) for o in objs if o.dep_ == "pobj" for c in kids_of(o)
                    if c.dep_ in ("amod", "compound")] + [  # "as human shields"
                    (c, c.lemma_.lower(), c.lower_) for o in objs if o.dep_ == "pobj" and o.lemma_.lower() in STATE_NOUNS
                    for p in kids_of(o) if p.dep_ == "prep" and p.lower_ == "of" for c in kids_of(p) if c.dep_ == "pobj"]
                # ("put on a state of high alert": the state's "of" noun)
            elif m.dep_ == "dobj":  # "threw its support behind X": the phrase's preposition hangs on its object
                kids = kids + [(c, c.lemma_.lower(), c.lower_) for c in kids_of(m) if c.dep_ in ("prep", "amod", "compound")]
            if m.dep_ == "pobj":  # "used them as human shields": the phrase's noun keeps its modifier
                kids = kids + [(c, c.lemma_.lower(), c.lower_) for c in kids_of(m) if c.dep_ in ("amod", "compound")]
        else:
            if got and got[0].dep_ == "prep" and any(c.dep_ == "oprd" for c in kids_of(t)):
                continue  # "called X's attack on Y a crime": a label given, no "call on"
            if any(c.dep_ == "prt" and c not in got for c in kids_of(t)):
                continue  # another particle makes another verb: "broke down relations" is no "break relations"
            # the nearest match wins, then the longest: "called up reservists on Tuesday" is no "call on"
            key = (abs(got[0].i - t.i) if got else 0, -len(got))
            if best is None or key < best[0]:
                best = (key, ty, got)
    if best is not None:
        return best[1], best[2]
    return vocab["verb"].get(lem), []


def noun_type(t, vocab: dict) -> str | None:
    lem, low = t.lemma_.lower(), t.lower_
    for obj, ty in vocab["of_phrase"].get(low, ()) or vocab["of_phrase"].get(lem, ()):
        # "a state of emergency", "a show of force": the head noun with its "of" object
        if any(p.dep_ == "prep" and p.lower_ == "of" and any(o.dep_ == "pobj" and obj in (o.lower_, o.lemma_.lower())
                                                            for o in kids_of(p)) for p in kids_of(t)):
            return ty
    for pre, ty in vocab["noun_phrase"].get(low, ()) or vocab["noun_phrase"].get(lem, ()):
        kids = [c.lower_ for c in kids_of(t) if c.dep_ in ("compound", "amod")]
        if all(w in kids for w in pre):
            return ty
    ty = vocab["noun"].get(low) or vocab["noun"].get(lem)
    need = vocab["noun_preps"].get(low) if ty else None
    if need and not any(c.dep_ == "prep" and c.lower_ in need or c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in need for m in kids_of(c)) for c in kids_of(t)) and not (
            t.dep_ == "dobj" and any(c.dep_ == "prep" and c.lower_ in need for c in kids_of(t.head))):
        # ("brought a case against X": the preposition may hang on the verb)
        return None  # "a phone call" is no "call for talks" ("its call for X to leave" is)
    return ty


def _subject(v):
    subs = [c for c in kids_of(v) if c.dep_ in SUBJ]
    if not subs:  # "X is opposed to ...": a parse that hangs the subject on the auxiliary
        subs = [s for a in kids_of(v) if a.dep_ in ("aux", "auxpass") and a.i < v.i
                for s in kids_of(a) if s.dep_ in SUBJ]
    if len(subs) > 1:  # "Addressing parliament, the minister praised X": a misparse gives two; not the one
        plain = [c for c in subs if not any(x.pos_ == "VERB" for x in kids_of(c))]  # a participle hangs on
        return plain[0] if plain else subs[0]
    return subs[0] if subs else None


def _passive(v) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in kids_of(v)) or (v.dep_ == "acl" and v.tag_ == "VBN")


def _agent(v):
    for c in kids_of(v):
        if c.dep_ == "agent":
            return next((p for p in kids_of(c) if p.dep_ == "pobj"), None)
    if _passive(v):  # "were imposed on X by Y": the agent misattached to the other phrase
        for c in kids_of(v):
            if c.dep_ == "prep":
                for o in kids_of(c):
                    if o.dep_ == "pobj":
                        for b in kids_of(o):
                            if b.dep_ == "prep" and b.lower_ == "by":
                                return next((p for p in kids_of(b) if p.dep_ == "pobj"), None)
    return None


def _objects(v) -> list:
    out = [c for c in kids_of(v) if c.dep_ in ("dobj", "dative", "attr", "oprd")]
    return out


def _preps(v, allowed: set) -> list:
    out = []
    for c in kids_of(v):
        if c.dep_ in ("prep", "agent") and c.lower_ in allowed:
            out.extend(p for p in kids_of(c) if p.dep_ == "pobj")
            for pc in kids_of(c):  # "to the east of X"
                if pc.dep_ == "prep":
                    out.extend(p for p in kids_of(pc) if p.dep_ == "pobj")
    return out


def _inherited_subject(v, depth: int = 0):
    """The subject of a verb that has none of its own: from the verb it is coordinated
    with or that controls it ("X condemned ... and promised", "X decided to send"); a relative
    pronoun's is the noun the clause tells of ("the Keshi troops who shelled X"); a gerund after a
    preposition is done by the verb's doer ("retaliated by expelling X's envoy")."""
    if depth > 4:
        return None, None
    s = _subject(v)
    if s is not None and s.tag_ in ("WP", "WDT") and v.dep_ == "relcl" and v.head.pos_ in ("NOUN", "PROPN"):
        s = v.head   # "rebels who overran the town": the relative pronoun stands for the noun it follows
    if s is not None and s.tag_ == "PRP" and s.lower_ in SPEAKER_PRONOUNS:
        # "Switzerland said it had expelled ...": the pronoun is the speaker of the governing clause
        h = v
        while h.dep_ in ("ccomp", "conj", "xcomp") and h.head != h:
            h = h.head
            hs = _subject(h)
            if hs is not None and hs.tag_ != "PRP":
                return hs, h
        # "While Kyiv remains restricted ..., it has leveraged drones": an earlier subject of the sentence
        for t in reversed(list(v.sent)[:s.i - v.sent.start]):
            if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ != "PRP" and t.head != v:
                return t, t.head
    if s is not None:
        return s, v
    h = v.head
    if h == v:
        return None, None
    purpose = v.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids_of(v))
    if v.dep_ in ("conj", "xcomp", "acomp") or v.dep_ == "advcl" and (v.tag_ in ("VBG", "VBN") or purpose):
        if v.dep_ == "xcomp":  # object control: "urged X to leave" -> X leaves
            obj = next((c for c in kids_of(h) if c.dep_ in ("dobj",)), None)
            if obj is not None and h.lemma_.lower() in ("urge", "ask", "force", "allow", "order", "press", "call"):
                return obj, h
        return _inherited_subject(h, depth + 1)
    if v.dep_ in ("acl", "relcl") and h.pos_ == "NOUN" and h.dep_ in ("dobj", "attr", "nsubjpass") and h.head != h and \
            (h.lemma_.lower() in INTENT_NOUNS or h.lemma_.lower() in ACTION_NOUNS) and \
            any(c.dep_ == "aux" and c.lower_ == "to" for c in kids_of(v)) and (v.dep_ == "acl" or h.lemma_.lower() in ACTION_NOUNS):
        # "X expressed willingness to cooperate": X would; "X took steps to ease curbs": X eases them
        return _inherited_subject(h.head, depth + 1)
    if v.dep_ in ("acl", "relcl") and h.pos_ in ("NOUN", "PROPN", "PRON"):
        return h, v
    if v.dep_ == "pcomp" and v.tag_ == "VBG" and h.lower_ in GERUND_PREPS and h.head.pos_ in ("VERB", "AUX") \
            and h.head != h:
        # "responded by imposing sanctions", "joined them in demanding a vote": the verb's doer;
        # "praised X for sending aid": X, the object the reason is told of
        obj = next((c for c in kids_of(h.head) if c.dep_ == "dobj"), None) if h.lower_ == "for" else None
        return (obj, h.head) if obj is not None else _inherited_subject(h.head, depth + 1)
    return None, None


def modality(v, vocab: dict) -> tuple[str, str | None]:
    """asserted / negated / expected for a trigger verb, looking up its chain of governors;
    the second value is the lemma of the governing expectation verb, if any."""
    if _denied_claim(v, vocab):
        return "negated", None
    if _condition(v, vocab):
        return "hypothetical", None
    t, steps = v, 0
    exp, head_lemma = False, None
    while t is not None and steps < 5:
        litotes = t != v and t.lemma_.lower() in vocab.get("litotes_heads", ()) and any(
            c.dep_ == "neg" or c.lower_ in vocab["neg"] for c in kids_of(t))
        # "would not hesitate to strike X": a readiness stated (expected by its modal), "did not hesitate to": done
        if _negated_by_phrase(t, v):
            return "negated", None
        for c in kids_of(t):
            if litotes and (c.dep_ == "neg" or c.lower_ in vocab["neg"]):
                continue
            if c.dep_ == "neg" or (c.dep_ in ("advmod", "preconj", "det") and c.lower_ in vocab["neg"]):
                return "negated", None
            if c.dep_ == "aux" and c.lower_ in vocab["exp_aux"]:
                exp = True
            if c.dep_ in ("aux", "auxpass") and c.lower_ == "to" and t == v and v.dep_ == "xcomp":
                pass
        lem = t.lemma_.lower()
        if t != v:
            if lem in vocab["neg_heads"]:
                return "negated", None
            if lem in vocab["exp_heads"] or (t.pos_ == "ADJ" and lem in vocab["exp_heads"]):
                exp, head_lemma = True, head_lemma or lem
        if t.dep_ == "acl" and t.head.pos_ == "NOUN" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids_of(t)):
            nl = t.head.lemma_.lower()  # "willingness to cooperate", "refusal to attend"
            if nl in vocab.get("refusal_nouns", ()):
                return "negated", None
            if nl in vocab.get("intent_nouns", ()):
                return "expected", head_lemma or nl
        if t.dep_ in ("acl", "advcl") and t.head.pos_ == "NOUN" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in kids_of(t)) and noun_type(t.head, vocab) in (
                "DEMAND", "THREATEN"):
            exp = True  # "its call for X to free the hostages", "threats to withdraw": asked or threatened, not done
        if t.dep_ not in ("xcomp", "ccomp", "acomp") or t.head == t:
            # "is about to", "is set to", "is likely to": governed by an adjective or particle
            if t.dep_ == "acomp" or t.head.lemma_.lower() in vocab["exp_heads"] and t.head != t and t.dep_ == "xcomp":
                exp = True
            break
        t = t.head
        steps += 1
    if v.dep_ == "xcomp" and v.head.lemma_.lower() == "be":
        exp = True
    return ("expected" if exp else "asserted"), head_lemma


CONDITION_MARKS = {"if", "unless"}  # "... if X attacks its ships": a condition, not a deed told
QUESTION_MARKS = {"whether", "if"}  # "asked whether X would attack": a question, not a deed told


def _negated_by_phrase(t, v) -> bool:
    """Negations spread over a phrase: "no longer attacks", "has yet to attack" / "is yet to" (for
    a verb it governs), a subject "neither X nor Y" or "no X official"."""
    for c in kids_of(t):
        if c.dep_ == "advmod" and c.lower_ == "longer" and any(d.lower_ == "no" for d in kids_of(c)):
            return True
        if t != v and c.dep_ == "advmod" and c.lower_ == "yet" and t.lemma_.lower() in ("have", "be") and c.i < v.i:
            return True
        if c.dep_ in ("nsubj", "nsubjpass") and any(
                d.dep_ in ("det", "preconj") and d.lower_ in ("no", "neither") for d in kids_of(c)):
            return True
    return False


def _yes_no_question(v) -> bool:
    """The verb is asked about, not told: "Will X attack Y?", "Is X going to attack Y?" (an auxiliary
    before the subject, the sentence ending in a question mark)."""
    h = v
    while h.dep_ == "xcomp" and h.head.i != h.i:
        h = h.head
    sent = h.sent
    if not len(sent) or sent[-1].text != "?" and not (len(sent) > 1 and sent[-2].text == "?"):
        return False
    subj = next((c for c in kids_of(h) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or any(t.tag_ in ("WRB", "WP", "WDT") for t in sent if t.i < subj.i):
        return False  # "Why did X attack Y?" asks about a deed it takes as told
    return any(c.dep_ in ("aux", "auxpass") and c.i < subj.i for c in kids_of(h))


PREDICTION_AUX = {"could", "may", "might", "can", "must", "should"}  # another's act as possible or owed
FUTURE_AUX = {"will", "would", "'ll", "wo"}  # another's act as coming: a forecast under "warned", "fears", "believes" ...
REPORTING = {"say", "tell", "report", "announce", "state", "add", "confirm", "write", "inform", "disclose", "reveal"}
# ... but a plan reported under a plain reporting verb ("X said Y will send troops to Z") stays news


def prediction(v) -> bool:
    """Another's act foretold or prescribed by a speaker ("X said Y could attack Z", "X warned that Y
    would invade Z", "X said Y must withdraw"): the speaker's prediction or wish, neither Y's act nor
    Y's threat. The speaker's own future ("X said it would strike") stays its intent, and a plan
    reported with a plain reporting verb ("X said Y will send troops to Z") stays news."""
    if v.dep_ != "ccomp" or v.head.i == v.i:
        return False
    aux = {c.lower_ for c in kids_of(v) if c.dep_ == "aux"}
    if not aux & PREDICTION_AUX and not (aux & FUTURE_AUX and v.head.lemma_.lower() not in REPORTING):
        return False
    subj = next((c for c in kids_of(v) if c.dep_ in ("nsubj", "nsubjpass")), None)
    hsubj = next((c for c in kids_of(v.head) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or hsubj is None or v.head.i > v.i:
        return False  # "Y will send aid, X said": a report told with its source, not a forecast
    # another actor by name ("Mordor would attack"); an unnamed "the army" may be the speaker's own,
    # and an unnamed speaker ("officials said Y would") reports rather than foretells
    names = {t.lower_ for t in subj.subtree if t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "NORP", "ORG")}
    spoken = {t.lower_ for t in hsubj.subtree if t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "NORP", "ORG")}
    return bool(spoken) and bool(names - spoken)


def _condition(v, vocab: dict) -> bool:
    """The verb tells only a condition ("if X invades Y, Z will respond", "unless X withdraws"), an
    indirect question ("asked whether X would attack Y") or what a demand asks for ("demanded that X
    withdraw its troops"): no event (``hypothetical``, not emitted; the demand is the event).
    A sentence-opening "If" the parser hung on the main verb still marks the clause it opens."""
    if prediction(v):
        return True
    if _yes_no_question(v):
        return True
    if v.dep_ == "ccomp" and v.head.i != v.i and (v.tag_ == "VB" or any(
            c.dep_ == "aux" and c.lower_ == "should" for c in kids_of(v))) and not any(
            c.dep_ == "aux" and c.lower_ != "should" for c in kids_of(v)) and verb_type(v.head, vocab)[0] == "DEMAND":
        return True
    if v.dep_ == "advcl":
        if any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in kids_of(v)):
            return True
        subj = next((c for c in kids_of(v) if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("should", "were", "had") and
                                    c.i < subj.i for c in kids_of(v)):
            return True  # "should X attack Y, ...", "had X known": an inverted condition
        i = v.left_edge.i - 1
        if i >= 0 and v.doc[i].lower_ in CONDITION_MARKS and v.doc[i].dep_ == "mark" and v.doc[i].head == v.head \
                and v.doc[i].i < v.head.i and v.i < v.head.i:
            return True
    return v.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ in QUESTION_MARKS for m in kids_of(v))


def item_phrase(v, vocab: dict, ta: TokenActors):
    """The thing supplied: the object that is not an actor, else the object of "with"."""
    cands = [c for c in kids_of(v) if c.dep_ in ("dobj", "nsubjpass")]
    for c in kids_of(v):
        if c.dep_ == "prep" and c.lower_ in ("with", "of"):
            cands.extend(p for p in kids_of(c) if p.dep_ == "pobj")
    for c in cands:
        if ta.code[c.i] is None:
            return c
    return None


def item_class(tok, vocab: dict) -> str | None:
    if tok is None:
        return None
    span = item_span(tok)
    words = {t.lower_ for t in span} | {t.lemma_.lower() for t in span}
    for cls in ("troops", "weapons", "money", "goods", "personnel"):
        if words & vocab["items"][cls]:
            return cls
    return None


def item_span(tok):
    """The item's phrase without a trailing relative clause or appositive."""
    toks = [tok] + [t for t in tok.subtree if t != tok]
    money = tok.like_num  # "€85 billion": the figure is the item
    stop = {"relcl", "acl", "appos", "advcl"} | (set() if money else {"nummod", "quantmod"})
    keep = set()

    def walk(t):
        keep.add(t.i)
        for c in kids_of(t):
            if c.dep_ in stop or (c.dep_ == "punct" and c.i > tok.i and c.text not in ("-", "/")
                                  and not (c.text == "," and c.nbor(1).lower_ in ("including", "such"))):
                continue
            if c.dep_ == "amod" and c.i > tok.i:
                continue  # "missiles, similar to ..." 
            if c.dep_ == "prep" and c.lower_ not in ("of", "including", "like", "as") and c.i > tok.i:
                continue  # "technology, including semiconductors" keeps its examples
            walk(c)
    walk(tok)
    idx = sorted(keep)
    del toks
    s, e = idx[0], idx[-1] + 1
    doc = tok.doc
    while e > s and doc[e - 1].is_punct:
        e -= 1
    while s < tok.i and (doc[s].dep_ in ("det", "poss", "case", "predet") or doc[s].is_punct or not money and (
            doc[s].dep_ in ("advmod", "quantmod", "nummod") or doc[s].like_num)):
        s += 1
    if e < len(doc) and doc[e].text == ")" and doc[s:e].text.count("(") > doc[s:e].text.count(")"):
        e += 1
    nxt = doc[e] if e < len(doc) else None
    if nxt is not None and nxt.dep_ == tok.dep_ == "dobj" and nxt.head == tok.head and nxt.i > tok.i \
            and not nxt.is_punct:
        e = nxt.i + 1  # a split parse: "Storm Shadow (or SCALP) | missiles"
    return doc[s:e]


def _denied_claim(v, vocab: dict) -> bool:
    """The verb tells what a denied or dismissed claim says ("X denied reports that it sent troops",
    "dismissed allegations that it had armed Y"): not asserted, denied."""
    dc = vocab.get("denied_claims") or {}
    h = v.head
    if v.dep_ not in ("acl", "ccomp", "relcl") or h.i == v.i or h.lemma_.lower() not in dc.get("nouns", ()):
        return False
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in v.children) and v.dep_ != "acl":
        return False
    g = h.head
    return h.dep_ in ("dobj", "nsubjpass") and g.lemma_.lower() in dc.get("heads", ())
