"""User edits of figure tracks (split, merge, rename): stored as operations in
``track_edits`` and replayed in order after every build, so they survive a
rebuild; a replay reads and writes only the tracks the edits name."""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import delete, exists, insert, select, update

from ..errors import SitrepError
from ..model import record_id
from ..store import Store
from ..store import schema as S

__all__ = ["edit_split", "edit_merge", "edit_rename", "replay_edits"]

_BATCH = 500


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _add_edit(store: Store, op: str, data: dict) -> None:
    with store.engine.begin() as conn:
        conn.execute(insert(S.track_edits).values(op=op, data=data, at=_now()))
    replay_edits(store)


def _track_exists(store: Store, tid: str) -> dict:
    with store.engine.connect() as conn:
        r = conn.execute(select(S.tracks).where(S.tracks.c.id == tid)).mappings().first()
        if r is None and len(tid) >= 4:
            rs = conn.execute(select(S.tracks).where(S.tracks.c.id.like(tid + "%"))).mappings().all()
            r = rs[0] if len(rs) == 1 else None
    if r is None:
        raise SitrepError(f"{tid}: no such track (see `sitrep tracks`)", input=tid, reason="not_found")
    return dict(r)


def edit_rename(store: Store, track_id: str, name: str) -> str:
    tid = _track_exists(store, track_id)["id"]
    if not name.strip():
        raise SitrepError("name: a track's name cannot be empty", input="name", reason="empty")
    _add_edit(store, "rename", {"track": tid, "name": name.strip()})
    return tid


def edit_merge(store: Store, track_ids: list[str], name: str | None = None) -> str:
    if len(track_ids) < 2:
        raise SitrepError("merge: give two or more tracks", input="merge", reason="too_few")
    tids = [_track_exists(store, t)["id"] for t in track_ids]
    _add_edit(store, "merge", {"into": tids[0], "tracks": tids[1:]})
    if name:
        _add_edit(store, "rename", {"track": tids[0], "name": name})
    return tids[0]


def edit_split(store: Store, track_id: str, quantity_ids: list[str], name: str | None = None) -> str:
    """Move these figures of a track to a new track; returns the new track's id."""
    tid = _track_exists(store, track_id)["id"]
    with store.engine.connect() as conn:
        have = set(conn.execute(select(S.track_members.c.quantity_id)
                                .where(S.track_members.c.track_id == tid)).scalars())
    qids = sorted(set(quantity_ids))
    missing = [q for q in qids if q not in have]
    if missing or not qids:
        raise SitrepError(f"{(missing or ['(none)'])[0]}: not a figure of track {tid}", input=tid, reason="bad_split")
    if len(qids) == len(have):
        raise SitrepError(f"{tid}: a split must leave at least one figure in the track", input=tid, reason="bad_split")
    new = record_id("track", "", "split", tid, *qids)
    _add_edit(store, "split", {"track": tid, "new": new, "quantities": qids, "name": name})
    return new


def _edits(store: Store) -> list[dict]:
    with store.engine.connect() as conn:
        return [{"id": r.id, "op": r.op, **r.data} for r in
                conn.execute(select(S.track_edits).order_by(S.track_edits.c.id))]


def _redirects(store: Store) -> dict[str, str]:
    """Track id -> the track it was merged into (followed to the end)."""
    red: dict[str, str] = {}
    for e in _edits(store):
        if e["op"] == "merge":
            for t in e["tracks"]:
                red[t] = e["into"]
    for k in list(red):
        seen = {k}
        while red[k] in red and red[k] not in seen:
            seen.add(red[k])
            red[k] = red[red[k]]
    return red


def replay_edits(store: Store, only_new: bool = False) -> None:
    """Apply the stored edits in order (idempotent: applying twice changes
    nothing). Reads and writes only the tracks the edits name."""
    m, t = S.track_members, S.tracks
    named: set[str] = set()
    with store.engine.begin() as conn:
        for e in _edits(store):
            named.update(x for x in (e.get("into"), e.get("track"), e.get("new"), *(e.get("tracks") or ())) if x)
            if e["op"] == "merge":
                for src in e["tracks"]:
                    moving = conn.execute(select(m.c.quantity_id).where(m.c.track_id == src)).scalars().all()
                    if moving:
                        conn.execute(delete(m).where(m.c.track_id == e["into"], m.c.quantity_id.in_(moving)))
                        conn.execute(update(m).where(m.c.track_id == src).values(track_id=e["into"]))
                        conn.execute(update(m).where(m.c.track_id == e["into"], m.c.quantity_id.in_(moving))
                                     .values(why=_append_why(conn, e["into"], moving, f"merged by the user from {src}")))
                    conn.execute(delete(t).where(t.c.id == src))
                _mark_edited(conn, e["into"])
            elif e["op"] == "split":
                qids = e["quantities"]
                rows = conn.execute(select(m.c.quantity_id, m.c.track_id).where(m.c.quantity_id.in_(qids))).all()
                if not rows:
                    continue
                if conn.execute(select(t.c.id).where(t.c.id == e["new"])).first() is None:
                    old = conn.execute(select(t).where(t.c.id == e["track"])).mappings().first()
                    base = dict(old["data"] or {}) if old else {}
                    base.update(auto=False, split_from=e["track"])
                    conn.execute(insert(t).values(id=e["new"], name=e.get("name") or
                                                  f"{old['name'] if old else 'track'} (split)",
                                                  unit=old["unit"] if old else None,
                                                  subject=old["subject"] if old else None, data=base))
                for qid, cur in rows:
                    if cur == e["new"]:
                        continue
                    conn.execute(update(m).where(m.c.quantity_id == qid, m.c.track_id == cur)
                                 .values(track_id=e["new"]))
                _mark_edited(conn, e["new"])
            elif e["op"] == "rename":
                conn.execute(update(t).where(t.c.id == e["track"]).values(name=e["name"]))
                _mark_edited(conn, e["track"])
        # tracks left without figures (all split or merged away) are dropped
        named_ids = sorted(named)
        for i in range(0, len(named_ids), _BATCH):
            conn.execute(delete(t).where(t.c.id.in_(named_ids[i:i + _BATCH]),
                                         ~exists().where(m.c.track_id == t.c.id)))


def _append_why(conn, tid: str, qids: list[str], note: str):
    from sqlalchemy import literal
    return S.track_members.c.why + literal("; " + note)


def _mark_edited(conn, tid: str) -> None:
    r = conn.execute(select(S.tracks.c.data).where(S.tracks.c.id == tid)).first()
    if r is None:
        return
    data = dict(r.data or {})
    if not data.get("edited"):
        data["edited"] = True
        conn.execute(update(S.tracks).where(S.tracks.c.id == tid).values(data=data))
