"""Renderers of the handout as files a person takes away: plain text, Markdown, a web page to print, and a
FHIR record for a clinic's system."""

FORMATS = ("text", "md", "html", "fhir")
SUFFIXES = {"text": ".txt", "md": ".md", "html": ".html", "fhir": ".json"}
