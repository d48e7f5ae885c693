"""The browser's panes. They show what they are given and post messages; none of them queries."""

from .detail import DetailPane
from .filter_bar import FilterBar, SearchBox
from .fronts import FrontsPane
from .map import MapPane, MapView, Selected
from .timeline import Heading, Histogram, Timeline
from .welcome import Welcome

__all__ = ["DetailPane", "FilterBar", "FrontsPane", "Heading", "Histogram", "MapPane", "MapView",
           "SearchBox", "Selected", "Timeline", "Welcome"]
