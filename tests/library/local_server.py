"""A real HTTP server on 127.0.0.1 for tests and benchmarks: pages, feeds, slow and
failing answers, redirects and loops, and conditional requests (ETag/Last-Modified).

    server = LocalServer().start()
    server.route("/feed.xml", body=rss, content_type="application/rss+xml", etag='"v1"')
    server.url("/feed.xml")   # http://127.0.0.1:PORT/feed.xml
    server.stop()

Every request is recorded (path and headers) so a test can check what was asked.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0  # seconds before answering at all
    drip: float = 0.0  # seconds between bytes of the body
    location: str | None = None  # for a redirect
    hang_up: bool = False  # close the connection without answering


class LocalServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self._lock = threading.Lock()
        self._closing = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                server._answer(self)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def start(self) -> LocalServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._closing.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    @property
    def base(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, body: bytes | str = b"", **options) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(body=data, **options)
        return self.url(path)

    def redirect(self, path: str, to: str, status: int = 302) -> str:
        self.routes[path] = Route(status=status, location=to)
        return self.url(path)

    def hits(self, path: str) -> list[dict[str, str]]:
        with self._lock:
            return [headers for seen, headers in self.requests if seen == path]

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path.split("?", 1)[0]
        with self._lock:
            self.requests.append((path, {k.lower(): v for k, v in handler.headers.items()}))
        route = self.routes.get(path)
        if route is None:
            route = Route(status=404, body=b"not here", content_type="text/plain")
        if route.delay:
            self._closing.wait(route.delay)
        if route.hang_up:
            handler.close_connection = True
            handler.connection.close()
            return
        if route.etag and handler.headers.get("If-None-Match") == route.etag or (
            route.last_modified and handler.headers.get("If-Modified-Since") == route.last_modified
        ):
            handler.send_response(304)
            self._validators(handler, route)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        handler.send_response(route.status)
        if route.location is not None:
            handler.send_header("Location", route.location)
        handler.send_header("Content-Type", route.content_type)
        handler.send_header("Content-Length", str(len(route.body)))
        self._validators(handler, route)
        for name, value in route.headers.items():
            handler.send_header(name, value)
        handler.end_headers()
        try:
            if route.drip:
                for byte in route.body:
                    if self._closing.wait(route.drip):
                        return
                    handler.wfile.write(bytes([byte]))
                    handler.wfile.flush()
            else:
                handler.wfile.write(route.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test): nothing to do

    @staticmethod
    def _validators(handler: BaseHTTPRequestHandler, route: Route) -> None:
        if route.etag:
            handler.send_header("ETag", route.etag)
        if route.last_modified:
            handler.send_header("Last-Modified", route.last_modified)


def rss(title: str, entries: list[dict[str, str]], link: str = "http://127.0.0.1/") -> str:
    """An RSS 2.0 document; each entry: title, link, description, and optional content, guid, date."""
    items = []
    for entry in entries:
        content = f"<content:encoded><![CDATA[{entry['content']}]]></content:encoded>" if "content" in entry else ""
        items.append(
            "<item>"
            f"<title>{_escape(entry['title'])}</title><link>{_escape(entry['link'])}</link>"
            f"<guid>{_escape(entry.get('guid', entry['link']))}</guid>"
            f"<pubDate>{entry.get('date', 'Mon, 06 May 2024 10:00:00 GMT')}</pubDate>"
            f"<description><![CDATA[{entry['description']}]]></description>{content}"
            "</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{_escape(title)}</title><link>{_escape(link)}</link><description>test feed</description>"
        + "".join(items)
        + "</channel></rss>"
    )


def atom(title: str, entries: list[dict[str, str]]) -> str:
    """An Atom document; each entry: title, link, content (HTML), and optional date."""
    items = "".join(
        "<entry>"
        f"<title>{_escape(e['title'])}</title><link href=\"{_escape(e['link'])}\"/><id>{_escape(e['link'])}</id>"
        f"<updated>{e.get('date', '2024-05-07T09:00:00Z')}</updated><author><name>{_escape(e.get('author', 'A. Writer'))}</name></author>"
        f"<content type=\"html\">{_escape(e['content'])}</content>"
        "</entry>"
        for e in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{_escape(title)}</title><id>urn:test:{_escape(title)}</id><updated>2024-05-07T09:00:00Z</updated>"
        + items
        + "</feed>"
    )


def page(title: str, paragraphs: list[str], *, author: str = "Jane Roe", date: str = "2024-05-06", site: str = "Test Site") -> str:
    """A news web page with navigation and footer around the article."""
    body = "".join(f"<p>{_escape(p)}</p>" for p in paragraphs)
    return (
        "<!doctype html><html><head>"
        f"<title>{_escape(title)} | {_escape(site)}</title>"
        f'<meta name="author" content="{_escape(author)}">'
        f'<meta property="og:site_name" content="{_escape(site)}">'
        f'<meta property="article:published_time" content="{date}T08:00:00Z">'
        "</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>{_escape(title)}</h1>{body}</article>"
        "<footer>Copyright Test Site. All rights reserved. Contact us.</footer></body></html>"
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def wait_until(condition, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True
