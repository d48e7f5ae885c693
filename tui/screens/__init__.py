from .accounts import AccountPicker
from .date_prompt import DatePrompt
from .filter_picker import FilterPicker
from .help import HelpScreen
from .stats import StatsChoice, StatsScreen

__all__ = ["AccountPicker", "DatePrompt", "FilterPicker", "HelpScreen", "StatsChoice", "StatsScreen"]
