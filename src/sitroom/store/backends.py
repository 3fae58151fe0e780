"""The two databases a store can live in: an SQLite file (embedded, the default) or PostgreSQL (a server
shared by several machines), behind one small connection interface that the Store's SQL is written for.

The SQL is written once, in the dialect both understand (``?`` placeholders, ``ON CONFLICT`` upserts,
``coalesce``); the PostgreSQL connection turns ``?`` into psycopg's ``%s``.
"""
from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

POSTGRES_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")
BUSY_TIMEOUT_S = 60.0  # how long a writer waits for another one (two ingests into one file)


def is_postgres(target: str | Path) -> bool:
    """Whether ``--db`` names a PostgreSQL database (a ``postgresql://`` URL) rather than an SQLite file."""
    return isinstance(target, str) and target.startswith(POSTGRES_SCHEMES)


def display_name(target: str | Path) -> str:
    """The database as shown to the user: the file, or the URL without its password."""
    if not is_postgres(target):
        return str(target)
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(str(target))
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        parts = parts._replace(netloc=netloc)
    return urlunsplit(parts)


class Connection:
    """What the Store needs of a database connection."""

    dialect = "?"

    def execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        """Run one statement; the result iterates over rows (indexable) and has ``fetchone`` and ``rowcount``."""
        raise NotImplementedError

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one statement for each row of arguments."""
        raise NotImplementedError

    def dicts(self, sql: str, args: Sequence[Any] = ()) -> list[dict]:
        """The rows of a query as dictionaries keyed by column name."""
        cur = self.execute(sql, args)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Everything inside is committed together, or rolled back on an error. Writers are serialised:
        another process's transaction is waited for (up to ``BUSY_TIMEOUT_S``), never reported as locked."""
        raise NotImplementedError
        yield

    def lock_block(self, key: str) -> None:
        """Inside a transaction: wait until no other writer is replacing the fused events of ``key``."""

    def close(self) -> None:
        """Close the connection."""
        raise NotImplementedError


class SqliteConnection(Connection):
    """An SQLite file in WAL mode; read-only connections open it with ``mode=ro``."""

    dialect = "sqlite"

    def __init__(self, path: Path, readonly: bool = False) -> None:
        if readonly:
            self.raw = _open_readonly(path)
        else:
            # transactions are begun explicitly (BEGIN IMMEDIATE), never implicitly by the sqlite3 module
            self.raw = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            self.raw.execute("PRAGMA journal_mode=WAL")
            # WAL with NORMAL sync: a commit is not flushed to disk at once but at the next checkpoint; the
            # file is never corrupted, and only a power cut (not a killed process) may undo the last
            # commits, which the next run of the same ingest stores again
            self.raw.execute("PRAGMA synchronous=NORMAL")
            # SQLite opens a file it cannot write read-only without a word; a writer learns it here, not halfway
            if not os.access(path, os.W_OK):
                self.raw.close()
                raise sqlite3.OperationalError("attempt to write a readonly database")
        self.raw.execute("PRAGMA foreign_keys=ON")

    def execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        return self.raw.execute(sql, args)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.raw.executemany(sql, rows)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        # IMMEDIATE: the write lock is taken (or waited for) at the start; a deferred transaction that read
        # first would fail at once with "database is locked" when another writer committed in between
        self.raw.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.raw.execute("ROLLBACK")
            raise
        self.raw.execute("COMMIT")

    def lock_block(self, key: str) -> None:
        """Nothing to do: an SQLite write transaction already excludes every other writer."""

    def close(self) -> None:
        self.raw.close()


def _open_readonly(path: Path) -> sqlite3.Connection:
    """Open ``path`` read-only, also where nothing can be written beside it (a copy on read-only media).

    A WAL database is read through its ``-shm`` index, which SQLite creates beside the file. Where it cannot
    (the folder is not writable) and no ``-wal`` file holds commits not yet in the main file, the file is opened
    as immutable: everything committed is in it, and nobody able to write there is using it.
    """
    uri = path.absolute().as_uri()
    raw = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False, timeout=BUSY_TIMEOUT_S)
    try:
        raw.execute("PRAGMA schema_version").fetchone()  # SQLite opens the file (and the -shm) on first use
        return raw
    except sqlite3.OperationalError:
        raw.close()
        if Path(f"{path}-wal").exists() or not path.is_file():
            raise
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, check_same_thread=False, timeout=BUSY_TIMEOUT_S)


class PostgresConnection(Connection):
    """A PostgreSQL database through psycopg 3, in autocommit mode outside explicit transactions."""

    dialect = "postgresql"

    def __init__(self, url: str, readonly: bool = False) -> None:
        import psycopg

        self.raw = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://", 1), autocommit=True,
                                   connect_timeout=10)
        if readonly:
            self.raw.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")

    @staticmethod
    def _sql(sql: str) -> str:
        assert "%" not in sql, "the Store's SQL passes text with % as arguments"
        return sql.replace("?", "%s")

    def execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        return self.raw.execute(self._sql(sql), args)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self.raw.cursor() as cur:
            cur.executemany(self._sql(sql), rows)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.raw.transaction():
            yield

    def lock_block(self, key: str) -> None:
        """A transaction-scoped advisory lock on the block's name."""
        self.raw.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (key,))

    def close(self) -> None:
        self.raw.close()


def connect(target: str | Path, readonly: bool = False) -> Connection:
    """A connection to the SQLite file or PostgreSQL URL ``target``."""
    if is_postgres(target):
        return PostgresConnection(str(target), readonly)
    return SqliteConnection(Path(target), readonly)
