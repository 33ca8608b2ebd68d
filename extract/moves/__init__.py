"""Move statements: who left which organisation for which, per sentence.

The engine reads a sentence as its people, organisations (plus resolved
anaphors such as "the company"), dates and *triggers*: move verbs found by the
language pack's lexicon, each of a `TriggerKind` with one argument structure
and one handler (handlers.py).  A handler reads its verb's arguments into a
`Statement`; one shared tail gives every statement its modality, date and role
(qualities.py) and origin (origin.py, descriptors.py).  Article-level
post-processing (consolidate.py) then joins a departure and a destination into
one move and folds duplicates.

| module | job |
| --- | --- |
| finder.py | walk the sentences; the discourse focus for pronouns |
| handlers.py | one handler per trigger kind; `Statement` and its emission |
| arguments.py | subjects, objects, the organisation a verb names |
| origin.py | where a mover came from, where a departure went |
| descriptors.py | the organisation a person is described at |
| qualities.py | modality, date, role |
| anaphors.py | "the company" resolved to an organisation |
| affiliations.py | each person's described employer in the article |
"""

from __future__ import annotations

from .affiliations import affiliations
from .anaphors import resolve_org_anaphors
from .context import MoveContext
from .finder import coordinated_lists, find_hops
from .hop import Hop
from .patterns import MovePatterns

__all__ = [
    "Hop",
    "MoveContext",
    "MovePatterns",
    "affiliations",
    "coordinated_lists",
    "find_hops",
    "resolve_org_anaphors",
]
