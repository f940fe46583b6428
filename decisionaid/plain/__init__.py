"""The plain-text front end: the whole journey as numbered prompts, for screen readers, braille and scripts.

It prints words only (no colours, cursor movement, boxes or pictures) and never imports Textual.
"""
