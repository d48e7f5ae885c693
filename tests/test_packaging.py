"""What `pip install .` ships: every package under db/ and tui/, and their data files."""

from __future__ import annotations

import tomllib
from pathlib import Path

from setuptools import find_packages

ROOT = Path(__file__).resolve().parent.parent


def test_every_subpackage_is_installed() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    shipped = set(find_packages(ROOT, include=config["packages"]["find"]["include"]))
    on_disk = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for top in ("db", "tui")
        for p in (ROOT / top).rglob("__init__.py")
    }
    assert on_disk <= shipped
    data = config["package-data"]
    assert "data/*.json" in data["db"] and "data/*.jsonl" in data["db"]
    assert "*.tcss" in data["tui"]
