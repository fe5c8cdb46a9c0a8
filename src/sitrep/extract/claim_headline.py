"""Claims in a title-case headline ("Retired General Reveals 'Demoralizing' Experience", "Obama
Sees 'Personal Insult' If ..."): the small model takes most capitalised words for names and
misses the verb. The headline -- the text's first line, when most of its words are capitalised --
is parsed again in sentence case, a word keeping its capital only where the body writes it so
(a name: "Trump", "Obama"); lowering a letter keeps every offset, so the reporting verbs found
in that parse give drafts over the text itself, their source tokens mapped back to the
document's parse."""
from __future__ import annotations

import re
from dataclasses import replace

from .claim_draft import _chars, _lex
from .claim_verbs import _from_verb

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
MAX_WORDS = 24       # a longer first line is a paragraph, not a headline
TITLE_SHARE = 0.6    # share of the words after the first that are capitalised in a title-case line


def setup(nlp, resources: dict) -> None:
    resources.setdefault("headline_nlp", nlp)


def _headline(text: str) -> tuple[int, int] | None:
    """The first line's characters when it reads as a title-case headline."""
    end = text.find("\n")
    if end < 0:
        return None   # one paragraph: no headline line
    words = _WORD.findall(text[:end])
    if not 3 <= len(words) <= MAX_WORDS:
        return None
    rest = [w for w in words[1:] if len(w) > 3 or w[0].isupper()]   # "of", "on", "to" may stay low
    caps = [w for w in rest if w[0].isupper()]
    if not rest or len(caps) < TITLE_SHARE * len(rest):
        return None
    return 0, end


def sentence_case(line: str, body: str) -> str:
    """The line with the capital of each word after the first lowered, unless the body writes
    the word capitalised and never in lower case (a name); all-capital words ("GOP") stay."""
    out = list(line)
    for k, m in enumerate(_WORD.finditer(line)):
        w = m.group()
        if k == 0 or not w[0].isupper() or w.isupper() and (len(w) > 1 or line[m.end():m.end() + 1] == "."):
            continue   # the first word, "GOP", "U.S."
        if re.search(r"\b%s\b" % re.escape(w), body) and not re.search(r"\b%s\b" % re.escape(w.lower()), body):
            continue
        low = w[0].lower()
        if len(low) == 1:
            out[m.start()] = low
    return "".join(out)


def headline_drafts(ctx, taken: list) -> list:
    """Drafts from the sentence-case parse of a title-case headline whose cue no other draft
    has (``taken``: the drafts found so far)."""
    nlp = ctx.resources.get("headline_nlp")
    text = ctx.doc.text
    span = _headline(text)
    if nlp is None or span is None:
        return []
    a, b = span
    L = _lex(ctx)
    hd = nlp(sentence_case(text[a:b], text[b:]))
    doc = ctx.sdoc
    out = []
    for t in hd:
        if t.pos_ not in ("VERB", "AUX"):
            continue
        lem = t.lemma_.lower()
        if lem not in L["verbs"] and lem not in L["attitude"]:
            continue
        d = _from_verb(t, L)
        if d is None or d.src is None or d.src_head is None:
            continue   # the headline's claim needs its source
        if d.start < 0:   # "Mayor Speaks 'Directly To Ferry Crews'", "Chief Backs Port Plan": the rest of the line
            rest = _chars([x for x in t.subtree if x.i > t.i and not d.src[0] <= x.i < d.src[1]])
            if rest is None or len(hd.char_span(*rest, alignment_mode="expand")) < 2:
                continue
            d.start, d.end = rest
        src = hd[d.src[0]:d.src[1]]
        mapped = doc.char_span(a + src.start_char, a + src.end_char, alignment_mode="expand")
        head = doc.char_span(a + hd[d.src_head].idx, a + hd[d.src_head].idx + 1, alignment_mode="expand")
        if mapped is None or head is None or not len(mapped) or not len(head):
            continue
        if any(o.cue_start < a + d.cue_end and a + d.cue_start < o.cue_end for o in taken):
            continue   # the document's own parse found this claim
        out.append(replace(d, src=(mapped.start, mapped.end), src_head=head.start, tok=-1,
                           start=a + d.start, end=a + d.end, cue_start=a + d.cue_start, cue_end=a + d.cue_end))
    return out
