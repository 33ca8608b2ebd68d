"""HTTP GET with limits: timeouts, a size cap, redirects, a user agent, the charset.

urllib3 is imported on first use only: `movesboard` without a URL never loads it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from movesboard import __version__

from .document import IngestError
from .urls import is_url

USER_AGENT = (
    f"movesboard/{__version__} (AI-industry moves tracker; +https://pypi.org/project/movesboard/)"
)
TIMEOUT = 15.0  # seconds, for connecting and for the whole download
MAX_BYTES = 5 * 1024 * 1024  # an article page is well under this; bigger is not one
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    timeout: float = TIMEOUT
    max_bytes: int = MAX_BYTES
    max_redirects: int = MAX_REDIRECTS


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # the final URL, after redirects
    status: int  # 200, or 304 for a conditional request that found nothing new
    body: bytes
    content_type: str = ""  # media type only, lower case: "text/html"
    charset: str | None = None  # from the Content-Type header
    etag: str | None = None
    last_modified: str | None = None
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


_pool = None


def _pool_manager():  # type: ignore[no-untyped-def]
    # One pool for the process: keep-alive across the pages of one site.
    global _pool
    if _pool is None:
        import urllib3

        _pool = urllib3.PoolManager()
    return _pool


def fetch(
    url: str,
    *,
    limits: Limits = Limits(),
    etag: str | None = None,
    last_modified: str | None = None,
    accept: str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
) -> Response:
    """GET `url`; raise IngestError naming it for HTTP errors, timeouts, oversize, no host."""
    import urllib3
    from urllib3.exceptions import HTTPError, MaxRetryError, TimeoutError

    if not is_url(url):
        raise IngestError(url, "not an http(s) URL")
    headers = {"User-Agent": USER_AGENT, "Accept": accept, "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    deadline = time.monotonic() + limits.timeout
    try:
        response = _pool_manager().request(
            "GET",
            url,
            headers=headers,
            preload_content=False,
            timeout=urllib3.Timeout(connect=limits.timeout, read=limits.timeout),
            retries=urllib3.Retry(
                total=None,
                connect=0,
                read=0,
                status=0,
                other=0,
                redirect=limits.max_redirects,
                raise_on_redirect=True,
                raise_on_status=False,
            ),
        )
        try:
            body = _read_capped(response, url, limits, deadline)
        except BaseException:
            # Unread bytes are still on this connection: it must not go back to
            # the pool, or the next request would read them as its response.
            response.close()
            raise
        finally:
            response.release_conn()
    except IngestError:
        raise
    except MaxRetryError as error:
        raise IngestError(url, _describe(error.reason, limits)) from None
    except (TimeoutError, HTTPError, OSError) as error:
        raise IngestError(url, _describe(error, limits)) from None

    final_url = _final_url(url, response)
    if response.status >= 400:
        raise IngestError(url, f"HTTP {response.status} {response.reason or ''}".rstrip())
    content_type, charset = _parse_content_type(response.headers.get("Content-Type", ""))
    return Response(
        url=final_url,
        status=response.status,
        body=body,
        content_type=content_type,
        charset=charset,
        etag=response.headers.get("ETag"),
        last_modified=response.headers.get("Last-Modified"),
        headers=dict(response.headers),
    )


def _final_url(url: str, response) -> str:  # type: ignore[no-untyped-def]
    # urllib3 gives the last response's path only; the redirect history has the hosts.
    from urllib.parse import urljoin

    final = url
    for step in response.retries.history if response.retries else ():
        if step.redirect_location:
            final = urljoin(step.url, step.redirect_location)
    return final if is_url(final) else url


def _read_capped(response, url: str, limits: Limits, deadline: float) -> bytes:  # type: ignore[no-untyped-def]
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise IngestError(
            url, f"response too large ({int(declared) // 1024} KiB, {_limit(limits)})"
        )
    chunks: list[bytes] = []
    size = 0
    # Decoded chunks: the cap holds for what a gzip body expands to, too.
    for chunk in response.stream(_CHUNK, decode_content=True):
        size += len(chunk)
        if size > limits.max_bytes:
            raise IngestError(url, f"response too large (over {_limit(limits)})")
        # The read timeout is per socket read; a server that trickles bytes
        # could otherwise hold us forever.
        if time.monotonic() > deadline:
            raise IngestError(url, f"timed out after {limits.timeout:g} s")
        chunks.append(chunk)
    return b"".join(chunks)


def _limit(limits: Limits) -> str:
    if limits.max_bytes % (1024 * 1024) == 0:
        return f"limit {limits.max_bytes // (1024 * 1024)} MiB"
    return f"limit {limits.max_bytes // 1024} KiB"


def _describe(error: BaseException | None, limits: Limits) -> str:
    from urllib3.exceptions import (
        NameResolutionError,
        NewConnectionError,
        ProtocolError,
        SSLError,
        TimeoutError,
    )
    from urllib3.exceptions import ResponseError as TooManyRedirects

    # NewConnectionError subclasses ConnectTimeoutError: test it first.
    if isinstance(error, NameResolutionError):
        return "unknown host"
    if isinstance(error, NewConnectionError):
        reason = str(error).rsplit("] ", 1)[-1] if "] " in str(error) else "refused"
        return f"cannot connect ({reason.lower()})"
    if isinstance(error, TimeoutError):
        return f"timed out after {limits.timeout:g} s"
    if isinstance(error, TooManyRedirects):
        return f"too many redirects (more than {limits.max_redirects})"
    if isinstance(error, SSLError):
        return "TLS error (certificate or protocol)"
    if isinstance(error, ProtocolError):
        return "connection broken while reading"
    text = str(error).splitlines()[0] if error is not None and str(error) else "request failed"
    return text


def _parse_content_type(value: str) -> tuple[str, str | None]:
    from email.message import Message

    message = Message()
    message["Content-Type"] = value or "application/octet-stream"
    charset = message.get_param("charset")
    return message.get_content_type(), str(charset) if isinstance(charset, str) else None
