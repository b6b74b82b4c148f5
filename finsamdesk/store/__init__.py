"""The SQLite file through sqlite-utils: connection, schema, migrations, backups, queries."""
