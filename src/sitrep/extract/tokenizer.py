"""Tokenizer rules for news text scraped with missing spaces, added to spaCy's English tokenizer.

spaCy's English tokenizer keeps a whitespace-free chunk whole unless a prefix, suffix or infix
rule cuts it, so text scraped with a missing space glues a figure or a quote to its neighbour:
``7,"said`` ``USD,100`` ``12,injured`` ``dead,"a`` ``said:"We`` ``killed."The`` ``killed;3``
``at 10.The`` ``trucks(carrying`` ``52%-48%``; and a sentence-final dot stays on an amount with
a magnitude letter (``$2.3T.`` ``$5M.`` ``99¢.``, and ``$1.25m.`` where the special case ``m.``
takes the dot back), so a figure's surface ends in a dot. ``customise(nlp)`` adds the rules
below to the tokenizer's own infix and suffix patterns: the tokenizer only cuts, never
rewrites, so every token is still a slice of the original text (``text[t.idx:t.idx + len(t)]
== t.text``) and every record's offsets stay true.

Each rule is one ``(pattern, help)`` pair. Infixes split a chunk inside; the pieces between two
infixes are not re-read for prefixes or suffixes, so a glued mark that must stand alone (the
quote after ``,``, the ``%`` before ``-``) is an infix of its own. Commas inside numbers
(``11,000`` ``1,5``) have a digit on both sides and are never cut; URLs and e-mail addresses are
matched whole before the infixes run.
"""
from __future__ import annotations

import re

_QUOTES = "\"'\u201c\u201d\u2018\u2019"          # " ' “ ” ‘ ’
_DQUOTES = "\"\u201c\u201d"                      # " “ ”: never an apostrophe
_DASHES = "\\-\u2013\u2014"                       # - – —

INFIXES: tuple[tuple[str, str], ...] = (
    (rf"(?<=[0-9A-Za-z.]),(?=[{_QUOTES}][A-Za-z0-9])",
     'a comma glued between a word or number and an opening quote: 7,"said -> 7 , " said'),
    (rf"(?<=,)[{_QUOTES}](?=[A-Za-z0-9])",
     'the quote after that comma, split from the word it opens: dead,"a -> dead , " a'),
    (r"(?<=[0-9]),(?=[A-Za-z])",
     "a comma glued between a number and a word: 12,injured -> 12 , injured (never 11,000 or 1,5)"),
    (r"(?<=[A-Za-z]),(?=[0-9])",
     "a comma glued between a word and a number: USD,100 -> USD , 100 (never 11,000 or 1,5)"),
    (r"(?<=[A-Za-z][A-Za-z])\((?=[A-Za-z0-9])",
     "an opening parenthesis glued to the word before it: trucks(carrying -> trucks ( carrying"),
    (r"(?<=[A-Za-z0-9])\)(?=[A-Za-z][A-Za-z])",
     "a closing parenthesis glued to the word after it: (AP)said -> ( AP ) said"),
    (rf"(?<=[0-9A-Za-z]):(?=[{_DQUOTES}][A-Za-z0-9])",
     'a colon glued between a word and an opening quote: said:"We -> said : " We'),
    (rf"(?<=[0-9])\.(?=[{_DQUOTES}][A-Za-z])",
     'a full stop glued between a number and a quote: killed 5."We -> 5 . " We (spaCy cuts it after words)'),
    (rf"(?<=[.:])[{_DQUOTES}](?=[A-Za-z0-9])",
     'a double quote glued after a full stop or colon to the word it opens: killed."The -> killed . " The'),
    (r"(?<=[0-9])\.(?=[A-Z][a-z])",
     "a full stop glued between a number and a capitalised word: at 10.The -> 10 . The (never 1.5)"),
    (r"(?<=[A-Za-z0-9]);(?=[A-Za-z0-9])",
     "a semicolon glued between words or numbers: killed;3 injured -> killed ; 3"),
    (r"(?<=[A-Za-z]):(?=[0-9])",
     "a colon glued between a word and a number: said:10 dead -> said : 10 (never 10:30)"),
    (rf"(?<=[0-9])%(?=[{_DASHES}][0-9])",
     "the first percent sign of a percentage pair: 52%-48% -> 52 % - 48 %"),
    (rf"(?<=[0-9]%)[{_DASHES}](?=[0-9])",
     "the dash between two percentages: 52%-48% -> 52 % - 48 %"),
)

SUFFIXES: tuple[tuple[str, str], ...] = (
    (r"(?<=[0-9][kKmMbBtT\u00a2])\.$",
     "a sentence-final dot after an amount with a magnitude letter or cent sign: $2.3T. -> $ 2.3 T ."),
)

# the one-letter abbreviations spaCy keeps with their dot; they take back the dot of "$1.25m."
# (the tokenizer re-joins the tokens "m" "." into "m."), so they are dropped; a lone "m." is then
# "m" "." like any other word before a full stop
DROPPED_SPECIALS: tuple[tuple[str, str], ...] = (
    ("k.", "thousand: $5k."),
    ("m.", "million (and metre): $1.25m. / a 5m. wall"),
    ("b.", "billion: $3b."),
    ("t.", "trillion (and tonne): $2t."),
)


def _pattern(func) -> str | None:
    """The regular expression behind a tokenizer's ``finditer`` / ``search``: "" for none, None
    when it is not a compiled pattern's method (a model with its own tokenizer code)."""
    if func is None:
        return ""
    return getattr(getattr(func, "__self__", None), "pattern", None)


def customise(nlp) -> None:
    """Give ``nlp`` a tokenizer with the rules above added to its own (idempotent). A model whose
    infixes or suffixes are not plain regular expressions keeps its tokenizer unchanged."""
    from spacy.tokenizer import Tokenizer

    tok = nlp.tokenizer
    infix, suffix = _pattern(getattr(tok, "infix_finditer", None)), _pattern(getattr(tok, "suffix_search", None))
    if infix is None or suffix is None or infix.startswith(INFIXES[0][0]):
        return
    drop = {k for k, _ in DROPPED_SPECIALS}
    # one new tokenizer rather than three setters: each setter rebuilds the special cases
    nlp.tokenizer = Tokenizer(
        nlp.vocab, rules={k: v for k, v in tok.rules.items() if k not in drop},
        prefix_search=tok.prefix_search,
        suffix_search=re.compile("|".join([p for p, _ in SUFFIXES] + ([suffix] if suffix else []))).search,
        infix_finditer=re.compile("|".join([p for p, _ in INFIXES] + ([infix] if infix else []))).finditer,
        token_match=tok.token_match, url_match=tok.url_match, faster_heuristics=tok.faster_heuristics)
