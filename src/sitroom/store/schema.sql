-- sitroom database schema, version 1. Offsets are character offsets into documents.text.
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    doc_id        TEXT PRIMARY KEY,      -- derived from the normalised text
    path          TEXT,
    title         TEXT,
    source        TEXT,
    url           TEXT,
    published     TEXT,                  -- YYYY-MM-DD
    language      TEXT NOT NULL,
    fmt           TEXT,
    encoding      TEXT,
    dateline_date TEXT,
    text          TEXT NOT NULL,         -- exactly as decoded
    ingested_at   TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS places (
    place_key    TEXT PRIMARY KEY,       -- CC/kind/name
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL,
    admin1       TEXT,
    country_code TEXT NOT NULL,
    latitude     REAL,
    longitude    REAL,
    source       TEXT
);
CREATE TABLE IF NOT EXISTS actors (
    name TEXT PRIMARY KEY
);
CREATE TABLE IF NOT EXISTS events (
    event_id       TEXT PRIMARY KEY,
    doc_id         TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    event_type     TEXT NOT NULL,
    date_start     TEXT,
    date_end       TEXT,
    date_precision TEXT,
    actor1         TEXT,
    actor2         TEXT,
    place_key      TEXT REFERENCES places(place_key),
    country_code   TEXT,
    quantity       REAL,
    quantity_unit  TEXT,
    certainty      TEXT NOT NULL,
    attribution    TEXT,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    evidence_text  TEXT NOT NULL,
    record         TEXT NOT NULL         -- the full JSON object of the event contract
);
CREATE INDEX IF NOT EXISTS events_type_date ON events(event_type, date_start);
CREATE INDEX IF NOT EXISTS events_country ON events(country_code);
CREATE INDEX IF NOT EXISTS events_doc ON events(doc_id);
-- version 2: fused events (one real event, many reports) and their members
CREATE TABLE IF NOT EXISTS fused_events (
    fused_id     TEXT PRIMARY KEY,
    event_type   TEXT NOT NULL,
    block        TEXT NOT NULL,          -- country code of the block ('' when unlocated)
    date_start   TEXT,
    date_end     TEXT,
    best_date    TEXT,
    actor1       TEXT,
    country_code TEXT,
    certainty    TEXT NOT NULL,
    n_sources    INTEGER NOT NULL,
    record       TEXT NOT NULL           -- the fused event as JSON (mentions, sources, ranges)
);
CREATE TABLE IF NOT EXISTS fused_members (
    event_id TEXT PRIMARY KEY REFERENCES events(event_id) ON DELETE CASCADE,
    fused_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS fused_block ON fused_events(event_type, block);
CREATE INDEX IF NOT EXISTS fused_type_date ON fused_events(event_type, best_date);
CREATE INDEX IF NOT EXISTS events_block ON events(event_type, country_code);
-- a block is re-fused by deleting its fused events' members: found by fused_id, not by a scan
CREATE INDEX IF NOT EXISTS fused_members_fused ON fused_members(fused_id);
