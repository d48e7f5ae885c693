from __future__ import annotations

import importlib.abc
import shutil
import sys
from pathlib import Path

import pytest
from sitroom.db import Store, create_store


class _OnlyInstalledNames(importlib.abc.MetaPathFinder):
    """pytest puts the repository's root on sys.path, where the folders db/ and tui/ would import as
    second copies of sitroom.db and sitroom.tui; tests must use the installed names."""

    def find_spec(self, name, path=None, target=None):
        if name in ("db", "tui"):
            raise ImportError(f"import sitroom.{name}, not the bare folder name {name!r}")
        return None


sys.meta_path.insert(0, _OnlyInstalledNames())


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


@pytest.fixture
def fresh(tmp_path: Path):
    """A new store as `sitroom import FILE --db NEW` makes one: the reference data, no events."""
    path = tmp_path / "fresh.db"
    create_store(path, bundled=False)
    s = Store(path)
    yield s
    s.close()


@pytest.fixture(scope="session")
def many_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three countries, about forty divisions: the ACLED rows of three_countries_acled.csv and an event
    known only to each division of Syria, Iraq and Lebanon, each on its front (issue 15)."""
    from .real_rows import make_store, provinces, real_rows

    return make_store(tmp_path_factory.mktemp("many") / "many.db",
                      real_rows("three_countries_acled.csv") + provinces())


@pytest.fixture(scope="session")
def car_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Central African Republic rows of UCDP GED 23.1, as imported, each on its front."""
    from .real_rows import make_store, real_rows

    return make_store(tmp_path_factory.mktemp("car") / "car.db", real_rows("ucdp_ged_231_car.csv"))
