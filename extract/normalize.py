"""Text normalisation shared by every module: accent and case folding."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_APOS = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-insensitive key: 'Karén' and 'karen' fold alike."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOS))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())
