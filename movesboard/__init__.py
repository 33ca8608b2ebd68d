"""movesboard: a terminal dashboard that tracks who moves where in the AI industry."""

__version__ = "0.1.0"
