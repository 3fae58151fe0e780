"""Schema migrations with Alembic (``migrations/``), for SQLite files and PostgreSQL alike.

Only the writing verbs (ingest, fuse) migrate; readers open the database as it is. A database already at
the newest revision is recognised from its ``alembic_version`` row without importing Alembic, so a start
costs one query. Files written by sitroom before Alembic (a ``schema_version`` in ``meta``) are stamped
with the revision of that version first, then upgraded.
"""
from __future__ import annotations

from pathlib import Path

from sitroom.errors import StoreError
from sitroom.store.backends import Connection, display_name, is_postgres

HEAD = "0004"
KNOWN = ("0001", "0002", "0003", "0004")
_LEGACY = {1: "0001", 2: "0002"}  # meta.schema_version of files written before Alembic -> their revision


def revision_of(conn: Connection) -> str | None:
    """The schema revision of a database: its Alembic revision, the revision of a pre-Alembic file, or None
    when it holds no sitroom tables yet."""
    if has_table(conn, "alembic_version"):
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if row:
            return row[0]
    if has_table(conn, "meta"):
        row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        if row:
            try:
                version = int(row[0])
            except ValueError:
                version = -1
            return _LEGACY.get(version, f"schema version {row[0]}")
    return None


def check_known(conn: Connection, target: str | Path) -> None:
    """Refuse a database written by a newer sitroom (a revision this one does not know)."""
    revision = revision_of(conn)
    if revision is not None and revision not in KNOWN:
        raise StoreError(f"database schema revision {revision} is newer than this sitroom understands "
                         f"({HEAD}); upgrade sitroom", display_name(target))


def upgrade(conn: Connection, target: str | Path) -> None:
    """Bring the database to the newest revision (creating every table of an empty one)."""
    check_known(conn, target)
    revision = revision_of(conn)
    if revision == HEAD and has_table(conn, "alembic_version"):
        return
    _run_alembic(target, stamp=revision if not has_table(conn, "alembic_version") else None)


def has_table(conn: Connection, name: str) -> bool:
    """Whether the database has this table."""
    if conn.dialect == "sqlite":
        sql = "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?"
    else:
        sql = "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name=?"
    return conn.execute(sql, (name,)).fetchone() is not None


def _run_alembic(target: str | Path, stamp: str | None) -> None:
    """Alembic's upgrade to head on its own connection (SQLAlchemy's), after stamping a pre-Alembic file."""
    import sqlalchemy
    from alembic import command
    from alembic.config import Config

    url = str(target) if is_postgres(target) else f"sqlite:///{Path(target)}"
    if is_postgres(target):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    engine = sqlalchemy.create_engine(url, poolclass=sqlalchemy.pool.NullPool)
    if not is_postgres(target):
        # the sqlite3 module would commit each CREATE on its own: a migration killed half-way would leave half
        # a schema. Transactions are begun here instead, so the whole upgrade commits at once or not at all.
        sqlalchemy.event.listen(engine, "connect", lambda dbapi, record: setattr(dbapi, "isolation_level", None))
        sqlalchemy.event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
    config = Config()
    config.set_main_option("script_location", "sitroom.store:migrations")
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            if stamp is not None:
                command.stamp(config, stamp)
            command.upgrade(config, "head")
    except sqlalchemy.exc.SQLAlchemyError as exc:
        raise StoreError(f"cannot migrate the database: {exc.__class__.__name__}: {str(exc).splitlines()[0]}",
                         display_name(target)) from None
    finally:
        engine.dispose()
