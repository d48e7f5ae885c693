"""The filter picker's Places and Sources sections (issue 19): the few with the most events in the
view, counted by the store, narrowed by typing, toggled with space."""

from __future__ import annotations

from pathlib import Path

from sitroom.db import EventFilter
from sitroom.tui.screens import FilterPicker
from sitroom.tui.screens.filter_picker import RANKED
from sitroom.tui.state import StateFile, ViewState

from .helpers import column, make_app, plain, settle

SWR = "swr-2017-06-30"


def _section(picker: FilterPicker, kind: str) -> list[str]:
    """The rows of one section (place, source), as plain text."""
    choices = picker.choices
    options = [choices.get_option_at_index(i) for i in range(choices.option_count)]
    return [plain(o.prompt, width=70).rstrip() for o in options if o.id.startswith(f"{kind}:")]


async def answered(pilot) -> None:
    """Wait until the store has answered the picker for what is typed now: it is asked once typing
    pauses (a timer), then counts in a worker."""
    picker = pilot.app.screen
    for _ in range(200):
        await settle(pilot)
        like = picker.like
        if picker.ranked_like.get("place") == like and picker.ranked_like.get("source") == like:
            return
        await pilot.pause(0.05)
    raise AssertionError(f"the picker never had its answer for {picker.like!r}")


async def _open_picker(pilot, *typed: str) -> FilterPicker:
    await settle(pilot)
    await pilot.press("f", *typed)
    assert isinstance(pilot.app.screen, FilterPicker)
    await answered(pilot)
    return pilot.app.screen


async def test_the_picker_lists_the_places_and_sources_with_most_events(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        picker = await _open_picker(pilot)
        places = _section(picker, "place")
        assert len(places) == RANKED < len(app.ref.places)  # the top few, not every place
        assert places[0].startswith("[ ] Raqqa") and places[0].endswith(" 2")
        assert places[1].startswith("[ ] Resafa") and places[1].endswith(" 2")
        assert all(p.endswith(" 1") for p in places[2:])
        [source] = _section(picker, "source")
        assert source.startswith("[ ] Syrian War Report") and source.endswith(" 24")


async def test_typing_finds_places_beyond_the_top_few_by_name_or_alias(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        picker = await _open_picker(pilot, *"tarma")
        assert [p.split("  ")[0] for p in _section(picker, "place")] == [
            "[ ] Ayn Tarma", "[ ] Ayn Tarma Roundabout"]
        assert _section(picker, "source") == []
        await pilot.press(*["backspace"] * 5, *"meshleb")  # an alias of Al-Mashlabi
        await answered(pilot)
        assert [p.split("  ")[0] for p in _section(picker, "place")] == ["[ ] Al-Mashlabi"]


async def test_space_on_a_place_filters_by_it(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        picker = await _open_picker(pilot, *"jobar")
        await pilot.press("space")
        await settle(pilot)
        assert app.view.filter == EventFilter(places=("jobar",))
        assert _section(picker, "place")[0].startswith("[x] Jobar")
        assert "places Jobar" in plain(app.filter_bar.content, width=200)
        await pilot.press("escape")
        await settle(pilot)
        assert column(app, "place") == ["Jobar"]


async def test_space_on_a_source_filters_by_it_and_the_bar_names_it(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        picker = await _open_picker(pilot, *"report")  # space toggles: one word
        await pilot.press("space")
        await settle(pilot)
        assert app.view.filter == EventFilter(sources=(SWR,))
        assert _section(picker, "source")[0].startswith("[x] Syrian War Report")
        bar = plain(app.filter_bar.content, width=300)
        assert "sources Syrian War Report – June 30, 2017" in bar
        await pilot.press("escape")
        await settle(pilot)
        assert len(column(app, "place")) == 24


async def test_a_chosen_place_stays_listed_under_another_narrowing(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        picker = await _open_picker(pilot, *"jobar")
        await pilot.press("space", *["backspace"] * 5, *"raqqa")
        await answered(pilot)
        places = [p.split("  ")[0] for p in _section(picker, "place")]
        assert places == ["[ ] Raqqa", "[x] Jobar"]


async def test_the_counts_follow_the_rest_of_the_filter(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        picker = await _open_picker(pilot, *"claimed")
        await pilot.press("space", *["backspace"] * 7)
        await answered(pilot)
        assert [p.split("  ")[0] for p in _section(picker, "place")] == ["[ ] Ayn Tarma", "[ ] Jobar"]
        assert _section(picker, "source")[0].endswith(" 2")


async def test_a_remembered_source_filter_is_named_at_launch(db_path: Path, tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    StateFile(state).save(db_path, ViewState(filter=EventFilter(sources=(SWR,))))
    app = make_app(db_path, state)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert "sources Syrian War Report" in plain(app.filter_bar.content, width=300)


async def test_the_picker_asks_only_for_the_top_few(db_path: Path) -> None:
    """Never a whole table: each ranking is one grouped query with a LIMIT, its names joined after."""
    app = make_app(db_path)
    seen: list[tuple[str, tuple]] = []
    app.store.count_tracer = lambda sql, params: seen.append((sql, params))
    async with app.run_test(size=(160, 45)) as pilot:
        await _open_picker(pilot, *"a%_")
        ranked = [(sql, p) for sql, p in seen if "GROUP BY 1) g" in sql]
        assert ranked and all(sql.rstrip().endswith("LIMIT ?") and p[-1] == RANKED for sql, p in ranked)
        typed = [p for sql, p in ranked if "LIKE" in sql]
        # The typed text is a parameter, escaped; on a loaded machine typing may pause after "a" or "a%"
        # long enough for the picker to ask for that first.
        prefixes = {"%a%", "%a\\%%", "%a\\%\\_%"}
        assert typed and all(set(p[:-1]) <= prefixes for p in typed) and "%a\\%\\_%" in typed[-1]
        assert not any("a%_" in sql for sql, _ in seen)


async def test_on_a_large_store_an_estimate_comes_first_then_the_exact_counts(db_path: Path,
                                                                            monkeypatch) -> None:
    monkeypatch.setattr("sitroom.db.store.counts.TALLY_FROM", 0)  # as a large store
    answers: list[tuple[str, bool]] = []
    real = FilterPicker.update_ranked

    def recorded(self, by, like, ranked):
        answers.append((by, any(r.estimated for r in ranked)))
        real(self, by, like, ranked)

    monkeypatch.setattr(FilterPicker, "update_ranked", recorded)
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("1")  # Raqqa: a filter, so the exact ranking reads its events
        picker = await _open_picker(pilot)
        assert answers[:2] == [("place", True), ("place", False)]
        assert ("source", True) in answers and answers[-1] == ("source", False)
        assert not any("≈" in row for row in _section(picker, "place"))
        assert _section(picker, "source")[0].endswith(" 6")
