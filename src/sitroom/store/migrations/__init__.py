"""Alembic migrations of the sitroom schema, for SQLite and PostgreSQL alike (run by ``sitroom.store.migrate``)."""
