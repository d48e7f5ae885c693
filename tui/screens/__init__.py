from .date_prompt import DatePrompt
from .filter_picker import FilterPicker
from .help import HelpScreen

__all__ = ["DatePrompt", "FilterPicker", "HelpScreen"]
