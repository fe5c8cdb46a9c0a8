"""Actor codes on the tokens of a parsed document, for the events and relations stages.

Events need to know, for any token of the parse, which actor it names and with
which code ("North Korean" -> PRK, "the Kremlin" -> RUS, "Putin" -> RUS). The
actors stage finds the entities (``ctx.records.entities``); their mentions are
used first. Names the actors stage did not report (demonyms inside noun
phrases, user actor files) are looked up in the actor dictionary
(``data/actors-states.yaml`` and ``data/actors.yaml`` plus the user's actor
files, same YAML format), longest match first, case-sensitively as the actor
dictionary is written ("US" is the United States, "us" is not), so the events
stage also works on its own. An entry's ``dated_codes`` ([{code, from, to}], ISO dates, ``to`` the day
after the last; an empty code: no actor then) give the code a name has on the document's date
(a state renamed, a leader's changing office): the first period that holds, else its ``code``.
A name written with underscores for spaces ("Dol_Amroth", as
text prepared for CAMEO-format coders writes it) is matched word by word, whole tokens only.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

import yaml

from ..errors import SitrepError
from .tokkids import kids_of

DATA = Path(__file__).resolve().parents[1] / "data"
MAX_WORDS = 7
FIRSTS = ("",)  # key under which the table keeps the set of first words of its phrases
PLURALS = ("", "plurals")  # key under which the table keeps its plural demonyms ("Pellisians")
USER = "_user_file"  # entries of the user's own actor files (their codes win over the actors stage's)
USER_KEYS = ("", "user")  # key under which the table keeps the phrases of the user's files
DATED = ("", "dated")  # key under which the table keeps the dated codes of its phrases
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: the state list is long
COREF_FILE = DATA / "coref-words.yaml"


def _load_coref(path=COREF_FILE) -> dict:
    """The coreference word lists (``data/coref-words.yaml``): group name -> group (help, words/items/value)."""
    return {g["group"]: g for g in yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)}


COREF = _load_coref()
PLURAL_HEADS = set(COREF["plural_heads"]["words"])
NUMBERS = dict(COREF["numbers"]["items"])
DEMONSTRATIVES = set(COREF["demonstratives"]["words"])
_PLURAL_SET = frozenset(PLURAL_HEADS)
FAR_SENTENCES = int(COREF["far_sentences"]["value"])  # "these nations" reaches back this many sentences
POSSESSIVE_OWNERS = tuple(COREF["possessive_owners"]["words"])      # "its alliance with Y" (event_parse)
SPEAKER_PRONOUNS = tuple(COREF["speaker_pronouns"]["words"])        # "X said it had ..." (event_parse)
PRONOUN_NUMBER = dict(COREF["pronoun_number"]["items"])             # "it" sing, "they" plur (event_roles)
UNKNOWN_NAMES = set(COREF["unknown_name_labels"]["words"])          # an uncoded name makes "it" ambiguous
EXPLETIVE_HEADS = set(COREF["expletive_heads"]["words"])            # "it was unclear how": no actor
REPORTED_POSSESSIVES = set(COREF["reported_possessives"]["words"])  # "X said Y shelled its villages"
REFLEXIVE_MARKERS = set(COREF["reflexive_markers"]["words"])        # "its own villages"


def load_actor_entries(files: Iterable[str | Path]) -> list[dict]:
    """Entries of the built-in actor dictionary (when present) and of each user file."""
    entries: list[dict] = []
    paths = [p for p in (DATA / "actors-states.yaml", DATA / "actors.yaml") if p.exists()]
    for p in [*paths, *map(Path, files)]:
        try:
            data = yaml.load(Path(p).read_text(encoding="utf-8"), Loader=_LOADER) or []
        except (OSError, yaml.YAMLError) as e:
            raise SitrepError(f"{p}: cannot read this actor file ({str(e).splitlines()[0]})",
                              input=str(p), reason="bad_actor_file") from e
        if isinstance(data, dict):
            data = data.get("actors", [])
        if not isinstance(data, list):
            raise SitrepError(f"{p}: an actor file is a YAML list of actors", input=str(p),
                              reason="bad_actor_file")
        user = p not in paths
        entries.extend({**e, USER: True} if user else e for e in data if isinstance(e, dict) and e.get("name"))
    return entries


def build_table(nlp: Any, entries: list[dict]) -> dict[tuple[str, ...], tuple[str, str]]:
    """Phrase (lower-case token texts) -> (code, canonical name). Later files win, so a user
    file can recode a built-in actor."""
    table: dict[tuple[str, ...], tuple[str, str]] = {}
    for e in entries:
        code = e.get("code")
        names = [e["name"], *(e.get("aliases") or []), *(e.get("demonyms") or [])]
        for role in e.get("roles") or []:
            if isinstance(role, dict) and role.get("code") and not code:
                code = role["code"]
        dated = [(_iso(d.get("from")), _iso(d.get("to")), str(d.get("code") or "")) for d in e.get("dated_codes") or []
                 if isinstance(d, dict)]
        code = code or next((c for _, _, c in dated if c), None)
        if not code:
            continue
        for n in names:
            if not isinstance(n, str) or not n.strip():
                continue
            key = tuple(t.text for t in nlp.tokenizer(n.strip()))
            if 0 < len(key) <= MAX_WORDS:
                table[key] = (str(code), e["name"])
                if dated:
                    table.setdefault(DATED, {})[key] = dated
                elif key in table.get(DATED, ()):
                    del table[DATED][key]
                if e.get(USER):
                    table.setdefault(USER_KEYS, set()).add(key)
                elif key in table.get(USER_KEYS, ()):
                    table[USER_KEYS].discard(key)
                if key[0].lower() == "the" and len(key) > 1:  # "the Kremlin", "The Kremlin", "Kremlin"
                    table.setdefault(key[1:], (str(code), e["name"]))
                    table.setdefault(("The" if key[0] == "the" else "the", *key[1:]), (str(code), e["name"]))
    return table


def _iso(v) -> str | None:
    """An ISO date string (YYYY-MM-DD) of a YAML date or string, None when absent."""
    return None if v is None else str(v)[:10]


class TokenActors:
    """For one document: ``code[i]`` is the actor code on token i (or None) and ``mention[i]``
    the (start, end) token span of the mention it belongs to."""

    def __init__(self, ctx: Any, table: dict[tuple[str, ...], tuple[str, str]]):
        sdoc = ctx.sdoc
        n = len(sdoc)
        anchor = getattr(ctx, "anchor", None)
        self._day = anchor.isoformat() if anchor else None
        self._dated = table.get(DATED) if self._day else None
        self.code: list[str | None] = [None] * n
        self.mention: list[tuple[int, int] | None] = [None] * n
        from .actorwords import token_table
        lower, idxs, ends = token_table(ctx)
        at_start = dict(zip(idxs, range(n)))
        at_end = dict(zip(ends, range(n)))

        def tokens_of(a: int, b: int):
            """(first, end) tokens of the characters [a, b): ``char_span(..., "expand")``, read off the
            token offsets when the span starts and ends at token boundaries (as mentions do)."""
            i, j = at_start.get(a), at_end.get(b)
            if i is not None and j is not None and i <= j:
                return i, j + 1
            span = sdoc.char_span(a, b, alignment_mode="expand")
            return (span.start, span.end) if span is not None else None
        user = bool(table.get(USER_KEYS))   # the user's actor files name some phrases (rarely: no span read)
        for ent in getattr(ctx.records, "entities", []) or []:
            code = getattr(ent, "code", None)
            if not code:
                continue
            for m in ent.mentions:
                se = tokens_of(m.start, m.end)
                if se is not None:
                    code_m = user and self._user_code(table, sdoc[se[0]:se[1]]) or code
                    if self._dated:
                        code_m = self._on_day(tuple(t.text for t in sdoc[se[0]:se[1]]), code_m)
                    if code_m:
                        self._mark(se[0], se[1], code_m)
        firsts = table.get(FIRSTS)
        if firsts is None:
            firsts = table[FIRSTS] = {k[0] for k in table if k is not FIRSTS}
        after = 0       # the token after the last name marked: the next starts there or later
        for i in [i for i, w in enumerate(lower) if w in firsts]:
            if i < after or self.code[i] is not None:
                continue
            hit = None
            for k in range(min(MAX_WORDS, n - i), 0, -1):
                v = table.get(tuple(lower[i:i + k]))
                if v is not None and all(c is None for c in self.code[i:i + k]):
                    hit = (k, self._on_day(tuple(lower[i:i + k]), v[0]) if self._dated else v[0])
                    break
            if hit:
                if hit[1]:
                    self._mark(i, i + hit[0], hit[1])
                after = i + hit[0]
        if "_" in ctx.doc.text:
            self._underscored(lower, table)
        plurals = table.get(PLURALS)
        if plurals is None:  # a plural demonym: "Pellisians", "Ukrainians" are the people of that state
            plurals = table[PLURALS] = {k[0] + "s": v[0] for k, v in table.items()
                                        if isinstance(k, tuple) and len(k) == 1 and k[0][:1].isupper() and len(k[0]) > 3}
        from .actorwords import text_set
        if not text_set(ctx).isdisjoint(plurals):
            for i, w in enumerate(lower):
                if w in plurals and self.code[i] is None:
                    self._mark(i, i + 1, plurals[w])
        self._acronyms(sdoc, lower)
        self.place_country: list[str | None] = [None] * n
        for pl in getattr(ctx.records, "places", []) or []:
            if not pl.country:
                continue
            for m in pl.mentions:
                se = tokens_of(m.start, m.end)
                if se is not None:
                    for j in range(se[0], se[1]):
                        self.place_country[j] = pl.country

        self.group: dict[int, list[str]] = {}
        self._plural_references(sdoc, ctx)

    def _plural_references(self, sdoc, ctx=None) -> None:
        """ "the three nations", "both countries", "the two sides": the last list of that many
        actors named in this or the two sentences before (a list in coordination: "the United
        States, Japan and South Korea"); "these nations", "those states": the last list of any
        length within ``FAR_SENTENCES`` sentences."""
        lists: list[tuple[int, list[str]]] = []  # (position, codes) of coordinated actor lists
        import numpy as np
        from spacy.attrs import DEP, HEAD
        from .hedges import token_hits
        plural = token_hits(ctx, _PLURAL_SET)
        if not plural:
            return
        arr = sdoc.to_array([DEP, HEAD])
        conj = np.flatnonzero(arr[:, 0] == sdoc.vocab.strings["conj"])
        heads = set((conj + arr[conj, 1].astype(np.int64)).tolist())
        for t in [sdoc[i] for i in sorted(heads.union(plural))]:
            if t.i in heads and t.dep_ != "conj":
                codes = []
                for x in (t, *t.conjuncts):
                    c = self.code[x.i] or next((self.code[p.i] for pr in kids_of(x) if pr.dep_ == "prep"
                                                and pr.lower_ == "of" for p in kids_of(pr)
                                                if p.dep_ == "pobj" and self.code[p.i]), None)
                    if c and c.split()[0] not in [k.split()[0] for k in codes]:
                        codes.append(c)
                if len(codes) >= 2:
                    lists.append((t.i, codes))
            if t.lower_ in PLURAL_HEADS and t.pos_ == "NOUN" and self.code[t.i] is None:
                n = None
                for c in kids_of(t):
                    if c.lower_ in NUMBERS:
                        n = NUMBERS[c.lower_]
                if n is None:
                    # "these nations", "those states": the last list named before, further back
                    if any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in kids_of(t)):
                        first = sdoc[max(0, t.sent.start - 1)].sent.start
                        for _ in range(FAR_SENTENCES):
                            first = sdoc[first - 1].sent.start if first > 0 else 0
                        near = [codes for pos, codes in lists if first <= pos < t.i]
                        if near:
                            self.group[t.i] = near[-1]
                    continue
                here = []  # "Lavrov ... the North Korean deployment, reiterating the two countries' pact"
                for x in sdoc[t.sent.start:t.i]:
                    c = self.code[x.i]
                    if c and c.split()[0] not in [k.split()[0] for k in here]:
                        here.append(c)
                if len(here) == n:
                    self.group[t.i] = here
                    continue
                first_sent = max(0, t.sent.start - 1)
                for _ in range(2):  # reach back two sentences at most
                    first_sent = sdoc[first_sent].sent.start - 1 if first_sent > 0 else 0
                for pos, codes in reversed(lists):
                    if pos < t.i and pos >= max(first_sent, 0) and len(codes) == n:
                        self.group[t.i] = codes
                        break

    def _underscored(self, words: list[str], table: dict) -> None:
        """Names written with underscores for spaces ("the Prince of Dol_Amroth", as text prepared
        for CAMEO-format dictionaries joins a name's words): matched word by word, whole tokens only."""
        parts, owner = [], []
        for i, w in enumerate(words):
            ps = [p for p in w.split("_") if p] if "_" in w.strip("_") else [w]
            parts += ps
            owner += [i] * len(ps)
        j, n = 0, len(parts)
        while j < n:
            i = owner[j]
            if self.code[i] is not None or (j and owner[j - 1] == i):
                j += 1
                continue
            for k in range(min(MAX_WORDS, n - j), 1, -1):
                e = owner[j + k - 1]
                if j + k < n and owner[j + k] == e or not any("_" in w for w in words[i:e + 1]):
                    continue  # a token cut in two, or no underscore (the plain match above saw it)
                v = table.get(tuple(parts[j:j + k]))
                if v is not None and all(c is None for c in self.code[i:e + 1]):
                    self._mark(i, e + 1, v[0])
                    j += k
                    break
            else:
                j += 1

    def _on_day(self, key: tuple, code: str | None) -> str | None:
        """The code a name has on the document's date when its entry gives dated codes (a leader's
        or a state's code over a period: PETRARCH's "[RHO <790606]"), the first period that holds;
        "" (or PETRARCH's "---") when the name stands for no actor then; else ``code``."""
        if key and key[0].lower() == "the":
            key = key[1:]
        dated = self._dated.get(key) or self._dated.get(("the", *key))
        if not dated:
            return code
        day = self._day
        for start, end, c in dated:
            if (start is None or start <= day) and (end is None or day < end):
                return "" if c in ("", "---") else c
        return code

    @staticmethod
    def _user_code(table: dict, span) -> str | None:
        """The code the user's own actor file gives this very name ("Security Council" as IGO),
        which wins over the bundled dictionary's code the actors stage found."""
        user = table.get(USER_KEYS)
        if not user:
            return None
        key = tuple(t.text for t in span)
        if key and key[0].lower() == "the":
            key = key[1:]
        for k in (key, ("the", *key)):
            if k in user:
                return table[k][0]
        return None

    def _acronyms(self, sdoc, texts: list[str]) -> None:
        """ "the Union of Xs (UX)": an acronym in brackets right after a name is that actor's, whatever
        code the acronym has on its own (one actor, not two). ``texts``: the token texts."""
        for j in [j for j, w in enumerate(texts) if w == "("]:
            if not 1 <= j < len(sdoc) - 2 or self.code[j - 1] is None or self.code[j + 1] is None:
                continue
            m = self.mention[j + 1]
            if m is None or m[0] != j + 1 or m[1] >= len(sdoc) or sdoc[m[1]].text != ")" or m[1] - m[0] > 2 \
                    or not all(t.text.isupper() for t in sdoc[m[0]:m[1]]):
                continue
            for k in range(m[0], m[1]):
                self.code[k] = self.code[j - 1]

    def _mark(self, s: int, e: int, code: str) -> None:
        for j in range(s, e):
            if self.code[j] is None:
                self.code[j] = code
                self.mention[j] = (s, e)
