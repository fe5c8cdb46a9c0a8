"""The actor dictionary: loading, validation and lookup.

Files (YAML lists of entries) are read in order: the generated
``data/actors-states.yaml`` (every state, from pycountry, by
``scripts/build_actors.py``), the hand-written ``data/actors.yaml``, then the
user's files (setting ``actors``). A later entry with the same ``name``
replaces the earlier one. Every entry is checked on load; a bad one raises a
SitrepError naming the file and the entry.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import yaml

from ..errors import SitrepError

DATA = Path(__file__).resolve().parent.parent / "data"
BUNDLED = (DATA / "actors-states.yaml", DATA / "actors.yaml")
TYPES = ("PERSON", "ORG", "GPE")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)     # libyaml where available: 10x faster
_KEYS = {"name", "type", "code", "aliases", "demonyms", "roles", "help", "dated_codes"}


@dataclass(frozen=True)
class Role:
    role: str
    code: str | None
    start: str | None      # ISO date or None (open)
    end: str | None

    def holds(self, day: str) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Actor:
    name: str
    type: str
    code: str | None
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    help: str = ""
    source: str = ""

    def role_on(self, day: str | None) -> Role | None:
        """The role that holds on ``day`` (ISO); without a date, the latest open role, else the latest."""
        if not self.roles:
            return None
        if day:
            held = [r for r in self.roles if r.holds(day)]
            return max(held, key=lambda r: r.start or "") if held else None
        return max(self.roles, key=lambda r: (r.end is None, r.start or ""))


@dataclass
class ActorDict:
    actors: dict[str, Actor] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    def phrases(self) -> Iterable[tuple[str, str, str]]:
        """(phrase, label, canonical name): names and aliases with the entry's type, demonyms as NORP."""
        for a in self.actors.values():
            for p in (a.name, *a.aliases):
                yield p, a.type, a.name
            names = {a.name, *a.aliases}
            for d in a.demonyms:
                if d in names:
                    continue
                yield d, "NORP", a.name
                if d[-1] in "ni" and d.isalpha():
                    yield d + "s", "NORP", a.name        # Russians, Israelis


def _date(v, where: str) -> str | None:
    if v is None:
        return None
    if isinstance(v, (_dt.date, _dt.datetime)):
        return v.isoformat()[:10]
    try:
        return _dt.date.fromisoformat(str(v)).isoformat()
    except ValueError:
        raise SitrepError(f"{where}: role date {v!r} is not an ISO date (YYYY-MM-DD)", input=where,
                          reason="bad_actor") from None


def _strs(v, key: str, where: str) -> tuple[str, ...]:
    if v is None:
        return ()
    if isinstance(v, str) or not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
        raise SitrepError(f"{where}: '{key}' must be a list of non-empty strings", input=where, reason="bad_actor")
    return tuple(x.strip() for x in v)


def parse_entry(e, where: str) -> Actor:
    if not isinstance(e, dict):
        raise SitrepError(f"{where}: an entry must be a mapping with name, type, help", input=where,
                          reason="bad_actor")
    name = e.get("name")
    if not isinstance(name, str) or not name.strip():
        raise SitrepError(f"{where}: entry without a name", input=where, reason="bad_actor")
    where = f"{where} ({name})"
    unknown = set(e) - _KEYS
    if unknown:
        raise SitrepError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}", input=where, reason="bad_actor")
    if e.get("type") not in TYPES:
        raise SitrepError(f"{where}: type must be one of {', '.join(TYPES)}, not {e.get('type')!r}", input=where,
                          reason="bad_actor")
    if not isinstance(e.get("help"), str) or not e["help"].strip():
        raise SitrepError(f"{where}: every entry needs a one-line 'help'", input=where, reason="bad_actor")
    code = e.get("code")
    if code is not None and not isinstance(code, str):
        raise SitrepError(f"{where}: code must be a string such as RUS or 'USA MIL'", input=where, reason="bad_actor")
    roles = []
    for r in e.get("roles") or []:
        if not isinstance(r, dict) or not isinstance(r.get("role"), str):
            raise SitrepError(f"{where}: each role needs 'role' (and from/to dates)", input=where, reason="bad_actor")
        roles.append(Role(r["role"], r.get("code") or code, _date(r.get("from"), where), _date(r.get("to"), where)))
    for r in e.get("dated_codes") or []:  # a code that holds over a period (read by the events stage)
        if not isinstance(r, dict) or not isinstance(r.get("code"), str):
            raise SitrepError(f"{where}: each dated code needs 'code' (and from/to dates)", input=where, reason="bad_actor")
        _date(r.get("from"), where), _date(r.get("to"), where)
    if roles and e["type"] != "PERSON":
        raise SitrepError(f"{where}: only PERSON entries have roles", input=where, reason="bad_actor")
    return Actor(name=name.strip(), type=e["type"], code=code, aliases=_strs(e.get("aliases"), "aliases", where),
                 demonyms=_strs(e.get("demonyms"), "demonyms", where), roles=tuple(roles), help=e["help"].strip(),
                 source=where.split(" (")[0])


def load_file(path: Path) -> list[Actor]:
    p = Path(path)
    if not p.is_file():
        raise SitrepError(f"{p}: actor file not found", input=str(p), reason="not_found")
    try:
        data = yaml.load(p.read_text(encoding="utf-8"), Loader=_LOADER)
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        msg = str(e).replace("\n", " ")
        raise SitrepError(f"{p}: not valid YAML ({msg})", input=str(p), reason="bad_actor") from None
    if data is None:
        return []
    if not isinstance(data, list):
        raise SitrepError(f"{p}: an actor file is a YAML list of entries", input=str(p), reason="bad_actor")
    return [parse_entry(e, f"{p} entry {i + 1}") for i, e in enumerate(data)]


def load(extra: Iterable[str | Path] = ()) -> ActorDict:
    d = ActorDict()
    for f in (*BUNDLED, *map(Path, extra)):
        for a in load_file(f):
            d.actors[a.name] = a
        d.files.append(str(f))
    return d
