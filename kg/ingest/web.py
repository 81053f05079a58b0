"""Fetching a URL: http(s) only, with a timeout and a size limit, and one-line errors.

>>> fetch("file:///etc/passwd")
Traceback (most recent call last):
...
kg.ingest.web.FetchError: only http and https URLs are read, not 'file'
"""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from .. import __version__

TIMEOUT = 20.0  # seconds, for connecting and for each read
MAX_BYTES = 10 * 1024 * 1024
USER_AGENT = f"claimgraph/{__version__} (news claim extraction)"


class FetchError(Exception):
    """A URL that could not be fetched; the message is one line."""


@dataclass
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        check_url(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_HttpOnlyRedirects)


def is_url(value: str) -> bool:
    """True for anything with a URL scheme (``http://``, ``ftp://``), so it is not taken for a path."""
    parts = urlsplit(value)
    return len(parts.scheme) > 1 and bool(parts.netloc)


def check_url(url: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(f"only http and https URLs are read, not {scheme!r}")


def fetch(url: str, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> Fetched:
    """GET ``url``; raises :class:`FetchError` with a one-line reason on any failure."""
    check_url(url)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.8"})
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"larger than {max_bytes // (1024 * 1024)} MB ({int(length)} bytes)")
            data = response.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise FetchError(f"larger than {max_bytes // (1024 * 1024)} MB")
            return Fetched(url=response.geturl(), data=data, content_type=response.headers.get_content_type())
    except urllib.error.HTTPError as err:
        raise FetchError(f"HTTP {err.code} {err.reason}") from None
    except urllib.error.URLError as err:
        reason = err.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise FetchError(f"timed out after {timeout:g} s") from None
        raise FetchError(f"cannot connect ({getattr(reason, 'strerror', None) or reason})") from None
    except (socket.timeout, TimeoutError):
        raise FetchError(f"timed out after {timeout:g} s") from None
    except (OSError, ValueError) as err:
        raise FetchError(f"{err.__class__.__name__}: {err}") from None


def read_url_list(path: str) -> list[str]:
    """The URLs of a file, one a line; blank lines and ``#`` comments are left out."""
    with open(path, encoding="utf-8-sig") as fh:
        return [line.strip() for line in fh if line.strip() and not line.lstrip().startswith("#")]
