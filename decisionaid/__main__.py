"""Command line entry point: `decisionaid` and `python -m decisionaid`."""

from decisionaid.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
