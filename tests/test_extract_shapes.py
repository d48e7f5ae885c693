"""Names read by their shape (particles of any case and spacing, a direction before a name) and background
told by its stated date or a deal's terms: sentences written for each phenomenon."""

from __future__ import annotations

from .extract_helpers import events, lex  # noqa: F401


def _places(text: str, lex) -> list[str]:  # noqa: F811
    return sorted(f.place_name or "" for f in events(text, lex))


def test_a_lowercase_tail_after_a_particle_stays_in_the_name(lex):  # noqa: F811
    found = _places("Government troops took the villages of Khirbet al-jadida and Tal al-ahmar on Monday.",
                    lex)
    assert found == ["Khirbet al-jadida", "Tal al-ahmar"]


def test_a_particle_spaced_from_its_word_does_not_break_the_list(lex):  # noqa: F811
    found = _places("The army regained the villages of Umm al- Kusur, Jubb Abyad and Bir al-sharqi.", lex)
    assert found == ["Bir al-sharqi", "Jubb Abyad", "Umm al- Kusur"]


def test_a_direction_after_the_is_not_part_of_the_name(lex):  # noqa: F811
    found = events("Rebels seized all of the north-eastern Hay al-Zuhour district, activists said.", lex)
    assert [f.place_name for f in found] == ["Hay al-Zuhour district"]


def test_a_direction_without_the_still_names_an_area(lex):  # noqa: F811
    text = "Turkish troops are advancing around the border town of Ras al-Ayn in northern al-Hasakah."
    found = events(text, lex)
    assert [f.place_name for f in found] == ["Ras al-Ayn"]


def test_a_month_and_year_before_the_report_is_background(lex):  # noqa: F811
    assert events("The militants were expelled from the town of Qaryatayn in April 2016.", lex) == []
    assert events("The militants were expelled from the town of Qaryatayn last April.", lex) == []
    # the same wording without the stated date is a happening
    assert [f.place_name for f in events("The militants were expelled from the town of Qaryatayn.", lex)] == \
        ["Qaryatayn"]


def test_a_deals_terms_are_not_happenings(lex):  # noqa: F811
    text = ("Under a deal reached between the presidents of Russia and Turkey, a buffer zone encircling the "
            "town of Morek was set up and Turkish troops advanced to the village of Surman.")
    assert events(text, lex) == []
