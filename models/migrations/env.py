"""Alembic environment: runs on the connection that `upgrade()` hands over."""

from alembic import context

from movesboard.models.tables import metadata

connection = context.config.attributes["connection"]
# Batch mode lets later revisions alter SQLite tables (copy-and-move).
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
