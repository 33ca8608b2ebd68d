"""Sources to articles: text files, HTML pages, URLs and RSS/Atom feeds.

Nothing here touches the database. Heavy libraries (trafilatura, feedparser,
urllib3, charset-normalizer, watchfiles) are imported inside the functions that
need them, so importing this package stays cheap.
"""

from .document import ArticleDoc, IngestError
from .pages import ReadOptions
from .sources import Item, expand_paths, items_for
from .text import parse_text_article, read_text_article

__all__ = [
    "ArticleDoc",
    "IngestError",
    "Item",
    "ReadOptions",
    "expand_paths",
    "items_for",
    "parse_text_article",
    "read_text_article",
]
