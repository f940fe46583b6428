"""Command line entry point: `decisionaid` and `python -m decisionaid`."""

from __future__ import annotations

import sys
import threading

from decisionaid.cli import main as run_command


def main() -> int:
    """Run the command; a fault that reaches this far is told without a traceback, whose values may hold what a
    person typed."""
    sys.excepthook = _tell_fault
    threading.excepthook = lambda hook: _tell_fault(hook.exc_type, hook.exc_value, hook.exc_traceback)
    return run_command()


def _tell_fault(kind: type[BaseException], error: BaseException | None, _traceback: object) -> None:
    from decisionaid.core.catalogue import load_catalogue
    from decisionaid.core.faults import fault_report

    if error is None or isinstance(error, KeyboardInterrupt):
        sys.__excepthook__(kind, error or kind(), None)  # type: ignore[arg-type]
        return
    print(fault_report(error, load_catalogue()), file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
