"""The aid in a browser: a small web server that runs one copy of the aid per browser tab (textual-serve)."""
