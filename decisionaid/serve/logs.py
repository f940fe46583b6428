"""The server's log: one line per event, its name and fields (names, counts, timings), never a value a person
sent. Every field is a name the server chose or a number it counted."""

from __future__ import annotations

import logging
import sys

log = logging.getLogger("decisionaid.serve")


def event(name: str, *, level: int = logging.INFO, **fields: str | int | float) -> None:
    """Log `name key=value ...`; a float is written with two decimals."""
    written = (f"{key}={value:.2f}" if isinstance(value, float) else f"{key}={value}" for key, value in fields.items())
    log.log(level, " ".join([name, *written]))


def setup_logging() -> None:
    """Event lines on stderr; aiohttp's own loggers are silenced, since their messages may quote a request."""
    if not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        log.addHandler(handler)
    log.setLevel(logging.INFO)
    logging.getLogger("aiohttp").setLevel(logging.CRITICAL + 1)
