"""HTTP GET with limits: timeouts, a size cap, redirects, a user agent, the charset.

urllib3 is imported on first use only: `movesboard` without a URL never loads it.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from dataclasses import dataclass, field
from types import TracebackType

from movesboard import __version__

from .document import IngestError
from .signals import Interrupted, interruptible
from .urls import is_url

USER_AGENT = (
    f"movesboard/{__version__} (AI-industry moves tracker; +https://pypi.org/project/movesboard/)"
)
TIMEOUT = 15.0  # seconds, for connecting and the whole download, redirects included
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


class _Watchdog:
    """Ends one fetch at its deadline, or when asked to stop, whatever the server does.

    Socket timeouts bound each read, not their sum: a server that sends a byte
    now and then (in the headers or the body) never trips them. At the
    deadline, or on `cancel`, the watchdog shuts down every socket the fetch
    uses, so a read blocked on one returns at once, in whichever thread.
    """

    def __init__(self, timeout: float) -> None:
        self.deadline = time.monotonic() + timeout
        self.expired = False  # the deadline passed before the fetch ended
        self.cancelled = False  # a stop request came before the fetch ended
        self._sockets: list[socket.socket] = []
        self._ended = False
        # Reentrant: `cancel` runs in a signal handler, maybe in this very thread.
        self._lock = threading.RLock()
        self._timer = threading.Timer(timeout, self._expire)
        self._timer.daemon = True

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def watch(self, sock: socket.socket) -> None:
        """A socket the fetch reads from."""
        with self._lock:
            if self.expired or self.cancelled:
                _shut_down(sock)
            else:
                self._sockets.append(sock)

    def cancel(self) -> bool:
        """Stop the fetch now; False if it had ended already."""
        return self._trip("cancelled")

    def _expire(self) -> None:
        self._trip("expired")

    def _trip(self, reason: str) -> bool:
        with self._lock:
            if self._ended:
                return False
            setattr(self, reason, True)
            for sock in self._sockets:
                _shut_down(sock)
            return True

    def __enter__(self) -> _Watchdog:
        _current.watchdog = self
        self._timer.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        # After this, nothing is shut down: a connection handed back to the
        # pool is not closed under the next fetch's feet.
        with self._lock:
            self._ended = True
        self._timer.cancel()
        _current.watchdog = None


def _shut_down(sock: socket.socket) -> None:
    # The plain socket's shutdown, also for a TLS one: SSLSocket.shutdown would
    # drop its TLS state under a read that another thread is doing.
    with contextlib.suppress(OSError):  # closed already, or never connected
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


# The watchdog of the fetch running in this thread, for the connections to find.
_current = threading.local()


def _watchdog() -> _Watchdog | None:
    return getattr(_current, "watchdog", None)


_pool = None


def _pool_manager():
    # One pool for the process: keep-alive across the pages of one site.
    global _pool
    if _pool is None:
        import urllib3

        _pool = urllib3.PoolManager()
        _pool.pool_classes_by_scheme = _watched_pool_classes()
    return _pool


def _watched_pool_classes():
    """urllib3's pools, with connections that show their sockets to the fetch's watchdog."""
    from urllib3 import HTTPConnectionPool, HTTPSConnectionPool
    from urllib3.connection import HTTPConnection, HTTPSConnection
    from urllib3.exceptions import ConnectTimeoutError

    class Watched:
        def _new_conn(self):
            watchdog = _watchdog()
            if watchdog is not None:
                # Connecting (and a TLS handshake: ssl applies the socket's
                # timeout to the whole of it) is bounded by what is left of the
                # deadline, a redirect's hop included, not cut from outside.
                remaining = watchdog.remaining()
                if remaining <= 0:
                    raise ConnectTimeoutError(self, "deadline passed before connecting")
                self.timeout = remaining
            return super()._new_conn()

        def getresponse(self):
            # Headers and body are read from here on, on a new connection or
            # one from the pool: the socket the watchdog shuts down.
            watchdog = _watchdog()
            if watchdog is not None and self.sock is not None:
                watchdog.watch(self.sock)
            return super().getresponse()

    class WatchedHTTPConnection(Watched, HTTPConnection):
        pass

    class WatchedHTTPSConnection(Watched, HTTPSConnection):
        pass

    class WatchedHTTPPool(HTTPConnectionPool):
        ConnectionCls = WatchedHTTPConnection

    class WatchedHTTPSPool(HTTPSConnectionPool):
        ConnectionCls = WatchedHTTPSConnection

    return {"http": WatchedHTTPPool, "https": WatchedHTTPSPool}


def fetch(
    url: str,
    *,
    limits: Limits = Limits(),
    etag: str | None = None,
    last_modified: str | None = None,
    accept: str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
) -> Response:
    """GET `url`; raise IngestError naming it for HTTP errors, timeouts, oversize, no host.

    `limits.timeout` bounds the whole of it: connecting, the headers, the body
    and every redirect. A stop request (Ctrl+C, SIGTERM under
    `stop_on_signals`) ends it at once with Interrupted.
    """
    from urllib3.exceptions import HTTPError, MaxRetryError

    if not is_url(url):
        raise IngestError(url, "not an http(s) URL")
    headers = {"User-Agent": USER_AGENT, "Accept": accept, "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    watchdog = _Watchdog(limits.timeout)
    try:
        response, body = _get(url, headers, limits, watchdog)
    except IngestError:
        raise
    except Exception as error:
        if watchdog.expired or watchdog.cancelled:
            # Whatever broke, it broke because the watchdog shut the socket.
            raise _cut_short(url, watchdog, limits) from None
        if isinstance(error, MaxRetryError):
            raise IngestError(url, _describe(error.reason, limits)) from None
        if isinstance(error, (HTTPError, OSError)):
            raise IngestError(url, _describe(error, limits)) from None
        raise

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


def _get(url: str, headers: dict[str, str], limits: Limits, watchdog: _Watchdog):
    """The response and its whole body, within the watchdog's deadline."""
    import urllib3

    with watchdog, interruptible(watchdog.cancel):
        response = _pool_manager().request(
            "GET",
            url,
            headers=headers,
            preload_content=False,
            # Per socket operation; the watchdog bounds the sum.
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
            body = _read_capped(response, url, limits)
        except BaseException:
            _discard(response)
            raise
    if watchdog.expired or watchdog.cancelled:
        # A body without a length that the watchdog cut short looks whole.
        _discard(response)
        raise _cut_short(url, watchdog, limits)
    response.release_conn()
    return response, body


def _discard(response) -> None:
    # Unread bytes may still be on this connection: it must not go back to the
    # pool open, or the next request would read them as its response.
    response.close()
    response.release_conn()


def _cut_short(url: str, watchdog: _Watchdog, limits: Limits) -> BaseException:
    if watchdog.cancelled:
        return Interrupted(f"{url}: interrupted")
    return IngestError(url, f"timed out after {limits.timeout:g} s")


def _final_url(url: str, response) -> str:
    # urllib3 gives the last response's path only; the redirect history has the hosts.
    from urllib.parse import urljoin

    final = url
    for step in response.retries.history if response.retries else ():
        if step.redirect_location:
            final = urljoin(step.url, step.redirect_location)
    return final if is_url(final) else url


def _read_capped(response, url: str, limits: Limits) -> bytes:
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
