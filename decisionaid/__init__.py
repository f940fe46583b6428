"""decisionaid: an offline patient decision aid for the terminal."""

__version__ = "0.1.0"
