"""Fetching web pages and feeds over http(s), with every failure as one clear line.

One `httpx.Client` (thread-safe, connections kept alive) with timeouts, a User-Agent
that names the reader, and a size limit enforced while the body streams (a server
that lies about Content-Length, or a compressed bomb, stops at the limit). Redirects
are followed here, not by the client, so a loop is named as a loop. A whole fetch
also has a deadline: a server that drips one byte a second never trips the read
timeout, but it does trip this.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx

from reader import __version__
from reader.ingest import DEFAULT_MAX_BYTES

USER_AGENT = f"news-reader/{__version__} (terminal news reader; python-httpx/{httpx.__version__})"
CONNECT_SECONDS = 10.0
READ_SECONDS = 20.0
DEADLINE_SECONDS = 60.0
MAX_REDIRECTS = 10
ACCEPT_PAGE = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"
ACCEPT_FEED = "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"


class FetchError(Exception):
    """A URL that could not be fetched. `kind`: network, timeout, http, redirect-loop,
    too-many-redirects, too-large or unsupported; the message is one line."""

    def __init__(self, url: str, kind: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.kind = kind
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    status: int
    data: bytes
    content_type: str | None
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def http_client(connect: float = CONNECT_SECONDS, read: float = READ_SECONDS, connections: int = 16) -> httpx.Client:
    return httpx.Client(
        headers={"User-Agent": USER_AGENT},
        timeout=httpx.Timeout(read, connect=connect),
        follow_redirects=False,
        limits=httpx.Limits(max_connections=connections, max_keepalive_connections=connections),
    )


def is_web_address(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def fetch(
    client: httpx.Client,
    url: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    accept: str = ACCEPT_PAGE,
    etag: str | None = None,
    last_modified: str | None = None,
    deadline_seconds: float = DEADLINE_SECONDS,
) -> Fetched:
    """GET `url` (following redirects); a conditional GET when validators are given, in
    which case a 304 comes back as `Fetched(status=304, data=b"")`. Raises FetchError."""
    if not is_web_address(url):
        raise FetchError(url, "unsupported", "only http:// and https:// addresses can be fetched")
    headers = {"Accept": accept}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    deadline = time.monotonic() + deadline_seconds
    visited = [url]
    current = url
    try:
        while True:
            request = client.build_request("GET", current, headers=headers)
            response = client.send(request, stream=True)
            try:
                if response.is_redirect and response.next_request is not None:
                    current = str(response.next_request.url)
                    _check_redirect(url, visited, current)
                    visited.append(current)
                    continue
                return _read(url, response, max_bytes, deadline, deadline_seconds)
            finally:
                response.close()
    except FetchError:
        raise
    except httpx.TimeoutException as error:
        raise FetchError(url, "timeout", f"timed out ({_timeout_phase(error)}, limit {_limit(client, error):g} s)") from None
    except (httpx.UnsupportedProtocol, httpx.InvalidURL) as error:
        raise FetchError(url, "unsupported", f"not a usable address ({_first_line(error)})") from None
    except httpx.HTTPError as error:
        raise FetchError(url, "network", f"network error ({_first_line(error) or type(error).__name__})") from None
    except ValueError as error:  # httpx rejects malformed URLs and headers with ValueError too
        raise FetchError(url, "unsupported", f"not a usable address ({_first_line(error)})") from None


def _check_redirect(url: str, visited: list[str], target: str) -> None:
    if target in visited:
        loop = " → ".join([*visited[visited.index(target) :], target])
        raise FetchError(url, "redirect-loop", f"redirect loop ({loop})")
    if len(visited) > MAX_REDIRECTS:
        raise FetchError(url, "too-many-redirects", f"more than {MAX_REDIRECTS} redirects")
    if not is_web_address(target):
        raise FetchError(url, "unsupported", f"redirected to a non-web address ({target})")


def _read(url: str, response: httpx.Response, max_bytes: int, deadline: float, seconds: float) -> Fetched:
    status = response.status_code
    if status == 304:
        return Fetched(str(response.url), status, b"", None, response.headers.get("ETag"), response.headers.get("Last-Modified"))
    if status >= 400 or status < 200:
        raise FetchError(url, "http", f"HTTP {status} {response.reason_phrase}".rstrip())
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(url, "too-large", f"{int(declared):,} bytes, over the {max_bytes:,}-byte limit (see --max-bytes)")
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(url, "too-large", f"over the {max_bytes:,}-byte limit (see --max-bytes)")
        if time.monotonic() > deadline:
            raise FetchError(url, "timeout", f"timed out (no complete answer within {seconds:g} s)")
        chunks.append(chunk)
    headers = response.headers
    return Fetched(
        str(response.url), status, b"".join(chunks), headers.get("Content-Type"), headers.get("ETag"), headers.get("Last-Modified")
    )


def _timeout_phase(error: httpx.TimeoutException) -> str:
    if isinstance(error, httpx.ConnectTimeout):
        return "no connection"
    if isinstance(error, httpx.ReadTimeout):
        return "the server stopped answering"
    return "no answer"


def _limit(client: httpx.Client, error: httpx.TimeoutException) -> float:
    timeout = client.timeout
    value = timeout.connect if isinstance(error, httpx.ConnectTimeout) else timeout.read
    return float(value or 0)


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else ""
