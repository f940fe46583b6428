"""Renderers of the handout as files a person takes away: plain text, Markdown and a web page to print."""

FORMATS = ("text", "md", "html")
SUFFIXES = {"text": ".txt", "md": ".md", "html": ".html"}
