"""The applications desk: list, editor, workflow."""
