"""`sitroom fronts` and `sitroom factions` piped into a file or another program (no terminal): every line
whole, however long, whatever width Rich would otherwise assume; in a terminal the fronts' last column
is still cut to its width, and a slug never is."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from rich.console import Console
from sitroom.db import create_store
from sitroom.tui.cli import main, output

REAL = Path(__file__).parent / "data" / "real"
BOKO = "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"


def real_store(tmp_path: Path) -> Path:
    path = tmp_path / "real.db"
    create_store(path, bundled=False)
    for name in ("three_countries_acled.csv", "acled_2015_upper.csv", "ucdp_ged_231_car.csv"):
        main(["import", str(REAL / name), "--db", str(path)])
    return path


def piped(*args: str) -> list[str]:
    """What the command prints into a pipe, with COLUMNS saying 80."""
    env = {**os.environ, "COLUMNS": "80"}
    done = subprocess.run([sys.executable, "-m", "sitroom.tui.cli", *args], capture_output=True, text=True,
                          env=env, check=True)
    return done.stdout.splitlines()


def test_fronts_and_factions_print_whole_lines_into_a_pipe(tmp_path: Path) -> None:
    store = str(real_store(tmp_path))
    fronts = piped("fronts", "--db", store)
    car = next(line for line in fronts if line.startswith("central-african-republic-country-wide "))
    assert "Central African Republic (country-wide)" in car
    assert car.rstrip().endswith("country: events located only to Central African Republic")
    assert not any("…" in line for line in fronts)
    factions = piped("factions", "--db", store)
    assert factions[0].split() == ["slug", "short", "name", "bloc", "unit", "of", "events"]
    boko = next(line for line in factions if line.startswith("boko-haram"))
    assert BOKO in boko and " BokoHaram " in boko
    assert not any("…" in line for line in factions)


def test_in_a_terminal_the_fronts_last_column_fits_its_width(tmp_path: Path, monkeypatch) -> None:
    store = str(real_store(tmp_path))
    screen = io.StringIO()
    monkeypatch.setattr(output, "out", Console(file=screen, width=80, force_terminal=True, highlight=False,
                                               soft_wrap=True, color_system=None))
    monkeypatch.setattr("sitroom.tui.cli.fronts_cmd.out", output.out)
    assert main(["fronts", "--db", store]) == 0
    lines = screen.getvalue().splitlines()
    car = next(line for line in lines if line.startswith("central-african-republic-country-wide "))
    assert car.endswith("country: ev…")  # the last column cut to what is left; the slug whole (typed back)
