"""Reading a PETRARCH2 (CAMEO) verb dictionary, discards file and CAMEO->PLOVER table.

PETRARCH/CAMEO coders keep their verb knowledge in PETRARCH2's verb dictionary
format; sitrep loads such a file as a *user verb file* (setting ``verbs``,
``sitrep ingest --verbs FILE``) and codes events from it instead of from its own
vocabulary (``cameo_events`` applies the patterns on the dependency parse).

Supported subset of the format:

* comments ``# ...`` and ``<!-- ... -->`` lines;
* synsets: a line ``&NAME`` followed by ``+MEMBER`` lines (members may be
  several words, joined by ``_`` or spaces, and may name another synset);
* verb blocks ``--- VERB [code] ---``: the lines that do not start with ``-``
  are the verbs of the block, each with an optional own code ``[code]``,
  irregular forms ``{FORMS ...}``, and words before/after it joined with ``_``
  (``+`` marks the verb inside a multi-word verb: ``WIRE_+TAP``, ``+BREAK_DOWN``);
* patterns ``- words * words [code]``: ``*`` the verb, ``+`` the target,
  ``$`` the source, ``^`` a skipped phrase, ``%`` a compound (coordinated)
  actor, ``&NAME`` any member of a synset, ``_`` joins words that must be
  adjacent (a space lets other words intervene);
* codes: ``[---]`` codes nothing; ``[A:B]`` is a paired event (A from the source
  to the target, B from the target back to the source); a pattern whose code is
  not a CAMEO code (``[abc]``, ``[+++]``) is ignored.

Not supported: TABARI ``replace:`` and ``<`` ``>`` tags inside patterns, the ``|``
alternative within a pattern, issue/agent codes inside verb codes, prefix (stem)
matching of pattern words (a word matches a token as written, case-insensitively),
nouns as verbs ("inching nearer to accord" is not coded), and PETRARCH's automatic
generation of irregular verb forms (sitrep matches spaCy's lemma instead, plus the
forms listed in ``{ }`` and the verb as written: ``SAID``, ``MET``). PETRARCH actor
and agent dictionaries are not read here: actors come from sitrep's actor files
(``eval/petrarch.py`` shows a conversion).

The CAMEO->PLOVER table is read in the format of PLOVER's ``CAMEO2PLOVER`` file
(``030: AGREE, ...``); the bundled ``data/cameo_plover.yaml`` is a coarse
two-digit mapping used when no table is given (setting ``cameo_plover``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import SitrepError

DATA = Path(__file__).resolve().parents[1] / "data"
SPECIAL = {"*", "+", "$", "^", "%"}


@dataclass(frozen=True)
class Elem:
    """One pattern element: a word, a synset (``&NAME``) or a special sign; ``adj`` when it
    must touch the element before it (joined by ``_``)."""
    kind: str           # word, syn, verb, target, source, skip, compound
    value: str = ""
    adj: bool = False


@dataclass
class Pattern:
    pre: list[Elem]     # the elements before the verb, nearest first
    post: list[Elem]    # the elements after the verb, in order
    code: str
    text: str
    order: int = 0

    @property
    def weight(self) -> int:
        return sum(e.kind in ("word", "syn", "target", "source", "compound") for e in self.pre + self.post)


@dataclass
class Verb:
    word: str                  # the verb itself, upper case (matched on lemma or text)
    before: tuple[str, ...]    # words that precede it ("WIRE" in WIRE_+TAP)
    after: tuple[str, ...]     # particles that follow it ("OUT" in LASH OUT)
    forms: frozenset[str]
    code: str
    block: int                 # index of the block whose patterns apply


@dataclass
class VerbDict:
    verbs: dict[str, list[Verb]] = field(default_factory=dict)      # lemma or form -> verbs
    patterns: list[list[Pattern]] = field(default_factory=list)     # per block
    synsets: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)

    def lookup(self, *keys: str) -> list[Verb]:
        out: list[Verb] = []
        for k in keys:
            for v in self.verbs.get(k.upper(), ()):
                if v not in out:
                    out.append(v)
        return out


def _strip(line: str) -> str:
    return line.split("#")[0].rstrip()


def _code(s: str) -> tuple[str, str]:
    """(text without its first ``[code]``, code)."""
    m = re.search(r"\[([^\]]*)\]", s)
    if not m:
        return s, ""
    return s[:m.start()] + s[m.end():], m.group(1).strip()


def parse_pattern(text: str) -> tuple[list[Elem], list[Elem]]:
    elems: list[Elem] = []
    adj_next = False
    for chunk in text.split():
        parts = chunk.split("_")
        for j, p in enumerate(parts):
            adj = adj_next or j > 0
            adj_next = False
            if p == "":
                if j == len(parts) - 1 and j > 0:
                    adj_next = True    # "IN_ *": IN touches what follows
                continue
            kind = {"*": "verb", "+": "target", "$": "source", "^": "skip", "%": "compound"}.get(p)
            if kind:
                elems.append(Elem(kind, p, adj))
            elif p.startswith("&"):
                elems.append(Elem("syn", p[1:].rstrip("_").upper(), adj))
            elif p.startswith("+") and len(p) > 1:  # "+ *" written "+*" is rare; a word after + is the target word
                elems.append(Elem("target", "+", adj))
                elems.append(Elem("word", p[1:].upper(), True))
            else:
                elems.append(Elem("word", p.upper(), adj))
    if not any(e.kind == "verb" for e in elems):
        return [], []
    k = next(i for i, e in enumerate(elems) if e.kind == "verb")
    verb = elems[k]
    pre = list(reversed(elems[:k]))
    # adjacency is stored on the element nearer the verb's side that must touch: for the pre part
    # "IN_*": IN must touch the verb, i.e. adj of the next element (the verb) moves to IN
    pre_adj = []
    nxt_adj = verb.adj
    for e in pre:
        pre_adj.append(Elem(e.kind, e.value, nxt_adj))
        nxt_adj = e.adj
    return pre_adj, elems[k + 1:]


def _verb_line(s: str, code: str, block: int) -> Verb | None:
    forms: set[str] = set()
    m = re.search(r"\{([^}]*)\}", s)
    if m:
        for f in m.group(1).split():
            forms.add(f.replace("+", "").split("_")[0] if "+" not in f else
                      next((w[1:] for w in f.split("_") if w.startswith("+")), f))
        s = s[:m.start()] + s[m.end():]
    s, own = _code(s)
    words = [w for w in re.split(r"[_\s]+", s.strip()) if w]
    if not words:
        return None
    k = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
    words = [w.lstrip("+").upper() for w in words]
    if not words[k]:
        return None
    return Verb(word=words[k], before=tuple(words[:k]), after=tuple(words[k + 1:]),
                forms=frozenset(f.upper() for f in forms if f), code=own or code, block=block)


def parse_verbs(text: str) -> VerbDict:
    vd = VerbDict()
    syn: str | None = None
    block = -1
    code = ""
    order = 0
    for raw in text.splitlines():
        if raw.lstrip().startswith("<!--") or raw.lstrip().startswith("#"):
            continue
        line = _strip(raw)
        s = line.strip()
        if not s:
            syn = None
            continue
        if s.startswith("---"):
            syn = None
            head = s.strip("- ")
            _, code = _code(head)
            block += 1
            vd.patterns.append([])
            continue
        if s.startswith("&") and not s.startswith("&&"):
            syn = s[1:].split()[0].rstrip("_").upper()
            vd.synsets[syn] = []
            continue
        if syn is not None and s.startswith("+"):
            vd.synsets[syn].append(tuple(w.upper() for w in re.split(r"[_\s]+", s[1:].strip()) if w))
            continue
        if block < 0:
            continue
        if s.startswith("-"):
            body, pcode = _code(s[1:])
            pre, post = parse_pattern(body)
            if (pre or post or "*" in body) and re.match(r"^(---|\d{2,4}[A-Za-z]?(:\d{2,4}[A-Za-z]?)?)$", pcode):
                order += 1
                vd.patterns[block].append(Pattern(pre, post, pcode, body.strip(), order))
            continue
        v = _verb_line(s, code, block)
        if v is not None:
            for k in {v.word, *v.forms}:
                vd.verbs.setdefault(k, []).append(v)
    return vd


def expand_synset(vd: VerbDict, name: str, depth: int = 0) -> list[tuple[str, ...]]:
    """The members of a synset as word tuples, nested synsets expanded."""
    out: list[tuple[str, ...]] = []
    for m in vd.synsets.get(name, []):
        if len(m) == 1 and m[0].startswith("&") and depth < 4:
            out.extend(expand_synset(vd, m[0][1:], depth + 1))
        else:
            out.append(m)
    return out


@lru_cache(maxsize=8)
def load_verbs(path: str) -> VerbDict:
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as e:
        raise SitrepError(f"{path}: cannot read this verb file ({e})", input=path, reason="bad_verb_file") from e
    vd = parse_verbs(text)
    if not vd.verbs:
        raise SitrepError(f"{path}: no verb block (--- VERB [code] ---) in this verb file", input=path,
                          reason="bad_verb_file")
    return vd


@lru_cache(maxsize=8)
def load_discards(path: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(sentence-level phrases, story-level phrases), lower case; story-level ones start with ``+``."""
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as e:
        raise SitrepError(f"{path}: cannot read this discards file ({e})", input=path,
                          reason="bad_discard_file") from e
    sent, story = [], []
    for raw in text.splitlines():
        s = _strip(raw).strip()
        if not s or s.startswith("<"):
            continue
        (story if s.startswith("+") else sent).append(" ".join(s.lstrip("+").replace("_", " ").lower().split()))
    return tuple(p for p in sent if p), tuple(p for p in story if p)


@lru_cache(maxsize=8)
def load_cameo_plover(path: str | None = None) -> dict[str, str]:
    """CAMEO code (2 to 4 digits) -> PLOVER type, from a CAMEO2PLOVER-format file, a table in the
    bundled YAML layout (``data/cameo_plover.yaml``; ``data/weis_plover.yaml`` for dictionaries coded
    in WEIS) or the bundled CAMEO table."""
    raw = yaml.safe_load((DATA / "cameo_plover.yaml").read_text(encoding="utf-8"))
    rename = {k: v for k, v in (raw.get("rename") or {}).items() if k != "help"}
    out: dict[str, str] = {}
    if path and str(path).endswith((".yaml", ".yml")):
        try:
            own = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
            out = {str(code): spec["type"] for code, spec in own["codes"].items()}
        except (OSError, yaml.YAMLError, KeyError, TypeError) as e:
            raise SitrepError(f"{path}: cannot read this code table ({e})", input=path,
                              reason="bad_cameo_table") from e
    elif path:
        try:
            text = Path(path).read_text(encoding="utf-8", errors="replace")
        except OSError as e:
            raise SitrepError(f"{path}: cannot read this CAMEO->PLOVER table ({e})", input=path,
                              reason="bad_cameo_table") from e
        for line in text.splitlines():
            m = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
            if m and m.group(1) not in out:
                out[m.group(1)] = m.group(2)
    else:
        out = {str(code): spec["type"] for code, spec in raw["codes"].items()}
    return {k: rename.get(v, v) for k, v in out.items()}


def plover_type(code: str, table: dict[str, str]) -> str | None:
    code = code.strip()
    if not re.match(r"^\d{2,4}[A-Za-z]?$", code):
        return None
    for k in (code, code[:4], code[:3], code[:2]):
        if k in table:
            return table[k]
    return None
