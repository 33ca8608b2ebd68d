"""The dashboard's log file: errors a toast showed in one line, with their tracebacks.

In the platform's user log directory (`~/.local/state/movesboard/log/` on
Linux), rotated at 1 MiB, three files kept. Only the dashboard writes it: the
commands print their errors where they run.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOGGER = "movesboard"


def log_path() -> Path:
    import platformdirs

    return platformdirs.user_log_path("movesboard", appauthor=False) / "movesboard.log"


def start_logging(*, verbose: bool = False) -> Path | None:
    """Send the `movesboard` logger to the log file; None when it cannot be written
    (a read-only home): the dashboard runs without it rather than not at all."""
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=1 << 20, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger(LOGGER)
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if verbose else logging.INFO)
    return path
