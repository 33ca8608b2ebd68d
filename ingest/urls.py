"""Canonical URLs: one spelling per article, so file, page and feed entry meet."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that only track where a reader came from; they never change the page.
_TRACKING_PREFIXES = ("utm_",)
_TRACKING_NAMES = frozenset({"fbclid", "gclid", "mc_cid", "mc_eid", "ref", "cmpid", "ocid"})
_DEFAULT_PORTS = {"http": 80, "https": 443}


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def canonical_url(url: str | None) -> str | None:
    """Lower-case scheme and host, no default port, fragment or tracking parameters."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:  # a malformed port or IPv6 literal: keep it as given
        return url or None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if not scheme or not host:
        return url or None
    if ":" in host:
        host = f"[{host}]"
    netloc = host if port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    query = urlencode(
        [
            (key, value)
            for key, value in parse_qsl(parts.query, keep_blank_values=True)
            if not key.lower().startswith(_TRACKING_PREFIXES) and key.lower() not in _TRACKING_NAMES
        ]
    )
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def is_site_root(url: str) -> bool:
    """True for a home page: a canonical link pointing there names the site, not the article."""
    return urlsplit(url).path in ("", "/")
