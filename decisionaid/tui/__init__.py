"""The full-screen Textual front end: app, screens, widgets, themes and styles."""
