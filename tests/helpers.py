"""Small helpers shared by tests: running the CLI and copying packs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).parent
COMMUTE = TESTS / "packs" / "commute"
ROOT = TESTS.parent
KETAMINE = ROOT / "content" / "ketamine"


def run_cli(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None, input: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `python -m decisionaid ARGS` in a subprocess and capture its output."""
    full_env = {**os.environ, **(env or {})}
    full_env.pop("NO_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "decisionaid", *args],
        cwd=cwd,
        env=full_env,
        input=input,
        capture_output=True,
        text=True,
        timeout=120,
    )


def run_in_process(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None, input: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `decisionaid ARGS` in this process, as `run_cli` does in a subprocess: same streams, same result.

    Quicker than a new interpreter; tests of what a process imports, or of signals, use `run_cli`.
    """
    import contextlib
    import io

    from decisionaid.cli import main

    stdout, stderr = io.StringIO(), io.StringIO()
    saved_env, saved_cwd, saved_stdin = dict(os.environ), Path.cwd(), sys.stdin
    os.environ.update(env or {})
    os.environ.pop("NO_COLOR", None)
    sys.stdin = io.StringIO(input or "")
    try:
        if cwd is not None:
            os.chdir(cwd)
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            try:
                status = main(list(args))
            except SystemExit as exc:  # argparse: --help, --version and usage errors
                status = exc.code if isinstance(exc.code, int) else 2
    finally:
        os.chdir(saved_cwd)
        sys.stdin = saved_stdin
        os.environ.clear()
        os.environ.update(saved_env)
    return subprocess.CompletedProcess(["decisionaid", *args], status, stdout.getvalue(), stderr.getvalue())


def copy_pack(source: Path, dest: Path) -> Path:
    """A writable copy of a pack folder."""
    shutil.copytree(source, dest)
    return dest


def require_tool(name: str, why: str) -> None:
    """Skip when a tool the test needs is missing on a developer's machine; fail in CI, which must have it."""
    import pytest

    if shutil.which(name) is not None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{name} is not installed, and CI must run this test: {why}")
    pytest.skip(f"{name} is not installed ({why})")
