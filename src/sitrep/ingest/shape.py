"""Line shapes of scraped text: what a heading, a paragraph, a separator and a
sidebar age line look like.

The rules look only at the shape of a line (length, word count, final
punctuation, separator characters, a relative age at its end), never at the
words of a particular site, so that they carry over to pages sitrep has not
seen.
"""
from __future__ import annotations

import re

from ..model import Subhead

#: a heading is at most this many characters and words
MAX_HEADING_CHARS = 150
MAX_HEADING_WORDS = 25
#: a heading may end with "?" only when it is this short (longer ones are questions in prose)
MAX_QUESTION_WORDS = 10

_CLOSERS = "\"'\u201d\u2019\u00bb)]"
_SENTENCE_END = ".!;:,\u2026"
_ABBREV_END = re.compile(r"(?:\b[A-Z]\.){2,}$|\b(?:vs|No|St|Mr|Mrs|Dr|Jr|Sr)\.$")
_SEPARATOR = re.compile(r"^[\-\u2013\u2014_*=\u2022\u00b7~#]+$")
# "Editor's Pick8 months ago", "Analysis 3 weeks ago", "Crime · an hour ago": a label glued to an age
_AGE = re.compile(
    r"^(?P<label>.*?)[\s\u00b7|\-\u2013\u2014]*"
    r"(?P<age>(?:\d+|an?|one)\s*(?:second|sec|minute|min|hour|hr|day|week|month|year)s?\s+ago)$",
    re.IGNORECASE)


def is_separator(line: str) -> bool:
    """A line of only dashes, stars, bullets or similar: a visual break."""
    return bool(_SEPARATOR.match(line.strip()))


def age_line(line: str) -> tuple[str | None, str] | None:
    """``(label, age)`` when the line ends in a relative age ("3 weeks ago")
    and is short; the label is whatever is glued before the age (or None)."""
    s = line.strip()
    if len(s) > 80:
        return None
    m = _AGE.match(s)
    if not m:
        return None
    label = m.group("label").strip(" \u00b7|-\u2013\u2014") or None
    return label, m.group("age")


def is_heading(line: str) -> bool:
    """Short, no sentence punctuation at its end (a short question is allowed):
    a category, headline or subhead rather than a paragraph."""
    s = line.strip()
    if not s or len(s) > MAX_HEADING_CHARS or is_separator(s):
        return False
    words = s.split()
    if len(words) > MAX_HEADING_WORDS or not any(c.isalpha() for c in s):
        return False
    t = s.rstrip(_CLOSERS + " ")
    if not t:
        return False
    if t[-1] in _SENTENCE_END and not _ABBREV_END.search(t):
        return False
    if t[-1] == "?" and len(words) > MAX_QUESTION_WORDS and not is_titleish(s):
        return False
    return True


def is_titleish(line: str) -> bool:
    """Most longer words capitalised, as in "How Much Does One Night Cost?"."""
    long_words = [w for w in re.findall(r"[^\W\d_][\w'\u2019-]*", line) if len(w) > 3]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) / len(long_words) >= 0.75


def join_body(items: list[tuple[str, str]]) -> tuple[str, tuple[Subhead, ...]]:
    """Join ``(kind, line)`` items (kind ``para`` or ``sub``) with "\\n"; return
    the text and the subheads with their offsets into it."""
    parts: list[str] = []
    subs: list[Subhead] = []
    pos = 0
    for kind, line in items:
        if parts:
            pos += 1
        if kind == "sub":
            subs.append(Subhead(pos, pos + len(line), line))
        parts.append(line)
        pos += len(line)
    return "\n".join(parts), tuple(subs)


def mark_subheads(text: str) -> tuple[Subhead, ...]:
    """Subheads of a finished text: a heading-shaped line with paragraphs on
    both sides (blank lines between are allowed)."""
    lines = []
    pos = 0
    for raw in text.split("\n"):
        if raw.strip():
            lead = len(raw) - len(raw.lstrip())
            lines.append((pos + lead, raw.strip()))
        pos += len(raw) + 1
    out = []
    for i in range(1, len(lines) - 1):
        start, s = lines[i]
        if is_heading(s) and not is_heading(lines[i - 1][1]) and not is_heading(lines[i + 1][1]):
            out.append(Subhead(start, start + len(s), s))
    return tuple(out)
