"""Parsed files kept by key, so that a start need not read and check them again.

A file the aid parses at every start (a pack's TOML files, checked in full; a catalogue of interface sentences)
is kept as a JSON document named by a hash of what it was made from (`NAME.KEY.json`): a changed file has
another key, so it is never read from an older copy. Copies built with the package are read first, then those in
the user's cache folder, and only where no one else could have written them (`documents`). `packs` keeps
compiled packs, `catalogues` the catalogues as JSON.
"""
