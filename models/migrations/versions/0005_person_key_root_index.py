"""person key root index

Person.key is indexed together with merged_into_id: resolution asks which
clusters carry a name, and this index answers by skipping from one cluster to
the next instead of reading every atom of the name (issue 11). The old
single-column index is its prefix, so it goes.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 07:18:17.136307
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_key"))
        batch_op.create_index("ix_person_key_root", ["key", "merged_into_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index("ix_person_key_root")
        batch_op.create_index(batch_op.f("ix_person_key"), ["key"], unique=False)
