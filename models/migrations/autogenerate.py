"""Write a new revision from the difference between tables.py and the head schema.

Usage: python -m movesboard.models.migrations.autogenerate "message"
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path


def main(message: str) -> None:
    from alembic import command
    from alembic.script import ScriptDirectory
    from sqlalchemy import create_engine

    from . import SCRIPT_LOCATION, alembic_config, upgrade

    config = alembic_config()
    heads = ScriptDirectory.from_config(config).get_heads()
    next_id = f"{len(list((SCRIPT_LOCATION / 'versions').glob('[0-9]*.py'))) + 1:04d}"
    with tempfile.TemporaryDirectory() as scratch:
        engine = create_engine(f"sqlite:///{Path(scratch) / 'head.db'}")
        if heads:
            upgrade(engine, "heads")
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.revision(config, message, autogenerate=True, rev_id=next_id)
    print(f"wrote revision {next_id}; now set HEAD = {next_id!r} in migrations/__init__.py")


if __name__ == "__main__":
    main(" ".join(sys.argv[1:]) or "schema change")
