"""Headlines in title case or in capitals, read again in sentence case.

The small model takes most capitalised words for names: "Retired General Reveals 'Demoralizing'
Experience", "PLO Condemns Valdorian Raid", "KESH ATTACKS TALMAR" get no verb. The claims and
the events stages parse such a line again with each word's capital lowered, unless the word is
a name: the body writes it capitalised and never in lower case ("Trump"), it is written in
capitals in a title-case line ("PLO", "GOP"), or the actor dictionary writes it with capitals
("Kesh", "Valdorian", "PLO"). Changing a letter's case keeps every character offset, so what
is found in that parse maps straight back onto the document. Used by ``claim_headline`` and
``events``; ``parse_line`` parses a line once per document (the two stages often read the same line)."""
from __future__ import annotations

import re

WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
MAX_WORDS = 24       # a longer first line is a paragraph, not a headline
TITLE_SHARE = 0.6    # share of the words after the first that are capitalised in a title-case line
CAPS_SHARE = 0.8     # share of the words written all in capitals in a line in capitals
MAX_NAME_WORDS = 4   # longest dictionary name looked for in a line in capitals


def headline_span(text: str, whole: bool = False) -> tuple[int, int] | None:
    """The first line's characters when it reads as a title-case or all-capitals headline; with
    ``whole``, a short text of one line (a one-sentence record) may be that line."""
    end = text.find("\n")
    if end < 0:
        if not whole:
            return None   # one paragraph: no headline line
        end = len(text)
    words = WORD.findall(text[:end])
    if not 3 <= len(words) <= MAX_WORDS:
        return None
    if shouting(text[:end]):
        return 0, end
    rest = [w for w in words[1:] if len(w) > 3 or w[0].isupper()]   # "of", "on", "to" may stay low
    caps = [w for w in rest if w[0].isupper()]
    if not rest or len(caps) < TITLE_SHARE * len(rest):
        return None
    return 0, end


def shouting(line: str) -> bool:
    """The line is written in capitals ("KESH ATTACKS TALMAR")."""
    words = [w for w in WORD.findall(line) if len(w) > 1]
    return len(words) >= 2 and sum(w.isupper() for w in words) >= CAPS_SHARE * len(words)


def _in_body(w: str, body: str) -> bool:
    """The body writes ``w`` so and never in lower case (a name)."""
    return bool(re.search(r"\b%s\b" % re.escape(w), body)) and not re.search(r"\b%s\b" % re.escape(w.lower()), body)


def sentence_case(line: str, body: str, names: dict | None = None) -> str:
    """The line with the capital of each word after the first lowered, unless the word is a name
    (see the module's help); a line in capitals is lowered whole but for its names, its first
    word keeping its first capital. ``names``: lower-case word tuples -> the dictionary's
    spelling (``name_forms``)."""
    out = list(line)
    matches = list(WORD.finditer(line))
    caps = shouting(line)
    fixed: set[int] = set()
    if names:
        low = [m.group().lower() for m in matches]
        k = 0
        while k < len(matches):
            for n in range(min(MAX_NAME_WORDS, len(matches) - k), 0, -1):
                form = names.get(tuple(low[k:k + n]))
                if form is None:
                    continue
                for m, f in zip(matches[k:k + n], form):
                    if len(f) == len(m.group()):
                        out[m.start():m.end()] = f
                        fixed.add(m.start())
                k += n - 1
                break
            k += 1
    for k, m in enumerate(matches):
        w = m.group()
        if m.start() in fixed:
            continue
        if caps:
            if len(w) > 1 and _in_body(w, body):
                continue   # "PLO" in the body too
            title = w[0] + w[1:].lower()
            if _in_body(title, body) or k == 0:
                out[m.start() + 1:m.end()] = w[1:].lower()
                continue
            out[m.start():m.end()] = w.lower()
            continue
        if k == 0 or not w[0].isupper() or w.isupper() and (len(w) > 1 or line[m.end():m.end() + 1] == "."):
            continue   # the first word, "GOP", "U.S."
        if _in_body(w, body):
            continue
        low1 = w[0].lower()
        if len(low1) == 1:
            out[m.start()] = low1
    return "".join(out)


def name_forms(table: dict) -> dict:
    """Lower-case word tuples -> the spelling the actor table gives them, for its names that have
    a capital ("kesh" -> "Kesh", "plo" -> "PLO"); the table's keys are token tuples."""
    out: dict = {}
    for key in table:
        if not isinstance(key, tuple) or not key or not 0 < len(key) <= MAX_NAME_WORDS:
            continue
        words = [w for w in key if WORD.fullmatch(w)]
        if len(words) != len(key) or not any(c.isupper() for w in key for c in w):
            continue
        out.setdefault(tuple(w.lower() for w in key), key)
    return out


def parse_line(ctx, nlp, line: str):
    """``nlp(line)``, once per document and line: the claims and the events stages re-read the same
    headline when their sentence-case lines agree (the stages read the parse, never change it)."""
    parses = ctx.scratch.get("headline_parses")
    if parses is None:
        parses = ctx.scratch["headline_parses"] = {}
    hd = parses.get(line)
    if hd is None:
        hd = parses[line] = nlp(line)
    return hd
