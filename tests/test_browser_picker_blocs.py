"""What typing in the filter picker finds among the factions: a faction by any of its names, its units
by the parent's (choosing the parent includes them), a side by the bloc's name."""

from __future__ import annotations

from pathlib import Path

from sitroom.tui.screens import FilterPicker

from .helpers import make_app, plain, settle


def factions_listed(picker: FilterPicker) -> list[str]:
    choices = picker.choices
    return [str(o.id).partition(":")[2] for o in (choices.get_option_at_index(i)
                                                   for i in range(choices.option_count))
            if str(o.id).startswith("faction:")]


async def test_typing_a_parent_lists_its_units_and_a_bloc_lists_its_side(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("f", *"saa")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, FilterPicker)
        listed = factions_listed(picker)
        assert listed[0] == "saa" and sorted(listed[1:]) == ["liwa-al-quds", "ndf", "tiger-forces"]
        rows = [plain(picker.choices.get_option_at_index(i).prompt, 120)
                for i in range(picker.choices.option_count)]
        assert any("LaQ  Liwa al-Quds  unit of SAA" in r for r in rows)
        # Each row names its bloc (the list is ordered by events in view, not grouped by bloc).
        assert all("Government and" in r for r in rows if "unit of SAA" in r)
        # Space on a unit found this way says it is already included once SAA is chosen.
        await pilot.press("space")
        await settle(pilot)
        assert app.view.filter.factions == ("saa",)

        await pilot.press(*["backspace"] * 3, *"government ")
        await settle(pilot)
        # Every faction of the government's side (and the US-led coalition, one of whose ACLED names
        # is "Government of United States of America").
        assert {"russian-aerospace-forces", "saa", "tiger-forces", "liwa-al-quds", "ndf"} <= set(
            factions_listed(picker)) and "isis" not in factions_listed(picker)
        await pilot.press(*["backspace"] * 11, *"isis")
        await settle(pilot)
        assert factions_listed(picker) == ["isis"]  # ISIS's own names; no unit, no ally
