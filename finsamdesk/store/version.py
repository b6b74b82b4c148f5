"""The file version a finsamdesk file carries in PRAGMA user_version: the number of migrations in store/schema.py
(a test checks), here on its own so that opening a file at this version needs neither the schema nor sqlite-utils."""
SCHEMA_VERSION = 8
