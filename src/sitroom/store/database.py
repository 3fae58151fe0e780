"""The store: one Store object, one write path, a migrated schema; an SQLite file (WAL mode) by default, or a
PostgreSQL database given as a ``postgresql://`` URL.

Each document and its events are written in one transaction; a document whose
id is already stored is left as it is (re-ingesting changes nothing).
"""
from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date, datetime, timezone
from pathlib import Path

from sitroom.errors import StoreError
from sitroom.events.model import Event
from sitroom.store import migrate
from sitroom.store.backends import connect, display_name, is_postgres
from sitroom.store.filters import has_actor
from sitroom.store.reviews import Review, block_of, dumps, effective
from sitroom.text.document import Document

SCHEMA_REVISION = migrate.HEAD


class Store:
    """A sitroom database: an SQLite file or a PostgreSQL URL."""

    def __init__(self, target: str | Path, must_exist: bool = False, readonly: bool = False) -> None:
        self.target: str | Path = str(target) if is_postgres(target) else Path(target)
        self.name = display_name(self.target)
        if must_exist:
            require_database(target)
        self.conn = None
        self._has_reviews: bool | None = None
        try:
            self.conn = connect(self.target, readonly)
            if readonly:
                migrate.check_known(self.conn, self.target)
                if migrate.revision_of(self.conn) is None:
                    raise StoreError("not a sitroom database (no sitroom tables); create it with "
                                     "`sitroom ingest PATH --db ...`", self.name)
            else:
                migrate.upgrade(self.conn, self.target)
        except Exception as exc:  # noqa: BLE001 - sqlite3's and psycopg's errors alike become one message
            if self.conn is not None:
                self.conn.close()
            if isinstance(exc, StoreError):
                raise
            if not isinstance(exc, (sqlite3.Error, OSError)) and type(exc).__module__.split(".")[0] != "psycopg":
                raise
            raise StoreError(f"cannot open the database: {str(exc).strip().splitlines()[0]}"
                             f"{'' if readonly else _read_only_hint(self.target)}", self.name) from None

    # lifecycle ---------------------------------------------------------------
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    # writes ------------------------------------------------------------------
    def _changed(self) -> None:
        """Count a change of the stored picture (inside the writing transaction): readers that keep derived
        views (the web app) know from it when theirs are stale."""
        self.conn.execute("INSERT INTO meta(key, value) VALUES ('picture_version', '1') ON CONFLICT(key) DO UPDATE "
                          "SET value = CAST(CAST(meta.value AS INTEGER) + 1 AS TEXT)")

    def picture_version(self) -> str:
        """A value that changes whenever a document or a fused block is written ("0" on older files)."""
        row = self.conn.execute("SELECT value FROM meta WHERE key='picture_version'").fetchone()
        return row[0] if row else "0"

    def has_document(self, doc_id: str) -> bool:
        """Whether a document with this id is stored."""
        return self.conn.execute("SELECT 1 FROM documents WHERE doc_id=?", (doc_id,)).fetchone() is not None

    def add_document(self, doc: Document, fmt: str = "text", encoding: str = "utf-8") -> bool:
        """Store a document and its events in one transaction; False when it was already stored."""
        with self.conn.transaction():
            cur = self.conn.execute(
                "INSERT INTO documents(doc_id, path, title, source, url, published, language, fmt, encoding,"
                " dateline_date, text, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
                (doc.doc_id, doc.path, doc.title, doc.source, doc.url, _iso(doc.published), doc.language, fmt, encoding,
                 _iso(doc.dateline.date) if doc.dateline else None, doc.text,
                 datetime.now(timezone.utc).isoformat(timespec="seconds")))
            if cur.rowcount == 0:
                return False
            for ev in doc.events:
                self._insert_event(ev)
            self._changed()
        return True

    def _insert_event(self, ev: Event) -> None:
        record = ev.to_contract()
        loc = record["location"] or {}
        if ev.place is not None:
            self.conn.execute(
                "INSERT INTO places(place_key, name, kind, admin1, country_code, latitude, longitude, source)"
                " VALUES (?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
                (ev.place.key, ev.place.name, ev.place.kind, loc.get("admin1"), ev.place.country_code,
                 ev.place.lat, ev.place.lon, ev.place.source))
        for name in (ev.actor1, ev.actor2):
            if name:
                self.conn.execute("INSERT INTO actors(name) VALUES (?) ON CONFLICT DO NOTHING", (name,))
        self.conn.execute(
            "INSERT INTO events(event_id, doc_id, event_type, date_start, date_end, date_precision, actor1, actor2,"
            " place_key, country_code, quantity, quantity_unit, certainty, attribution, evidence_start, evidence_end,"
            " evidence_text, record) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (ev.event_id, ev.doc_id, ev.event_type, record["date_start"], record["date_end"], ev.date_precision,
             ev.actor1, ev.actor2, ev.place.key if ev.place else None, loc.get("country_code"), ev.quantity,
             record["quantity_unit"], ev.certainty, ev.attribution, ev.evidence.start, ev.evidence.end,
             ev.evidence.text, json.dumps(record, ensure_ascii=False)))

    # reads -------------------------------------------------------------------
    def query_events(self, event_type: str | None = None, country: str | None = None, actor: str | None = None,
                     since: date | None = None, until: date | None = None, doc_id: str | None = None,
                     limit: int | None = None, offset: int = 0) -> list[dict]:
        """Event records (the contract's JSON objects, as reviewed) matching the filters, in date order."""
        where, args = _conditions([
            ("event_type = ?", event_type), ("country_code = ?", country.upper() if country else None),
            ("(lower(actor1) LIKE ? OR lower(actor2) LIKE ?)", (f"%{actor.lower()}%",) * 2 if actor else None),
            ("coalesce(date_end, date_start) >= ?", since.isoformat() if since else None),
            ("date_start <= ?", until.isoformat() if until else None), ("doc_id = ?", doc_id)])
        reviewed = self.reviews()
        if not reviewed:
            sql = "SELECT record FROM events" + (" WHERE " + " AND ".join(where) if where else "")
            sql += " ORDER BY date_start IS NULL, date_start, doc_id, evidence_start, event_id"
            if limit is not None:
                sql += " LIMIT ? OFFSET ?"
                args += [limit, offset]
            return [json.loads(r[0]) for r in self.conn.execute(sql, args)]
        # reviewed events are matched on their reviewed values, the others in SQL as stored
        rows = [json.loads(r[0]) for r in self.conn.execute(
            "SELECT record FROM events" + (" WHERE " + " AND ".join(where) if where else ""), args)]
        rows = [r for r in rows if r["event_id"] not in reviewed]
        for record in self._records(list(reviewed)):
            r = effective(record, reviewed[record["event_id"]])
            if _matches(r, event_type, country, actor, since, until, doc_id):
                rows.append(r)
        rows.sort(key=lambda r: (r.get("date_start") is None, r.get("date_start") or "", r["doc_id"],
                                 (r.get("evidence") or {}).get("start", 0), r["event_id"]))
        return rows[offset:offset + limit] if limit is not None else rows

    def _records(self, event_ids: list[str]) -> list[dict]:
        """The extracted records of these events (those stored)."""
        return [json.loads(r[0]) for r in self._rows_of("SELECT record FROM events e ", event_ids)]

    def _rows_of(self, select: str, event_ids: list[str]) -> Iterator[tuple]:
        """The rows of ``select`` (on events aliased ``e``) for these event ids, a few hundred ids per query."""
        for i in range(0, len(event_ids), 500):
            chunk = event_ids[i:i + 500]
            yield from self.conn.execute(select + f"WHERE e.event_id IN ({','.join('?' * len(chunk))})", chunk)

    # reviews -----------------------------------------------------------------
    def reviews(self) -> dict[str, Review]:
        """Every reviewed event's merged review (empty for a database written before reviews existed)."""
        if self._has_reviews is None:
            self._has_reviews = migrate.has_table(self.conn, "reviews")
        if not self._has_reviews:
            return {}
        out: dict[str, Review] = {}
        for event_id, action, changes, note in self.conn.execute(
                "SELECT event_id, action, changes, note FROM reviews ORDER BY review_id"):
            out.setdefault(event_id, Review()).add(action, json.loads(changes) if changes else None, note)
        return out

    def review_log(self) -> list[dict]:
        """Every review as it was made, oldest first."""
        if not migrate.has_table(self.conn, "reviews"):
            return []
        return [{**r, "changes": json.loads(r["changes"]) if r["changes"] else None} for r in self.conn.dicts(
            "SELECT review_id, event_id, action, changes, note, reviewer, created_at FROM reviews ORDER BY review_id")]

    def add_review(self, event_id: str, action: str, changes: dict | None = None, note: str | None = None,
                   reviewer: str | None = None) -> set[tuple[str, str]]:
        """Store one review of a stored event; returns the blocks to fuse again (where it was and where it is)."""
        with self.conn.transaction():
            row = self.conn.execute("SELECT record FROM events WHERE event_id=?", (event_id,)).fetchone()
            if row is None:
                raise StoreError(f"no event {event_id} (give an event id from `sitroom events` or a fused id "
                                 "from `sitroom events --fused`)", self.name)
            record = json.loads(row[0])
            review = self.reviews().get(event_id)
            before = effective(record, review)
            self.conn.execute("INSERT INTO reviews(event_id, action, changes, note, reviewer, created_at)"
                              " VALUES (?,?,?,?,?,?)", (event_id, action, dumps(changes), note, reviewer,
                                                        datetime.now(timezone.utc).isoformat(timespec="seconds")))
            after_review = review or Review()
            after_review.add(action, changes, note)
            after = effective(record, after_review)
            self._changed()
        return {block_of(before), block_of(after)}

    def has_event(self, event_id: str) -> bool:
        """Whether an event with this id is stored."""
        return self.conn.execute("SELECT 1 FROM events WHERE event_id=?", (event_id,)).fetchone() is not None

    def reviewable(self, target: str) -> list[str]:
        """The event ids a review of ``target`` applies to: the event itself, or each report of a fused event
        (empty when it is neither)."""
        if self.has_event(target):
            return [target]
        return [r[0] for r in self.conn.execute("SELECT event_id FROM fused_members WHERE fused_id=? ORDER BY event_id",
                                                (target,))]

    # fusion -----------------------------------------------------------------
    def all_blocks(self) -> set[tuple[str, str]]:
        """Every (event type, country) block."""
        rows = self.conn.execute("SELECT DISTINCT event_type, coalesce(country_code, '') FROM events")
        blocks = {(r[0], r[1]) for r in rows}
        reviewed = self.reviews()
        return blocks | {block_of(effective(r, reviewed[r["event_id"]])) for r in self._records(list(reviewed))}

    def block_members(self, event_type: str, block: str):
        """The stored events of one block with their documents' outlet and publication date."""
        from sitroom.fuse.model import Member

        select = "SELECT e.record, d.source, d.url, d.path, d.published FROM events e JOIN documents d USING (doc_id) "
        rows = self.conn.execute(select + "WHERE e.event_type = ? AND coalesce(e.country_code, '') = ?",
                                 (event_type, block))
        reviewed = self.reviews()
        members = [Member(json.loads(r[0]), _outlet(r[1], r[2], r[3]), r[4]) for r in rows]
        if not reviewed:
            return members
        # reviewed events count where their review puts them, and not at all when rejected
        members = [m for m in members if m.record["event_id"] not in reviewed]
        for r in self._rows_of(select, list(reviewed)):
            record = json.loads(r[0])
            review = reviewed[record["event_id"]]
            mine = effective(record, review)
            if review.status != "rejected" and block_of(mine) == (event_type, block):
                members.append(Member(mine, _outlet(r[1], r[2], r[3]), r[4]))
        return members

    def block_size(self, event_type: str, block: str) -> int:
        """How many stored events a block holds (events are only ever added: an equal count is the same set)."""
        return self.conn.execute("SELECT count(*) FROM events WHERE event_type = ? AND coalesce(country_code, '') = ?",
                                 (event_type, block)).fetchone()[0]

    def unfused_blocks(self) -> set[tuple[str, str]]:
        """Blocks holding events that belong to no fused event: left so by an ingest stopped before it fused
        (killed, power cut), and fused by the next one."""
        rows = self.conn.execute(
            "SELECT e.event_id, e.event_type, coalesce(e.country_code, '') FROM events e "
            "LEFT JOIN fused_members m ON m.event_id = e.event_id WHERE m.event_id IS NULL")
        reviewed = self.reviews()
        return {(r[1], r[2]) for r in rows if r[0] not in reviewed or reviewed[r[0]].status != "rejected"}

    def replace_block(self, event_type: str, block: str, fused: list[dict], seen: int | None = None,
                      recompute: Callable[[], list[dict]] | None = None) -> int:
        """Swap one block's fused events for new ones, in one transaction; returns how many were written.

        ``seen`` is the number of events ``fused`` was computed from: when another writer added events to the
        block since, ``recompute()`` fuses it again inside this transaction, so the last writer never stores
        a picture older than the events.
        """
        with self.conn.transaction():
            self.conn.lock_block(f"{event_type}/{block}")
            if recompute is not None and seen is not None and self.block_size(event_type, block) != seen:
                fused = recompute()
            old = [r[0] for r in self.conn.execute("SELECT fused_id FROM fused_events WHERE event_type=? AND block=?",
                                                   (event_type, block))]
            self.conn.executemany("DELETE FROM fused_members WHERE fused_id=?", [(f,) for f in old])
            self.conn.execute("DELETE FROM fused_events WHERE event_type=? AND block=?", (event_type, block))
            self._changed()
            for f in fused:
                loc = f.get("location") or {}
                self.conn.execute(
                    "INSERT INTO fused_events(fused_id, event_type, block, date_start, date_end, best_date, actor1,"
                    " country_code, certainty, n_sources, record) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (f["fused_id"], f["event_type"], block, f["date_start"], f["date_end"], f["best_date"], f["actor1"],
                     loc.get("country_code"), f["certainty"], f["n_sources"], json.dumps(f, ensure_ascii=False)))
                self.conn.executemany("INSERT INTO fused_members(event_id, fused_id) VALUES (?, ?) "
                                      "ON CONFLICT(event_id) DO UPDATE SET fused_id = excluded.fused_id",
                                      [(m["event_id"], f["fused_id"]) for m in f["mentions"]])
        return len(fused)

    def fused_events(self, event_type: str | None = None, country: str | None = None, since: date | None = None,
                     until: date | None = None, types: tuple[str, ...] | None = None) -> list[dict]:
        """Fused event records matching the filters, in date order."""
        where, args = _fused_conditions(event_type, country, since, until, types)
        sql = "SELECT record FROM fused_events" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY best_date IS NULL, best_date, event_type, fused_id"
        return [json.loads(r[0]) for r in self.conn.execute(sql, args)]

    def fused_page(self, event_type: str | None = None, country: str | None = None, since: date | None = None,
                   until: date | None = None, sort: str = "date", limit: int = 200,
                   offset: int = 0) -> tuple[int, list[dict]]:
        """(number matching, one page of fused event records) with the filters of ``fused_events``, sorted by
        best date or number of sources (``-`` first for descending) in SQL, so only the page is parsed."""
        where, args = _fused_conditions(event_type, country, since, until)
        condition = " WHERE " + " AND ".join(where) if where else ""
        total = self.conn.execute("SELECT count(*) FROM fused_events" + condition, args).fetchone()[0]
        column = {"date": "coalesce(best_date, '9999')", "sources": "n_sources"}[sort.lstrip("-")]
        direction = " DESC" if sort.startswith("-") else ""
        rows = self.conn.execute(f"SELECT record FROM fused_events{condition} ORDER BY {column}{direction}, "
                                 f"fused_id{direction} LIMIT ? OFFSET ?", [*args, limit, offset])
        return total, [json.loads(r[0]) for r in rows]

    def facets(self) -> dict:
        """First and last best day, event types, countries and actors of the fused events (for filters)."""
        first, last = self.conn.execute("SELECT min(best_date), max(best_date) FROM fused_events").fetchone()
        column = lambda sql: [r[0] for r in self.conn.execute(sql)]  # noqa: E731
        return {"first_day": first, "last_day": last,
                "event_types": column("SELECT DISTINCT event_type FROM fused_events ORDER BY 1"),
                "countries": column("SELECT DISTINCT country_code FROM fused_events WHERE country_code IS NOT NULL "
                                    "ORDER BY 1"),
                "actors": column("SELECT DISTINCT actor1 FROM fused_events WHERE actor1 IS NOT NULL AND actor1 != '' "
                                 "ORDER BY 1")}

    def counts(self) -> dict[str, int]:
        """Number of documents and events stored."""
        docs = self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        evs = self.conn.execute("SELECT count(*) FROM events").fetchone()[0]
        fused = self.conn.execute("SELECT count(*) FROM fused_events").fetchone()[0]
        return {"documents": docs, "events": evs, "fused_events": fused}

    def documents(self) -> list[dict]:
        """Metadata of stored documents."""
        return self.conn.dicts("SELECT doc_id, path, title, source, url, published, language FROM documents "
                               "ORDER BY published, doc_id")

    def document(self, doc_id: str) -> dict | None:
        """One document's metadata and text, or None."""
        rows = self.conn.dicts("SELECT doc_id, path, title, source, url, published, language, text FROM documents "
                               "WHERE doc_id=?", (doc_id,))
        return rows[0] if rows else None

    def fused_event(self, fused_id: str) -> dict | None:
        """One fused event's record, or None."""
        row = self.conn.execute("SELECT record FROM fused_events WHERE fused_id=?", (fused_id,)).fetchone()
        return json.loads(row[0]) if row else None


def _conditions(pairs: list[tuple[str, object]]) -> tuple[list[str], list]:
    """SQL conditions and their arguments for the filters that are set (a tuple value fills several ``?``)."""
    where, args = [], []
    for condition, value in pairs:
        if value is None or value == "":
            continue
        where.append(condition)
        args += list(value) if isinstance(value, tuple) else [value]
    return where, args


def _fused_conditions(event_type: str | None, country: str | None, since: date | None, until: date | None,
                      types: tuple[str, ...] | None = None) -> tuple[list[str], list]:
    """The filters of fused events (type or types, country, an overlap with the period) as SQL conditions."""
    return _conditions([
        ("event_type = ?", event_type),
        (f"event_type IN ({','.join('?' * len(types))})" if types else "", tuple(types) if types else None),
        ("country_code = ?", country.upper() if country else None),
        ("coalesce(date_end, best_date) >= ?", since.isoformat() if since else None),
        ("coalesce(best_date, date_start) <= ?", until.isoformat() if until else None)])


def _outlet(source: str | None, url: str | None, path: str | None) -> str:
    """The outlet a document comes from: its source name, else its web site, else its file."""
    if source:
        return source.strip()
    if url:
        from urllib.parse import urlparse

        host = urlparse(url).hostname or ""
        if host:
            return host.removeprefix("www.")
    return f"file:{Path(path).name}" if path else "unknown"


def require_database(target: str | Path) -> None:
    """Stop with a StoreError unless the SQLite file exists (a PostgreSQL URL is checked by connecting);
    a folder on its way that cannot be read is named too."""
    if is_postgres(target):
        return
    try:
        exists = Path(target).is_file()
    except OSError as exc:
        raise StoreError(f"cannot be reached: {exc.strerror or exc}", str(target)) from None
    if not exists:
        raise StoreError("no such database; create it with `sitroom ingest PATH --db FILE`", str(target))


def _matches(r: dict, event_type: str | None, country: str | None, actor: str | None, since: date | None,
             until: date | None, doc_id: str | None) -> bool:
    """The filters of query_events, on one record."""
    loc = r.get("location") or {}
    start, end = r.get("date_start"), r.get("date_end") or r.get("date_start")
    return ((not event_type or r["event_type"] == event_type)
            and (not country or loc.get("country_code") == country.upper())
            and has_actor(r, actor) and (not doc_id or r["doc_id"] == doc_id)
            and (not since or (end is not None and end >= since.isoformat()))
            and (not until or (start is not None and start <= until.isoformat())))


def _read_only_hint(target: str | Path) -> str:
    """Why a writer could not open an SQLite file that readers can: the file or its folder is read-only."""
    path = Path(target)
    try:
        if is_postgres(target) or not path.is_file() or (
                os.access(path, os.W_OK) and os.access(path.absolute().parent, os.W_OK)):
            return ""
    except OSError:  # a folder on the way cannot be read: the message already says so
        return ""
    return ("; the file or its folder is read-only (summary, events, control, report, export and serve "
            "still read it; ingest and fuse need to write)")


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None
