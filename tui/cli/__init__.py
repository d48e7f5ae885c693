"""The `sitroom` command: browse a store (no command), import, ingest and export; one module a command."""

from .main import main, version

__all__ = ["main", "version"]
