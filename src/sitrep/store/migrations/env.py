"""Alembic environment: run with the connection the Store hands over."""

from alembic import context

from sitrep.store.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("sitrep migrations run through sitrep.store.Store, which supplies a connection")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
