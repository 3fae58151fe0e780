"""Store and ingest_documents with RawDocuments read from real files: idempotence, atomicity, queries, the file."""
from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from sitroom.errors import StoreError
from sitroom.ingest import Metadata, RawDocument, read_file
from sitroom.store import SCHEMA_REVISION, Store, ingest_documents

HERAT_ZH = "塔利班12日攻占阿富汗西部城市赫拉特。阿富汗政府军已撤至城外机场。\n"
KANDAHAR_EN = ("KABUL, Aug 13 (Example Wire) - The Taliban captured Kandahar, the second-largest city of Afghanistan, "
               "on Friday, officials said.\n\nIn Washington, the Pentagon said on Thursday that about 3,000 U.S. troops "
               "would fly into Kabul airport to help evacuate embassy staff.\n")
KHERSON_EN = ("KYIV, Nov 11 (Example Wire) - Ukrainian forces entered the southern city of Kherson on Friday after "
              "Russia withdrew its troops across the Dnipro River.\n")

ARTICLES = {
    "herat_zh": (HERAT_ZH, {"published": "2021-08-13", "language": "zh", "source": "样例通讯社"}),
    "kandahar_en": (KANDAHAR_EN, {"published": "2021-08-13", "source": "Example Wire"}),
    "kherson_en": (KHERSON_EN, {"published": "2022-11-11", "source": "Example Wire"}),
}


def write_article(folder: Path, name: str, text: str, meta: dict | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    if meta:
        (folder / f"{name}.meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    return path


def raw(path: Path) -> RawDocument:
    [doc] = list(read_file(path, Metadata()))
    assert isinstance(doc, RawDocument), doc
    return doc


@pytest.fixture
def articles(tmp_path: Path) -> dict[str, RawDocument]:
    return {name: raw(write_article(tmp_path / "in", name, text, meta)) for name, (text, meta) in ARTICLES.items()}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "picture.sqlite"


@pytest.fixture
def filled(db: Path, articles: dict[str, RawDocument]) -> Store:
    store = Store(db)
    report = ingest_documents(store, list(articles.values()))
    assert report.failures == []
    assert report.new == 3
    yield store
    store.close()


def table_counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "events", "places", "actors")}


# --- ingest counts and idempotence ---------------------------------------------------------------------------------

def test_new_then_unchanged(db: Path, articles: dict[str, RawDocument]) -> None:
    with Store(db) as store:
        first = ingest_documents(store, list(articles.values()))
        assert (first.new, first.unchanged, first.failures) == (3, 0, [])
        assert first.events >= 4  # Herat; Kandahar and the troops; Kherson
        assert {k: v for k, v in store.counts().items() if k != "fused_events"} == {"documents": 3, "events": first.events}
        second = ingest_documents(store, list(articles.values()))
        assert (second.new, second.unchanged, second.events, second.failures) == (0, 3, 0, [])
        assert {k: v for k, v in store.counts().items() if k != "fused_events"} == {"documents": 3, "events": first.events}


def test_stored_document_row(filled: Store, articles: dict[str, RawDocument]) -> None:
    docs = {d["doc_id"]: d for d in filled.documents()}
    herat = articles["herat_zh"]
    row = docs[herat.doc_id]
    assert row["path"] == herat.path
    assert row["published"] == "2021-08-13"
    assert row["language"] == "zh"
    assert row["source"] == "样例通讯社"
    text = filled.conn.execute("SELECT text FROM documents WHERE doc_id=?", (herat.doc_id,)).fetchone()[0]
    assert text == HERAT_ZH


def test_same_article_other_whitespace_and_file_name_changes_nothing(tmp_path: Path, db: Path,
                                                                      articles: dict[str, RawDocument]) -> None:
    with Store(db) as store:
        ingest_documents(store, list(articles.values()))
    before = table_counts(db)
    # Re-wrapped: CRLF, blank lines, indentation, spaces between Chinese characters, full-width indentation.
    herat_again = "\r\n\u3000\u3000塔利班 12日 攻占阿富汗西部城市 赫拉特。\r\n\r\n阿富汗政府军 已撤至城外机场。  \r\n"
    kandahar_again = "  " + KANDAHAR_EN.replace(" ", "  ").replace("\n\n", "\n\n\n") + "\n\n"
    again = [raw(write_article(tmp_path / "copies", "copy_of_herat", herat_again, {"published": "2021-08-14"})),
             raw(write_article(tmp_path / "copies", "kandahar (1)", kandahar_again))]
    assert again[0].text != HERAT_ZH and again[1].text != KANDAHAR_EN
    assert again[0].doc_id == articles["herat_zh"].doc_id
    assert again[1].doc_id == articles["kandahar_en"].doc_id
    with Store(db) as store:
        report = ingest_documents(store, again)
        assert (report.new, report.unchanged, report.events, report.failures) == (0, 2, 0, [])
        paths = {d["path"] for d in store.documents()}
    assert table_counts(db) == before
    assert str(tmp_path / "copies" / "copy_of_herat.txt") not in paths


def test_different_article_gets_another_id(articles: dict[str, RawDocument], tmp_path: Path) -> None:
    edited = raw(write_article(tmp_path / "e", "herat", HERAT_ZH.replace("12日", "13日")))
    assert edited.doc_id != articles["herat_zh"].doc_id


def test_errors_in_items_are_reported_and_the_rest_stored(db: Path, tmp_path: Path,
                                                          articles: dict[str, RawDocument]) -> None:
    empty = tmp_path / "in" / "empty.txt"
    empty.write_bytes(b"")
    items = list(read_file(empty, Metadata())) + [articles["herat_zh"]]
    with Store(db) as store:
        report = ingest_documents(store, items)
        assert report.new == 1
        assert report.failures == [f"{empty}: file is empty"]
        assert store.has_document(articles["herat_zh"].doc_id)


# --- atomicity -------------------------------------------------------------------------------------------------

def test_document_and_its_events_are_written_together(db: Path, articles: dict[str, RawDocument],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    target = articles["kandahar_en"]
    real_insert = Store._insert_event
    inserted: list[str] = []

    def insert_then_fail(self: Store, ev) -> None:
        if ev.doc_id == target.doc_id and inserted.count(target.doc_id) >= 1:
            raise RuntimeError("disk I/O error while writing the second event")
        real_insert(self, ev)
        inserted.append(ev.doc_id)

    monkeypatch.setattr(Store, "_insert_event", insert_then_fail)
    with Store(db) as store:
        report = ingest_documents(store, [articles["herat_zh"], target, articles["kherson_en"]])
    assert inserted.count(target.doc_id) == 1  # the first event was written before the failure

    assert report.new == 2
    assert len(report.failures) == 1
    line = report.failures[0]
    assert line.startswith(f"{target.path}: ")
    assert "disk I/O error" in line
    assert "\n" not in line and "Traceback" not in line

    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM documents WHERE doc_id=?", (target.doc_id,)).fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM events WHERE doc_id=?", (target.doc_id,)).fetchone()[0] == 0
        # the place of the rolled-back event was not left behind either
        assert conn.execute("SELECT count(*) FROM places WHERE name='Kandahar'").fetchone()[0] == 0
        stored = {r[0] for r in conn.execute("SELECT doc_id FROM documents")}
        event_docs = {r[0] for r in conn.execute("SELECT doc_id FROM events")}
    assert stored == {articles["herat_zh"].doc_id, articles["kherson_en"].doc_id}
    assert event_docs == stored

    # once the fault is gone the same document goes in whole
    monkeypatch.setattr(Store, "_insert_event", real_insert)
    with Store(db) as store:
        retry = ingest_documents(store, [target])
        assert (retry.new, retry.failures) == (1, [])
        assert len(store.query_events(doc_id=target.doc_id)) == retry.events >= 2


# --- queries ---------------------------------------------------------------------------------------------------

def _place(r: dict) -> str | None:
    return (r["location"] or {}).get("name")


def test_all_events_carry_the_contract(filled: Store, articles: dict[str, RawDocument]) -> None:
    rows = filled.query_events()
    assert len(rows) == filled.counts()["events"]
    texts = {d.doc_id: d.text for d in articles.values()}
    for r in rows:
        ev = r["evidence"]
        assert texts[r["doc_id"]][ev["start"]:ev["end"]] == ev["text"]
    captures = {(_place(r), r["actor1"], r["date_start"]) for r in rows if r["event_type"] == "territory_captured"}
    assert ("Herat", "Taliban", "2021-08-12") in captures
    assert ("Kandahar", "Taliban", "2021-08-13") in captures
    assert any(p == "Kherson" and d == "2022-11-11" for p, _, d in captures)
    starts = [r["date_start"] for r in rows if r["date_start"]]
    assert starts == sorted(starts)


def test_query_by_type(filled: Store) -> None:
    rows = filled.query_events()
    captured = filled.query_events(event_type="territory_captured")
    assert captured == [r for r in rows if r["event_type"] == "territory_captured"]
    assert {_place(r) for r in captured} >= {"Herat", "Kandahar", "Kherson"}
    assert len(captured) < len(rows)
    assert filled.query_events(event_type="no_such_type") == []


def test_query_by_country(filled: Store) -> None:
    rows = filled.query_events()
    ukraine = filled.query_events(country="ua")  # case-insensitive
    assert ukraine == [r for r in rows if (r["location"] or {}).get("country_code") == "UA"]
    assert ukraine and all(r["doc_id"] == rows_doc(rows, "Kherson") for r in ukraine)
    afghanistan = filled.query_events(country="AF")
    assert {_place(r) for r in afghanistan} >= {"Herat", "Kandahar"}
    assert "Kherson" not in {_place(r) for r in afghanistan}


def rows_doc(rows: list[dict], place: str) -> str:
    return next(r["doc_id"] for r in rows if _place(r) == place)


def test_query_by_actor(filled: Store) -> None:
    rows = filled.query_events()
    taliban = filled.query_events(actor="TALIBAN")
    assert taliban == [r for r in rows if "taliban" in f"{r['actor1']} {r['actor2']}".lower()]
    assert {_place(r) for r in taliban} >= {"Herat", "Kandahar"}
    russia = filled.query_events(actor="russia")  # matches actor1 or actor2
    assert russia and all("russia" in f"{r['actor1']} {r['actor2']}".lower() for r in russia)
    assert all(_place(r) != "Herat" for r in russia)


def test_query_by_dates(filled: Store) -> None:
    rows = filled.query_events()
    late = filled.query_events(since=date(2022, 1, 1))
    assert late == [r for r in rows if (r["date_end"] or r["date_start"] or "") >= "2022-01-01"]
    assert late and {_place(r) for r in late} == {"Kherson"}
    early = filled.query_events(until=date(2021, 8, 12))
    assert early == [r for r in rows if r["date_start"] and r["date_start"] <= "2021-08-12"]
    assert "Herat" in {_place(r) for r in early}
    assert "Kandahar" not in {_place(r) for r in early if r["event_type"] == "territory_captured"}
    window = filled.query_events(since=date(2021, 8, 13), until=date(2021, 8, 13), event_type="territory_captured")
    assert [(_place(r), r["actor1"]) for r in window] == [("Kandahar", "Taliban")]


def test_query_combined_and_paged(filled: Store) -> None:
    af_taliban = filled.query_events(country="AF", actor="taliban", event_type="territory_captured",
                                     since=date(2021, 8, 1), until=date(2021, 8, 31))
    assert [_place(r) for r in af_taliban] == ["Herat", "Kandahar"]
    rows = filled.query_events()
    assert filled.query_events(limit=2) == rows[:2]
    assert filled.query_events(limit=2, offset=1) == rows[1:3]


# --- the database file --------------------------------------------------------------------------------------------

def test_wal_mode_and_schema_revision(db: Path) -> None:
    with Store(db):
        pass
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert revision == SCHEMA_REVISION == "0004"
    assert {"events_type_date", "events_block", "fused_block", "fused_members_fused", "reviews_event"} <= indexes
    with Store(db) as store:  # reopening keeps it
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert {k: v for k, v in store.counts().items() if k != "fused_events"} == {"documents": 0, "events": 0}


LEGACY_V2 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (doc_id TEXT PRIMARY KEY, path TEXT, title TEXT, source TEXT, url TEXT, published TEXT,
    language TEXT NOT NULL, fmt TEXT, encoding TEXT, dateline_date TEXT, text TEXT NOT NULL, ingested_at TEXT NOT NULL);
CREATE TABLE places (place_key TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, admin1 TEXT,
    country_code TEXT NOT NULL, latitude REAL, longitude REAL, source TEXT);
CREATE TABLE actors (name TEXT PRIMARY KEY);
CREATE TABLE events (event_id TEXT PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    event_type TEXT NOT NULL, date_start TEXT, date_end TEXT, date_precision TEXT, actor1 TEXT, actor2 TEXT,
    place_key TEXT REFERENCES places(place_key), country_code TEXT, quantity REAL, quantity_unit TEXT,
    certainty TEXT NOT NULL, attribution TEXT, evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL,
    evidence_text TEXT NOT NULL, record TEXT NOT NULL);
CREATE TABLE fused_events (fused_id TEXT PRIMARY KEY, event_type TEXT NOT NULL, block TEXT NOT NULL,
    date_start TEXT, date_end TEXT, best_date TEXT, actor1 TEXT, country_code TEXT, certainty TEXT NOT NULL,
    n_sources INTEGER NOT NULL, record TEXT NOT NULL);
CREATE TABLE fused_members (event_id TEXT PRIMARY KEY REFERENCES events(event_id) ON DELETE CASCADE,
    fused_id TEXT NOT NULL);
INSERT INTO meta VALUES ('schema_version', '2');
"""


def test_a_file_written_before_alembic_is_stamped_and_upgraded_keeping_its_documents(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as conn:
        conn.executescript(LEGACY_V2)
        conn.execute("INSERT INTO documents(doc_id, language, text, ingested_at) VALUES ('abc', 'en', 'x', 'now')")
    with Store(path, readonly=True) as store:  # a reader takes it as it is
        assert store.counts()["documents"] == 1
    with Store(path) as store:  # a writer upgrades it
        assert store.counts()["documents"] == 1
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == SCHEMA_REVISION
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name='fused_members_fused'").fetchone()[0] == 1


def test_non_database_file_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("塔利班12日攻占阿富汗西部城市赫拉特。\n" * 200, encoding="utf-8")
    with pytest.raises(StoreError) as info:
        Store(path)
    assert info.value.path == str(path)
    assert str(info.value).startswith(f"{path}: ")
    assert "database" in info.value.message
    assert path.read_text(encoding="utf-8").startswith("塔利班")  # left as it was


def test_missing_database_with_must_exist(tmp_path: Path) -> None:
    path = tmp_path / "nope.sqlite"
    with pytest.raises(StoreError) as info:
        Store(path, must_exist=True)
    assert info.value.path == str(path)
    assert not path.exists()


def test_newer_schema_is_refused(db: Path) -> None:
    with Store(db) as store, store.conn.transaction():
        store.conn.execute("UPDATE alembic_version SET version_num='0099'")
    for readonly in (False, True):
        with pytest.raises(StoreError, match="0099.*upgrade sitroom"):
            Store(db, readonly=readonly)
    with sqlite3.connect(db) as conn:  # nothing was touched
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0099"


def test_a_block_fused_before_another_writer_added_to_it_is_fused_again_not_stored_stale(
        db: Path, articles: dict[str, RawDocument]) -> None:
    from sitroom.store.fusion import fuse_block

    with Store(db) as first:
        ingest_documents(first, [articles["kandahar_en"]])
        stale, seen = fuse_block(first, "territory_captured", "AF")  # read, as a slow writer would
        with Store(db) as second:  # meanwhile another ingest adds Herat to the same block and fuses it
            assert ingest_documents(second, [articles["herat_zh"]]).new == 1
        assert first.block_size("territory_captured", "AF") == seen + 1
        first.replace_block("territory_captured", "AF", stale, seen,
                            recompute=lambda: fuse_block(first, "territory_captured", "AF")[0])
        assert first.unfused_blocks() == set()  # every event of the block belongs to a fused event
        places = {f["location"]["name"] for f in first.fused_events(event_type="territory_captured", country="AF")}
        assert {"Kandahar", "Herat"} <= places


def test_a_migration_that_fails_half_way_leaves_no_half_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import alembic.op

    path = tmp_path / "half.sqlite"

    def killed(*args, **kwargs):
        raise RuntimeError("killed while creating indexes")

    monkeypatch.setattr(alembic.op, "create_index", killed)  # tables of 0001 are created, then this fails
    with pytest.raises(RuntimeError):
        Store(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall() == []
    monkeypatch.undo()
    with Store(path) as store:  # the next run starts from nothing and completes
        assert store.counts()["documents"] == 0


def test_a_database_in_a_folder_that_cannot_be_read_is_one_error_for_every_verb(tmp_path: Path, monkeypatch) -> None:
    from click.testing import CliRunner

    from sitroom.cli import main

    hidden = tmp_path / "locked" / "picture.sqlite"
    real_is_file, real_connect = Path.is_file, sqlite3.connect

    def is_file(self):  # root reads every folder: the refusal of a locked one is simulated
        if "locked" in str(self):
            raise PermissionError(13, "Permission denied", str(self))
        return real_is_file(self)

    def connect(database, *args, **kwargs):
        if "locked" in str(database):
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(database, *args, **kwargs)

    monkeypatch.setattr(Path, "is_file", is_file)
    monkeypatch.setattr(sqlite3, "connect", connect)
    for verb in (["summary"], ["events"], ["control"], ["report"], ["export", "--format", "jsonl"], ["fuse"],
                 ["serve"], ["ingest", str(Path(__file__).resolve().parents[1] / "examples" / "corpus" / "wire.jsonl")]):
        result = CliRunner().invoke(main, [*verb, "--db", str(hidden)])
        assert result.exit_code != 0 and "Traceback" not in result.output and result.exception is None or \
            isinstance(result.exception, SystemExit), (verb, result.output)
        assert str(hidden) in result.output and ("Permission denied" in result.output or "unable to open" in
                                                 result.output), (verb, result.output)
