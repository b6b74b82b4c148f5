"""Use cases over the store and the documents; the window and the CLI call these and nothing below."""
