"""Sources to articles: text files now; HTML, URLs and feeds extend this package.

Nothing here touches the database.
"""

from .document import ArticleDoc, IngestError
from .sources import expand_paths
from .text import parse_text_article, read_text_article

__all__ = ["ArticleDoc", "IngestError", "expand_paths", "parse_text_article", "read_text_article"]
