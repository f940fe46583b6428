"""Exports of the handout: plain text, Markdown and a self-contained web page, and writing them safely."""

FORMATS = ("text", "md", "html")
SUFFIXES = {"text": ".txt", "md": ".md", "html": ".html"}
