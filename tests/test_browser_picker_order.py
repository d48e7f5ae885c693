"""The filter picker's factions: ↓ from the narrowing box lands on the first match, and the list opens
on the factions with events in view, most first, each row naming its bloc."""

from __future__ import annotations

from pathlib import Path

from sitroom.db import EventFilter
from sitroom.tui.screens import FilterPicker

from .helpers import make_app, plain, settle
from .test_browser_picker import answered


def rows(picker: FilterPicker) -> list[tuple[str, str]]:
    choices = picker.choices
    options = [choices.get_option_at_index(i) for i in range(choices.option_count)]
    return [(str(o.id), plain(o.prompt, width=70).rstrip()) for o in options]


async def test_down_from_the_box_lands_on_the_first_match(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press(str(app.fronts_pane.slugs.index("deir-ezzor")))
        await settle(pilot)
        await pilot.press("f", *"ISIS")
        await answered(pilot)
        await pilot.press("down", "space")
        await settle(pilot)
        assert app.view.filter == EventFilter(factions=("isis",))  # not the source listed next
        await pilot.press("enter")
        await settle(pilot)
        assert "ISIS" in plain(app.filter_bar.content, width=200)
        assert not isinstance(app.screen, FilterPicker)


async def test_down_twice_moves_past_the_first_match(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("f", *"saa")
        await answered(pilot)
        picker = app.screen
        first = picker._highlighted_id()
        await pilot.press("down")
        assert picker._highlighted_id() == first
        await pilot.press("down")
        assert picker._highlighted_id() not in (first, None)
        await pilot.press("escape")


async def test_the_factions_with_events_in_view_come_first_most_first(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await answered(pilot)
        picker = app.screen
        assert isinstance(picker, FilterPicker)
        listed = rows(picker)
        ids = [i for i, _ in listed]
        assert ids[0] == "hdr:active" and "hdr:rest" in ids
        active = [(i, r) for i, r in listed[:ids.index("hdr:rest")] if i.startswith("faction:")]
        rest = [(i, r) for i, r in listed[ids.index("hdr:rest"):] if i.startswith("faction:")]
        counts = [int(r.split()[-1]) for _, r in active]
        assert active and rest and all(r.endswith(" 0") for _, r in rest)
        # The families with the busiest member first: a unit sits under its parent, with its own count.
        counts_of = picker.facets.factions
        family: dict[str, int] = {}
        for slug, n in counts_of.items():
            root = picker._root.get(slug, slug)
            family[root] = max(family.get(root, 0), n)
        sizes = [family[picker._root[i.partition(":")[2]]] for i, _ in active]
        assert sizes == sorted(sizes, reverse=True) and sizes[0] == max(family.values())
        assert sum(counts) > 0
        # Each row names its bloc, the list being ordered by events rather than by bloc.
        top = picker.by_slug[active[0][0].partition(":")[2]]
        bloc = next(b for b in app.ref.blocs if b.slug == top.bloc)
        assert bloc.name[:10] in active[0][1]
        assert picker._highlighted_id() == active[0][0]  # the picker opens on it
        await pilot.press("escape")


async def test_a_family_ranks_by_its_busiest_member_not_the_sum(db_path: Path) -> None:
    from dataclasses import replace

    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await answered(pilot)
        picker = app.screen
        # A parent's count holds its units' events (SAA 10 = NDF 5 + Tiger Forces 5): summed, the
        # family would have 20 and come before ISIS's 12.
        picker.facets = replace(picker.facets, factions={"saa": 10, "ndf": 5, "tiger-forces": 5, "isis": 12})
        active, _ = picker._ordered(list(picker.factions))
        assert [f.slug for f in active][:2] == ["isis", "saa"]
        await pilot.press("escape")
