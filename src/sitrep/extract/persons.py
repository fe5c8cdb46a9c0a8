"""Unknown people found by the model: titles before the name give role and country, an
apposition after it ("Jane Roe, a senior fellow at the Atlantic Council") does too, and
later surnames join the full name. Used by the actors stage."""
from __future__ import annotations

from .actorwords import _TITLE_STRIP, TITLE_WORDS, text_set, token_table


class HitIndex:
    """The document's dictionary hits (``sitrep_actors``) indexed once for ``_add_person``."""

    def __init__(self, ctx, hits, in_hit):
        self.ctx = ctx
        self.in_hit = in_hit                        # token index -> inside a hit
        self.starts = {h[0]: h for h in hits}
        self.ends = {h[1]: h for h in hits}


def _add_person(sdoc, ent, acc, add, ad, taken, hx: HitIndex) -> None:
    """An unknown person: strip title words off the span; the title before it gives role and code."""
    s, e = ent.start, ent.end
    while s < e and (sdoc[s].lower_ in TITLE_WORDS or sdoc[s].lower_ == "the"):
        s += 1
    while e > s and sdoc[e - 1].is_punct:
        e -= 1
    if s >= e or not sdoc[s].is_title and not sdoc[s].is_upper:
        return
    # a given name the model left out ("Ana" of "Ana Petrovic"): a title-case proper noun right before a
    # one-word name, itself no title word and no dictionary actor
    if e - s == 1 and s > 0 and sdoc[s - 1].is_title and sdoc[s - 1].pos_ == "PROPN" and \
            sdoc[s - 1].lower_ not in TITLE_WORDS and not hx.in_hit[s - 1] and not taken[s - 1] and \
            not sdoc[s - 1].ent_type_ in ("ORG", "GPE", "NORP", "LOC", "FAC"):
        s -= 1
    # title words and organisations right before the name (inside the span or before it)
    role_toks, code = [], None
    i = s - 1
    hits, hit_ends = hx.starts, hx.ends
    while i >= 0 and i >= s - 12:
        tok = sdoc[i]
        if "\n" in tok.text or "\n" in tok.whitespace_:
            break
        if tok.lower_ in TITLE_WORDS or (tok.text == "." and i > 0 and sdoc[i - 1].lower_ in TITLE_WORDS
                                         and len(sdoc[i - 1]) <= 5 and not sdoc[i - 1].whitespace_):
            role_toks.insert(0, tok)
            h = hit_ends.get(i + 1) if code is None else None
            if h and h[0] == i:         # a title word that names a body ("NATO Secretary General", "UN envoy")
                a = ad.actors.get(h[3])
                if a and a.code and a.type != "PERSON":
                    code = a.code.split(" ")[0]
            i -= 1
            continue
        h = hit_ends.get(i + 1)
        if h and h[0] in hits:
            a = ad.actors.get(h[3])
            if a and a.code and code is None:
                code = a.code.split(" ")[0]
            i = h[0] - 1
            continue
        if tok.lower_ in ("'s", "\u2019s") and i > 0:
            i -= 1
            continue
        break
    while role_toks and role_toks[0].lower_ in _TITLE_STRIP:
        role_toks.pop(0)
    while role_toks and role_toks[-1].lower_ in _TITLE_STRIP:
        role_toks.pop()
    role = "".join(t.text_with_ws for t in role_toks).strip() or None
    if role is None or code is None:      # "Jane Roe, a senior fellow at the Atlantic Council, said"
        a_role, a_code = _appositive(sdoc, e, hits, ad)
        role, code = role or a_role, code or a_code
    name = " ".join(sdoc[s:e].text.split())
    if name.lower().endswith("'s") or name.endswith("\u2019s"):
        name = name[:-2]
    if not name or not name[0].isalpha():
        return
    # "Humanitarian Aid", "Summer Time", "Gvardeyskoye airfield": a word the text also writes in lower
    # case (or writes so here) is not a surname
    last = sdoc[e - 1].text
    if last.islower() or (e - s > 1 and _lower_word(hx.ctx, last.lower())):
        return
    # a single name joins a person already named in full ("Bennett" -> "Bruce Bennett"; a Korean
    # family name "Kim" -> "Kim Jong Un" when exactly one person of the document has it first)
    if " " not in name:
        for a in acc.values():
            if a.type == "PERSON" and a.name.split()[-1] == name and " " in a.name:
                add(a.name, "PERSON", a.code, s, e)
                return
        firsts = [a for a in acc.values() if a.type == "PERSON" and " " in a.name and a.name.split()[0] == name]
        if len(firsts) == 1:
            add(firsts[0].name, "PERSON", firsts[0].code, s, e)
            return
    add(name, "PERSON", code, s, e, role=role, known=False)


def _lower_word(ctx, w: str) -> bool:
    """Whether the document has a token written ``w`` in lower case (spaCy's ``is_lower`` is ``str.islower``)."""
    return w.islower() and w in text_set(ctx)


def _appositive(sdoc, e: int, hits: dict, ad) -> tuple[str | None, str | None]:
    """Role and country from ", a/the <role> at|of|with <organisation or state>" after a name."""
    n = len(sdoc)
    if e + 2 >= n or sdoc[e].text != "," or sdoc[e + 1].lower_ not in ("a", "an", "the"):
        return None, None
    j = e + 2
    while j < min(n, e + 16) and sdoc[j].text not in (",", ".", ";", "\n") and not sdoc[j].is_space:
        if sdoc[j].lower_ in ("at", "of", "with", "for", "from") and j > e + 2:
            k = j + 1 + (1 if j + 1 < n and sdoc[j + 1].lower_ == "the" else 0)
            h = hits.get(k)
            if h:
                a = ad.actors.get(h[3])
                code = a.code.split(" ")[0] if a and a.code else None
                return sdoc[e + 2:j].text, code
        j += 1
    return None, None


def _join_surnames(ctx, acc, add, taken) -> None:
    """Later mentions by surname join the full name given earlier in the document."""
    sur: dict = {}
    for a in list(acc.values()):
        if a.type != "PERSON" or " " not in a.name:
            continue
        last = a.name.split()[-1]
        if len(last) > 2 and "-" not in last:
            sur[last] = None if last in sur and sur[last] is not a else a
    sur = {k: v for k, v in sur.items() if v is not None}
    if not sur:
        return
    texts, idxs, _ = token_table(ctx)
    for i, t in enumerate(texts):
        if t in sur and not taken[i]:
            a = sur[t]
            first = min(a.mentions)[0] if a.mentions else 0
            if idxs[i] >= first:
                add(a.name, "PERSON", a.code, i, i + 1)
