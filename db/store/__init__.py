"""The store and its queries: one SQLite file, its connections, and the planned SQL behind Store."""

from .connection import Interrupted, StoreError, Tracer, create_store
from .facade import Store

__all__ = ["Interrupted", "Store", "StoreError", "Tracer", "create_store"]
