"""sitroom's event store: schema, queries, importers and the bundled data. Knows nothing of the TUI."""

from .filters import EventFilter, FilterError
from .loader import RowError
from .models import (
    CERTAINTIES,
    Bloc,
    Cursor,
    EventDetail,
    EventRow,
    Facets,
    Faction,
    Front,
    FrontCount,
    Page,
    Party,
    Place,
    Source,
)
from .paths import default_store_path
from .store import Interrupted, Store, StoreError

__all__ = [
    "CERTAINTIES",
    "Bloc",
    "Cursor",
    "EventDetail",
    "EventFilter",
    "EventRow",
    "Facets",
    "Faction",
    "FilterError",
    "Front",
    "FrontCount",
    "Interrupted",
    "Page",
    "Party",
    "Place",
    "RowError",
    "Source",
    "Store",
    "StoreError",
    "default_store_path",
]
