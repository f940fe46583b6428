"""Renderers of the summary as files a person takes away."""
