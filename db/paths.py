"""Where the default store lives."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP = "sitroom"


def default_store_path() -> Path:
    return Path(platformdirs.user_data_dir(APP, appauthor=False)) / "sitroom.db"


def state_path() -> Path:
    """Where the TUI remembers the last front and filter."""
    return Path(platformdirs.user_state_dir(APP, appauthor=False)) / "state.json"
