"""The kinds of meeting and their names (domain/meetings.py re-exports them): a module of its own so that the
start page can name a meeting to come without the meeting's classes."""
KINDS = {"beredning": "Beredningsgrupp", "styrelse": "Styrelse", "annat": "Annat möte"}
