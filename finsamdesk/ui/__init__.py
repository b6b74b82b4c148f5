"""The window: PySide6 widgets over the services. No SQL and no business rules here."""
