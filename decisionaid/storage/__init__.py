"""Files on disk: atomic writes, data paths, the answers file, settings and locks."""
