"""Quotations for the claims stage: where they are, and who said them.

Quotations are found by their marks, straight or curly (scraped text mixes
them), paragraph by paragraph; one that is not closed runs to the end of its
paragraph, the next paragraph reopening it. A quotation gets its speaker from
a reporting verb right after it ('"...," said X.' / '"...," he said') or right
before it ('X said: "...'), else from the quotation next to it in the same
paragraph or opening the next one. A quotation broken by its attribution
('"...," he explained, "and ..."') is one claim.

Drafts are the claims stage's mutable claim drafts; this module only reads and
copies them (``dataclasses.replace``), so it does not import their class.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

_OPEN = {"\u201c": "\u201d", '"': '"'}
_MARK = re.compile('["\u201c\u201d]')
_ABBREV = re.compile(r"\b[A-Z][a-z]{0,3}\.(?=[\s)])")   # "Rep.", "E.", "(D-Md.)": a title or initial, no sentence end
_ENDS_OPEN = re.compile(r"[,?!][\s'\u2019]*[\"\u201d]?$")


@dataclass
class Quote:
    open: int       # index of the opening mark
    close: int      # index after the closing mark (paragraph end when unclosed)
    a: int          # content start
    b: int          # content end


def find_quotes(text: str) -> list[Quote]:
    """Quotations by their marks, paragraph by paragraph. Straight and curly marks
    close each other (scraped text mixes them); two apostrophes ('') count as one
    mark. An unclosed quotation runs to the end of its paragraph (the next
    paragraph reopens it). A closing curly mark that opens a paragraph, before a letter, opens
    a quotation (scraped text mistypes it)."""
    work = text.replace("''", '" ')
    out = []
    pos = 0
    for para in work.split("\n"):
        i, n = 0, len(para)
        while i < n:
            mark = _MARK.search(para, i)   # only a quotation mark can open one: skip to the next
            if mark is None:
                break
            i = mark.start()
            ch = para[i]
            if not out or out[-1].close <= pos:
                lone = _lone_closer(para, i)
                if lone is not None:   # 'Eleven were dead," a medic said.': the quotation opened the paragraph
                    a, b = lone
                    out.append(Quote(pos + a, pos + i + 1, pos + a, pos + b))
                    i += 1
                    continue
            if (ch in _OPEN and (ch != '"' or i == 0 or not para[i - 1].isalnum())) or (
                    ch == "\u201d" and i == 0 and n > 1 and para[1].isalnum()):   # a paragraph opened by a
                # closing mark ('\u201dThe river ...') opens a quotation all the same
                m = re.compile(r'["\u201d]').search(para, i + 1)
                j = m.start() if m else -1
                end = j + 1 if j != -1 else n
                inner_end = j if j != -1 else n
                a, b = pos + i + 1, pos + inner_end
                seg = text[a:b]
                b -= len(seg) - len(seg.rstrip(" ,"))
                a += len(seg) - len(seg.lstrip(" "))
                if b > a:
                    out.append(Quote(pos + i, pos + end, a, b))
                i = end
                continue
            i += 1
        pos += len(para) + 1
    return out


_CLOSE_BEFORE = re.compile(r"\w[,?!]$")
_LEAD = re.compile(r"[\s\u2014-]*")


def _lone_closer(para: str, i: int) -> tuple[int, int] | None:
    """The first mark of a paragraph (at i) that closes a quotation whose opening mark was left
    out (scraped text drops it): glued to a ",", "?" or "!" after a word, followed by a space or a
    lowercase word ('dead," a medic said', 'dead,"a medic said'), and with an even number of marks
    after it. The quotation runs from the paragraph start: (content start, content end)."""
    if i == 0 or not _CLOSE_BEFORE.search(para[:i]) or _MARK.search(para, 0, i) is not None:
        return None
    nxt = para[i + 1:i + 2]
    if not (nxt.isspace() or nxt.islower()) or len(_MARK.findall(para, i + 1)) % 2:
        return None
    a = _LEAD.match(para).end()
    b = i - 1 if para[i - 1] == "," else i
    return (a, b) if words(para[a:b]) >= 2 else None


def words(text: str) -> int:
    return len(re.findall(r"\w+", text))


# ---------------------------------------------------------------- the stage

def attach_quotes(text: str, quotes: list[Quote], drafts: list, bare: list) -> None:
    """Make quotations claims: mark and reshape the drafts whose content they touch, add
    drafts for the others from ``bare`` (cues with a source but no content)."""
    quote_claims: list[tuple[Quote, object]] = []
    for q in quotes:
        direct = [d for d in drafts if d.start < q.b and q.a < d.end]
        if direct:
            d = min(direct, key=lambda d: abs(d.cue_start - q.close))
            adjacent = 0 <= d.cue_start - q.close <= 60 or 0 <= q.open - d.cue_end <= 40
            if words(text[q.a:q.b]) >= 4 and (adjacent or not (d.start <= q.a and q.b <= d.end)):
                d.start, d.end = q.a, q.b   # the quotation is the content, not the clause around it
            d.direct = True
            quote_claims.append((q, d))
            continue
        if words(text[q.a:q.b]) < 4:
            d = attribution(text, q, bare) if _ENDS_OPEN.search(text[q.a:q.close]) else None
            if d is not None:   # '"It is over," she said.' -- short, but attributed
                d.direct = True
                drafts.append(d)
                quote_claims.append((q, d))
            continue
        # '"...," he explained, "and ..."' -- one quotation broken by its attribution
        if quote_claims and text[q.a:q.a + 1].islower():
            pq, pd = quote_claims[-1]
            between = text[pq.close:q.open]
            if len(between) < 60 and "\n" not in between and pd.cue_start >= pq.close:
                pd.end = q.b
                quote_claims.append((q, pd))
                continue
        d = attribution(text, q, bare)
        if d is None:
            prev = quote_claims[-1] if quote_claims else None
            if prev and not re.search(r"\n\s*\n", text[prev[0].close:q.open]) and near(text, prev[0], q):
                d = replace(prev[1], start=q.a, end=q.b, hedge="asserted", hedge_cue=None, cited=None)
        if d is None:
            continue
        d.direct = True
        drafts.append(d)
        quote_claims.append((q, d))
    # a quotation that comes before the one that names its source ('"A." "B," he said.')
    for q in quotes:
        if words(text[q.a:q.b]) < 4 or any(q is qq for qq, _ in quote_claims):
            continue
        nxt = [(qq, dd) for qq, dd in quote_claims if qq.open >= q.close and near(text, q, qq)]
        if nxt:
            drafts.append(replace(nxt[0][1], start=q.a, end=q.b, direct=True, hedge="asserted",
                                  hedge_cue=None, cited=None))


def near(text: str, q1: Quote, q2: Quote) -> bool:
    """Two quotations of one speaker: the same paragraph with little between, or the
    second opening the next paragraph."""
    between = text[q1.close:q2.open]
    if "\n" in between:
        return between.strip() == ""
    return len(between) < 200 and not re.search(r"[.!?]\s+[A-Z][^\u201c\"]{40,}", between)


def attribution(text: str, q: Quote, bare: list):
    for d in bare:
        if d.cue_start >= q.close:
            between = text[q.close:d.cue_start]
            if len(between) <= 80 and not re.search(r"[.!?\u201c\n]", _ABBREV.sub("", between)) and (
                    not between.strip() or between.lstrip().startswith(",")
                    or re.search(r"[,?!\u2014-][\s'\u2019]*[\"\u201d]?$", text[q.a:q.close])):
                return replace(d, start=q.a, end=q.b)
    for d in reversed(bare):
        if d.cue_end <= q.open:
            between = text[d.cue_end:q.open]
            if len(between) <= 60 and re.fullmatch(r"[^.!?\u201d\n]*[:,]\s*", between):
                return replace(d, start=q.a, end=q.b)
    return None
