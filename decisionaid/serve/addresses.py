"""Which addresses are private to this computer, and which requests the server accepts.

Bound to this computer only, the server also refuses pages asked for under another name (a web page
elsewhere cannot reach it through a name that it points at 127.0.0.1), and every form must be posted
from the aid's own page.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

LOCAL_NAMES = {"localhost", "localhost.localdomain"}


def is_loopback(host: str) -> bool:
    """Whether `host` (a name or an address, IPv6 with or without brackets) is this computer only."""
    host = host.strip("[]").lower()
    if host in LOCAL_NAMES or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def host_name(host_header: str) -> str:
    """The name in a Host header, without its port: 'localhost:8000' -> 'localhost', '[::1]:80' -> '::1'."""
    return urlsplit(f"//{host_header}").hostname or ""


def url_host(host: str, port: int) -> str:
    """host:port for a URL, with brackets around an IPv6 address."""
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def origin_of(url: str) -> str:
    """'https://kiosk.example/aid/' -> 'https://kiosk.example'."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


class RequestGuard:
    """Decides whether a request's Host and Origin headers are ones the server answers."""

    def __init__(self, bound_host: str, public_url: str | None) -> None:
        self.local_only = is_loopback(bound_host) and public_url is None
        self.public_origin = origin_of(public_url) if public_url else None

    def host_allowed(self, host_header: str) -> bool:
        return not self.local_only or is_loopback(host_name(host_header))

    def origin_allowed(self, origin: str | None, host_header: str) -> bool:
        """A browser sends Origin with a form it posts; when it does, it must be the page's own server."""
        if origin is None:
            return True
        origin = origin.lower()
        return urlsplit(origin).netloc == host_header.lower() or origin == self.public_origin
