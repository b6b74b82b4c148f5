"""Pure domain: money, dates, identifiers, applications, the workflow and form templates.

Nothing here imports Qt, SQLite, reportlab or openpyxl.
"""
