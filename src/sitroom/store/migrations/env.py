"""Alembic's entry point: migrations run on the connection that ``sitroom.store.migrate`` hands over."""
from alembic import context

connection = context.config.attributes["connection"]
# one transaction for the whole upgrade, on SQLite as on PostgreSQL (sitroom.store.migrate begins it)
context.configure(connection=connection, target_metadata=None, transactional_ddl=True,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
