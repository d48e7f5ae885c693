from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sitroom.db import Store, create_store


@pytest.fixture(scope="session")
def bundled_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built once from the bundled data; tests copy it so none can change another's."""
    path = tmp_path_factory.mktemp("bundled") / "sitroom.db"
    create_store(path)
    return path


@pytest.fixture
def db_path(bundled_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "sitroom.db"
    shutil.copy(bundled_db, path)
    return path


@pytest.fixture
def store(db_path: Path):
    s = Store(db_path)
    yield s
    s.close()
