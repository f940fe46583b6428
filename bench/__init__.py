"""Benchmarks of decisionaid: startup, key latency, content loading, commands and memory (`python -m bench`)."""
