"""The app's own themes: a high-contrast one beside Textual's built-ins."""

from __future__ import annotations

from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="decisionaid-high-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFFFF",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#000000",
    boost="#FFFFFF",
    success="#00FF00",
    warning="#FFFF00",
    error="#FF6060",
    dark=True,
    variables={
        "block-cursor-background": "#FFFF00",
        "block-cursor-foreground": "#000000",
        "block-cursor-text-style": "bold",
        "footer-key-foreground": "#FFFF00",
        "footer-description-foreground": "#FFFFFF",
        "text-muted": "#E6E6E6",
        "border": "#FFFFFF",
        "border-blurred": "#FFFFFF",
        "input-selection-background": "#FFFF00 60%",
    },
)

THEMES = (HIGH_CONTRAST,)
