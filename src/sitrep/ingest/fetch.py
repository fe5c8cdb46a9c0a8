"""http(s) URLs: fetched with httpx (timeout from the ``fetch_timeout``
setting, redirects followed, at most ``max_bytes`` read), then read like a
file: the content type and the bytes say which reader (HTML, feed, JSONL,
CSV, text page).

Failures are rejections: ``unreachable`` (refused, timed out, DNS, HTTP 5xx),
``not_found`` (HTTP 404/410), ``too_large``.
"""
from __future__ import annotations

import posixpath
from urllib.parse import urlsplit

from .. import __version__
from ..model import Rejected

_LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


def is_url(s: str) -> bool:
    return s.lower().startswith(("http://", "https://"))


def fetch(url: str, *, max_bytes: int, timeout: float) -> tuple[bytes, str, str] | Rejected:
    """``(body, content_type, extension of the URL path)`` or a Rejected."""
    import httpx
    host = urlsplit(url).hostname or ""
    try:
        # a loopback URL never goes through a proxy from the environment
        with httpx.Client(timeout=timeout, follow_redirects=True, trust_env=host not in _LOOPBACK,
                          headers={"User-Agent": f"sitrep/{__version__} (+offline news reader)"}) as client:
            with client.stream("GET", url) as r:
                if r.status_code in (404, 410):
                    return Rejected(url, "not_found", f"HTTP {r.status_code}")
                if r.status_code >= 400:
                    return Rejected(url, "unreachable", f"HTTP {r.status_code}")
                size = r.headers.get("content-length")
                if size and size.isdigit() and int(size) > max_bytes:
                    return Rejected(url, "too_large", f"{size} bytes, limit {max_bytes}")
                buf = bytearray()
                for chunk in r.iter_bytes():
                    buf += chunk
                    if len(buf) > max_bytes:
                        return Rejected(url, "too_large", f"more than {max_bytes} bytes")
                ctype = r.headers.get("content-type", "")
                path = urlsplit(str(r.url)).path
    except httpx.TimeoutException:
        return Rejected(url, "unreachable", f"timed out after {timeout:g} s")
    except httpx.InvalidURL as e:
        return Rejected(url, "unreachable", f"invalid URL ({e})")
    except httpx.HTTPError as e:
        return Rejected(url, "unreachable", str(e).splitlines()[0][:160] or type(e).__name__)
    return bytes(buf), ctype, posixpath.splitext(path)[1].lower()
