"""Input the terminal sends that Textual cannot decode or parse is dropped; the aid goes on, keys and all."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_hardening_signals import PtyApp


@pytest.fixture
def app(tmp_path: Path):
    running = PtyApp(tmp_path / "data")
    yield running
    running.close()


@pytest.mark.parametrize(
    "sent", [b"\xff\xfe", b"\x1b[99999999999u", b"\x1b[97:99999999999u"], ids=["not-utf8", "huge-key", "huge-text"]
)
def test_bytes_the_input_parser_cannot_read_never_end_the_aid(app: PtyApp, sent: bytes) -> None:
    app.wait_for("Crisis help: press F2 at any time.")
    app.type(sent)
    app.type(b"\x1bOQ")  # F2, after the bytes that cannot be read (pressed again, should those go with them)
    while "▀ Crisis help ▀" not in app.shown():
        assert app.proc.poll() is None, "the aid ended"
        app.type(b"\x1bOQ")
        app.wait_for("Crisis help")
        app.read(0.5)
    app.type(b"\x1b")
    while "▀ Crisis help ▀" in app.shown():  # closed; a key sent before that would read as Alt with Escape
        assert app.read()
    app.type(b"q")
    assert app.finish() == 0
    assert b"Traceback" not in app.output and b"Error" not in app.output
