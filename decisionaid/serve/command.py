"""The command each browser tab runs. textual-serve hands it to a shell, so every argument is quoted."""

from __future__ import annotations

import shlex
from pathlib import Path


def app_command(
    python: str,
    pack_dir: Path,
    *,
    kiosk: bool = False,
    idle_minutes: int | None = None,
    local_help: str | None = None,
    theme: str | None = None,
    language: str | None = None,
) -> str:
    """`exec python -m decisionaid --pack DIR ...`, quoted for /bin/sh; `exec` lets signals reach the aid itself."""
    argv = [python, "-m", "decisionaid", "--pack", str(pack_dir)]
    if theme:
        argv += ["--theme", theme]
    if language:
        argv += ["--language", language]
    if kiosk:
        argv.append("--kiosk")
        if idle_minutes is not None:
            argv += ["--idle-minutes", str(idle_minutes)]
    if local_help:
        argv += ["--local-help", local_help]
    return "exec " + shlex.join(argv)
