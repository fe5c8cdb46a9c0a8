"""Stage 3: dates -- expressions of time, resolved against the publication date.

Found: spaCy's DATE entities plus our patterns for what the model misses
(weekdays, "over the weekend", "8 months ago", "mid-September", "earlier this
month"). Resolved by our rules first, then by dateparser (RELATIVE_BASE = the
anchor, PREFER_DATES_FROM = past) for the remaining forms:

- weekdays ("on Tuesday"): the last such day on or before the anchor; the next
  one on or after it when the sentence speaks of the future ("will", "is set
  to", "next");
- "last/this/next week|month|year", "N days/weeks/months/years ago",
  "yesterday", "today", "tomorrow", "over the weekend" (the Saturday before);
- month names without a year ("in June", "mid-September", "late November"):
  the latest such month not after the anchor's (the next one in a future
  sentence); mid/early/late give the 15th/1st/last day, granularity month;
- full dates and years with the year written are resolved without an anchor.

No anchor (the input had no publication date) and a relative expression, or
a form no rule or dateparser resolves (durations like "three years", "the
coming days"): the record keeps its text and has ``date = None``. We never
guess.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Iterator

from ..model import DateRef, record_id
from .context import Context

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_MONTH_RE = "|".join(sorted((m for m in MONTHS), key=len, reverse=True))
_DAY_RE = "|".join(calendar.day_name)
_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1}
# every alternative of _PATTERN_BODY starts with one of these characters: testing the class first spares
# the alternation at most word starts (half the stage's time); tests/test_dates.py checks the two agree
_LEAD = r"(?=[OoLlNnTtEeMmWwFfSsYyPpAa\d])"
_PATTERN_BODY = (
    rf"\b(?:(?:(?:[Oo]n|[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate)\s+)?(?:{_DAY_RE})(?:\s+(?:morning|afternoon|evening|night))?\b"
    rf"|(?:[Yy]esterday|[Tt]oday|[Tt]omorrow)\b"
    rf"|[Oo]ver the weekend\b|(?:[Ll]ast|[Tt]his|[Nn]ext) weekend\b"
    rf"|(?:\d+|{'|'.join(_NUM)})\s+(?:day|week|month|year)s?\s+ago\b"
    rf"|(?:[Ee]arlier|[Ll]ater) this (?:week|month|year)\b|(?:[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast) (?:week|month|year)\b"
    rf"|(?:[Mm]id|[Ee]arly|[Ll]ate)[- ](?:{'|'.join(calendar.month_name[1:])}|Sept?|Oct|Nov|Dec|Jan|Feb|Mar|Apr|Aug)\b\.?)")
PATTERNS = re.compile(_LEAD + _PATTERN_BODY)
# DATE entities of the model that are ages, frequencies or bare numbers, not points in time
_NOT_DATE = re.compile(r"year-old|years? old|older than|younger than|^\d+(?:[.,]\d+)?$|^(annually|daily|monthly|"
                       r"weekly|yearly)$", re.I)
_TEMPORAL = re.compile(rf"\d|\b({_MONTH_RE}|{_DAY_RE})\b|day|week|month|year|decade|centur|today|tonight|"
                       r"yesterday|tomorrow|weekend|night|morning|afternoon|evening|spring|summer|autumn|fall|"
                       r"winter|ago|era|age", re.I)
_YEAR_AFTER = re.compile(r",? (1[89]\d\d|20\d\d)\b")
FUTURE = re.compile(r"\b(will|shall|is set to|are set to|is due to|are due to|expected to|scheduled|plans? to|"
                    r"planned|next|upcoming|is to|are to|would)\b", re.I)


def setup(nlp, resources: dict) -> None:
    resources["date_patterns"] = PATTERNS


def find_dates(ctx: Context) -> Iterator[DateRef]:
    text = ctx.doc.text
    from .actorwords import doc_ents
    spans: list[tuple[int, int]] = [(e.start_char, e.end_char) for e in doc_ents(ctx) if e.label_ == "DATE"]
    spans += [(m.start(), m.end()) for m in PATTERNS.finditer(text)]
    spans.sort(key=lambda se: (se[0], -(se[1] - se[0])))
    kept: list[tuple[int, int]] = []
    for s, e in spans:
        s, e = _trim(text, s, e)
        if e <= s:
            continue
        if kept and s < kept[-1][1]:
            if e > kept[-1][1]:
                kept[-1] = (kept[-1][0], e)
            continue
        kept.append((s, e))
    anchor = ctx.anchor
    for s, e in kept:
        surface = text[s:e]
        if _NOT_DATE.search(surface) or not _TEMPORAL.search(surface):
            continue
        future = _future_context(ctx, s)
        d, gran = resolve(surface, anchor, future)
        yield DateRef(id=record_id("date", ctx.doc.id, s, e), doc_id=ctx.doc.id, start=s, end=e, text=surface,
                      date=d.isoformat() if d else None, granularity=gran if d else None,
                      anchor=anchor.isoformat() if anchor else None)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \n\t,.;:":
        s += 1
    while e > s and text[e - 1] in " \n\t,;:'\u2019":
        e -= 1
    if e > s and text[e - 1] == "." and text[max(s, e - 5):e - 1].lower().strip() not in MONTHS:
        e -= 1          # a full stop, not an abbreviation ("Sept.")
    m = _YEAR_AFTER.match(text, e)
    if m and re.search(rf"({_MONTH_RE})\.? \d{{1,2}}$", text[s:e], re.I):
        e = m.end()     # "November 5" + ", 2024"
    m = re.match(r"on\s+", text[s:e], re.I)
    if m:
        s += m.end()
    if text[e - 2:e] == "'s" or text[e - 2:e] == "\u2019s":
        e -= 2
    return s, e


def _future_context(ctx: Context, start: int) -> bool:
    """Whether the sentence before the expression speaks of the future."""
    text = ctx.doc.text
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    return bool(FUTURE.search(text[left:start]))


def resolve(expr: str, anchor: date | None, future: bool = False) -> tuple[date | None, str | None]:
    """(date, granularity) of one expression; (None, None) where it cannot be decided."""
    return _resolve(expr.strip(), anchor, future)


@lru_cache(maxsize=4096)
def _resolve(expr: str, anchor: date | None, future: bool) -> tuple[date | None, str | None]:
    low = re.sub(r"\s+", " ", expr.lower().replace("\u2019", "'")).strip(" .")
    low = re.sub(r"^(the|on|in|since|by|until|from|during|of) ", "", low)
    r = _rules(low, anchor, future)
    if r is not None:
        return r
    if _DURATION.match(low):
        return None, None
    return _dateparser(low, anchor)


_DURATION = re.compile(r"^(about |around |nearly |almost |more than |over |some |the )?(\d+|a|an|one|two|three|"
                       r"four|five|six|seven|eight|nine|ten|several|few|many|\d+-)[- ]?(day|week|month|year|decade)s?"
                       r"( long| old)?$|^(recent|coming|past|next|last|previous) (few )?(days|weeks|months|years)$"
                       r"|^(the )?(coming|recent|past) (days|weeks|months|years)$|^decades?$|^years?$|^days?$")


def _rules(low: str, a: date | None, future: bool):
    m = re.fullmatch(r"(?:(early|mid|late|end of|the end of) )?(\d{4})", low)
    if m and 1800 <= int(m.group(2)) <= 2100:
        return date(int(m.group(2)), 1, 1), "year"
    m = re.fullmatch(r"(?:early |mid |late |the )?(1[89]\d0|20[0-9]0)'?s", low)
    if m:
        return date(int(m.group(1)), 1, 1), "decade"
    m = re.fullmatch(rf"(?:(early|mid|late|end of|the end of)[- ])?({_MONTH_RE})\.?,? (\d{{4}})", low)
    if m:
        y, mon = int(m.group(3)), MONTHS[m.group(2)]
        day = {"mid": 15, "late": calendar.monthrange(y, mon)[1]}.get(m.group(1) or "", 1)
        if m.group(1) and m.group(1).endswith("end of"):
            day = calendar.monthrange(y, mon)[1]
        return date(y, mon, day), "month"
    m = re.fullmatch(rf"({_MONTH_RE})\.? (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})", low) or \
        re.fullmatch(rf"(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({_MONTH_RE})\.?,? (\d{{4}})", low)
    if m:
        g = m.groups()
        mon, day = (g[0], g[1]) if not g[0].isdigit() else (g[1], g[0])
        return _safe(int(g[2]), MONTHS[mon], int(day)), "day"
    m = re.fullmatch(rf"({_MONTH_RE})\.?,? (\d{{4}})", low)
    if m:
        return date(int(m.group(2)), MONTHS[m.group(1)], 1), "month"
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", low)
    if m:
        return _safe(*map(int, m.groups())), "day"
    if a is None:
        return (None, None) if _relative(low) else None
    low = re.sub(r"^(earlier|later|late|early) (?=(" + _DAY_RE.lower() + r")\b)", "", low)
    low = re.sub(r"^(late|early|mid) (last|this|next) ", r"\2 ", low)
    m = re.fullmatch(rf"last ({_MONTH_RE})", low)
    if m:
        mon = MONTHS[m.group(1)]
        return date(a.year - (1 if mon >= a.month else 0), mon, 1), "month"
    m = re.fullmatch(rf"(?:the )?end of (?:the )?({_MONTH_RE}|year|month)", low)
    if m:
        if m.group(1) == "year":
            return date(a.year, 12, 31), "month"
        if m.group(1) == "month":
            return date(a.year, a.month, calendar.monthrange(a.year, a.month)[1]), "month"
        mon = MONTHS[m.group(1)]
        y = a.year - (1 if mon > a.month and not future else 0) + (1 if future and mon < a.month else 0)
        return date(y, mon, calendar.monthrange(y, mon)[1]), "month"
    if low in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return a, "day"
    if low in ("yesterday", "last night"):
        return a - timedelta(days=1), "day"
    if low == "tomorrow":
        return a + timedelta(days=1), "day"
    m = re.fullmatch(rf"(last |this |next |early |late )?({_DAY_RE.lower()})( morning| afternoon| evening| night)?", low)
    if m:
        wd = WEEKDAYS[m.group(2)]
        which = (m.group(1) or "").strip()
        if which == "next" or (future and which not in ("last",)):
            return a + timedelta(days=(wd - a.weekday()) % 7 or (7 if which == "next" else 0)), "day"
        back = (a.weekday() - wd) % 7
        if which == "last" and back == 0:
            back = 7
        return a - timedelta(days=back), "day"
    if low in ("over the weekend", "the weekend", "last weekend", "weekend"):
        back = (a.weekday() - 5) % 7
        return a - timedelta(days=back if back else 7), "weekend"
    if low in ("this weekend", "next weekend"):
        return a + timedelta(days=(5 - a.weekday()) % 7), "weekend"
    m = re.fullmatch(r"(\d+|[a-z]+) (day|week|month|year)s? ago", low)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else _NUM.get(m.group(1))
        if n is None:
            return None, None
        return _shift(a, m.group(2), -n), {"week": "week"}.get(m.group(2), m.group(2))
    m = re.fullmatch(r"(?:(earlier|later) )?(last|this|next|past) (week|month|year)", low)
    if m:
        step = {"last": -1, "past": -1, "this": 0, "next": 1}[m.group(2)]
        d = _shift(a, m.group(3), step)
        return _start_of(d, m.group(3)), m.group(3)
    m = re.fullmatch(rf"(?:(mid|early|late)[- ])?({_MONTH_RE})\.?", low)
    if m and (m.group(1) or len(m.group(2)) > 3 or m.group(2) in ("may", "june", "july")):
        mon = MONTHS[m.group(2)]
        year = a.year
        if future:
            if mon < a.month:
                year += 1
        elif mon > a.month:
            year -= 1
        day = {"mid": 15, "early": 1, "late": calendar.monthrange(year, mon)[1]}.get(m.group(1), 1)
        return date(year, mon, day), "month"
    m = re.fullmatch(rf"({_MONTH_RE})\.? (\d{{1,2}})(?:st|nd|rd|th)?|(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({_MONTH_RE})", low)
    if m:
        mon = MONTHS[m.group(1) or m.group(4)]
        day = int(m.group(2) or m.group(3))
        d = _safe(a.year, mon, day)
        if d and not future and d > a:
            d = _safe(a.year - 1, mon, day)
        elif d and future and d < a:
            d = _safe(a.year + 1, mon, day)
        return d, "day"
    return None


def _relative(low: str) -> bool:
    return not re.search(r"\b\d{4}\b", low)


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _shift(a: date, unit: str, n: int) -> date:
    if unit == "day":
        return a + timedelta(days=n)
    if unit == "week":
        return a + timedelta(weeks=n)
    months = a.month - 1 + (n if unit == "month" else 12 * n)
    y, m = a.year + months // 12, months % 12 + 1
    return date(y, m, min(a.day, calendar.monthrange(y, m)[1]))


def _start_of(d: date, unit: str) -> date:
    if unit == "week":
        return d - timedelta(days=d.weekday())
    if unit == "month":
        return d.replace(day=1)
    return d.replace(month=1, day=1)


def _dateparser(low: str, anchor: date | None):
    """dateparser for the forms our rules do not cover; only with an anchor for relative text."""
    if anchor is None and _relative(low):
        return None, None
    # only full calendar dates go to dateparser (a month or weekday with a number); bare numbers,
    # ranges and vague phrases are not dates it can decide
    if not (re.search(rf"\b({_MONTH_RE}|{_DAY_RE.lower()})\b", low) and re.search(r"\b\d{1,4}\b", low)) \
            or re.search(r"\d\s*[-\u2013]\s*\d", low):
        return None, None
    import dateparser
    base = datetime.combine(anchor or date.today(), datetime.min.time())
    try:
        got = dateparser.parse(low, languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past",
                                                                 "REQUIRE_PARTS": ["year"] if anchor is None else []})
    except Exception:  # noqa: BLE001 - dateparser raises many types on odd input; unresolved is the answer
        return None, None
    if got is None:
        return None, None
    gran = "day" if re.search(r"\d{1,2}(st|nd|rd|th)?\b(?!\d)", re.sub(r"\b\d{4}\b", "", low)) else "month"
    return got.date(), gran
