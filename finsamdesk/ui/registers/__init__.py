"""Registers: organisations, contact persons, the förbund's settings."""
