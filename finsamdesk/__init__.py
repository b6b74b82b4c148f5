"""finsamdesk: desktop app for a samordningsförbund over one local SQLite file."""

__version__ = "0.1.0"
