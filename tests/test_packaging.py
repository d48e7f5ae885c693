"""What `pip install .` ships: one top-level name, `sitroom`, with every package under db/ and tui/
as sitroom.db and sitroom.tui, and their data files."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from sitroom.tui.cli import main, version

ROOT = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text())


def test_every_subpackage_is_installed_under_sitroom() -> None:
    setuptools = CONFIG["tool"]["setuptools"]
    on_disk = {
        ".".join(("sitroom", *p.parent.relative_to(ROOT).parts))
        for top in ("db", "tui")
        for p in (ROOT / top).rglob("__init__.py")
    }
    assert on_disk == set(setuptools["packages"])
    assert setuptools["package-dir"] == {"sitroom.db": "db", "sitroom.tui": "tui"}
    data = setuptools["package-data"]
    assert "data/*.json" in data["sitroom.db"] and "data/*.jsonl" in data["sitroom.db"]
    assert "*.tcss" in data["sitroom.tui"]
    assert CONFIG["project"]["scripts"] == {"sitroom": "sitroom.tui.cli:main"}


def test_the_bare_names_db_and_tui_are_not_importable() -> None:
    code = "import importlib.util as u; print(u.find_spec('db'), u.find_spec('tui'))"
    found = subprocess.run([sys.executable, "-c", code], cwd="/", capture_output=True, text=True)
    assert found.stdout.strip() == "None None", found.stdout + found.stderr


def test_version_comes_from_the_package_metadata(capsys) -> None:
    assert version() == CONFIG["project"]["version"]
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"sitroom {CONFIG['project']['version']}"


def test_the_import_contracts_hold() -> None:
    """db/ imports neither Textual nor the browser; tui/ uses only sitroom.db's public API."""
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--config", str(ROOT / "pyproject.toml")], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout
