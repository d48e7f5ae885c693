from .filter_picker import FilterPicker
from .help import HelpScreen

__all__ = ["FilterPicker", "HelpScreen"]
