"""keyset paging indexes

The People, Companies and Articles lists page by keyset (issue 14): each
order gets an index to walk from the last row shown, so a page deep in the
list reads one page of index, not a sort of the table and an OFFSET walk.
ix_article_published_id replaces ix_article_published: the id makes it hold
the Articles order to its tie-breaker on PostgreSQL (SQLite's already ended
on the rowid), and one index stays one index to keep up at ingest.

Expression indexes: SQLite's reflection skips them, so a later batch
operation that copies person or organization on SQLite would drop them
silently; such a revision re-creates them (tests/test_queries_paging.py
checks that the plans name them).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 16:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_person_root_name", "person", ["merged_into_id", sa.text("lower(name)"), "id"]
    )
    op.create_index("ix_organization_name", "organization", [sa.text("lower(name)"), "id"])
    op.drop_index("ix_article_published", table_name="article")
    op.create_index("ix_article_published_id", "article", ["published", "id"])


def downgrade() -> None:
    op.drop_index("ix_article_published_id", table_name="article")
    op.create_index("ix_article_published", "article", ["published"])
    op.drop_index("ix_organization_name", table_name="organization")
    op.drop_index("ix_person_root_name", table_name="person")
