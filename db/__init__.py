"""sitroom's event store: schema, queries, importers and the bundled data. Knows nothing of the TUI.

This package's names are its public API: the browser and the command line use nothing else (an
import-linter contract in pyproject.toml checks it).
"""

from .dates import month_end, month_index
from .files.exporting import FORMATS as EXPORT_FORMATS
from .files.formats import FORMATS as IMPORT_FORMATS
from .files.importing import ImportFailed, ImportReport
from .files.sniff import dataset_format, dataset_named
from .filters import EventFilter, FilterError
from .fronts import FrontError, Reassigned
from .geography import Atlas, BBox, Boundaries, Point, Region, atlas, syria
from .happenings import DEFAULT_WINDOW, HappeningError, Linked, Window
from .happenings.proposals import Proposal
from .models import (
    CERTAINTIES,
    PRECISIONS,
    ROLES,
    Account,
    Bloc,
    Cursor,
    EventDetail,
    EventRow,
    Facets,
    Faction,
    Front,
    FrontCount,
    Located,
    Page,
    Party,
    Place,
    Source,
)
from .paths import default_store_path, state_path
from .reports.ingest import MAX_REPORT_BYTES, IngestError, IngestReport
from .reports.review import (
    ACCEPT,
    DROP,
    EVENT_TYPES,
    NEW,
    Decision,
    Fields,
    Review,
    ReviewError,
    ReviewItem,
    place_choices,
    review_blank,
    review_check,
)
from .reports.review_land import Landed
from .search import terms as search_words
from .store import Interrupted, Store, StoreError, Tracer, create_store
from .store.areas import AreaEvents
from .store.control import Handover, Held, Holding
from .store.counts import Ranked
from .store.editing import EditError
from .text import FIELD_LIMITS, bounded, clean_text
from .write.records import RowError, parse_date
from .write.resolve import DEFAULT_MAX_KM

__all__ = [
    "ACCEPT",
    "CERTAINTIES",
    "DEFAULT_MAX_KM",
    "DEFAULT_WINDOW",
    "DROP",
    "EVENT_TYPES",
    "EXPORT_FORMATS",
    "FIELD_LIMITS",
    "IMPORT_FORMATS",
    "MAX_REPORT_BYTES",
    "NEW",
    "PRECISIONS",
    "ROLES",
    "Account",
    "AreaEvents",
    "Atlas",
    "BBox",
    "Bloc",
    "Boundaries",
    "Cursor",
    "Decision",
    "EditError",
    "EventDetail",
    "EventFilter",
    "EventRow",
    "Facets",
    "Faction",
    "Fields",
    "FilterError",
    "Front",
    "FrontCount",
    "FrontError",
    "Handover",
    "HappeningError",
    "Held",
    "Holding",
    "ImportFailed",
    "ImportReport",
    "IngestError",
    "IngestReport",
    "Interrupted",
    "Landed",
    "Linked",
    "Located",
    "Page",
    "Party",
    "Place",
    "Point",
    "Proposal",
    "Ranked",
    "Reassigned",
    "Region",
    "Review",
    "ReviewError",
    "ReviewItem",
    "RowError",
    "Source",
    "Store",
    "StoreError",
    "Tracer",
    "Window",
    "atlas",
    "bounded",
    "clean_text",
    "create_store",
    "dataset_format",
    "dataset_named",
    "default_store_path",
    "month_end",
    "month_index",
    "parse_date",
    "place_choices",
    "review_blank",
    "review_check",
    "search_words",
    "state_path",
    "syria",
]
