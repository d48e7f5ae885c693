"""Issue 17, round 11: the report as a whole. Its date read off the page when none is given (in the many
shapes pages carry it), datelines and glued stamps kept out of its sentences. Sentences written for the
test."""

from __future__ import annotations

import pytest
from sitroom.db.reports.extract import Lexicon, extract
from sitroom.db.reports.sentences import sentences

from .extract_helpers import lex

__all__ = ["lex"]

NEWS = "The Syrian army captured the town of Maskanah on Sunday after fierce clashes with ISIS."


# -- the report's date, read off the page ------------------------------------------------------------------

@pytest.mark.parametrize(("page", "date", "source"), [
    ("Army takes Maskanah\n\nSun Apr 10, 2016 17:49:14\n\n" + NEWS, "2016-04-10", "stamp"),
    ("Army takes Maskanah\n\n11.06.2017 12:42\n\n" + NEWS, "2017-06-11", "stamp"),
    ("Army takes Maskanah\n\nUpdated 12:43 GMT, 15.03.2017\n\n" + NEWS, "2017-03-15", "stamp"),
    ("2017-03-15 10:21 " + NEWS, "2017-03-15", "stamp"),
    ("15 March 2017 | 10:21 " + NEWS, "2017-03-15", "stamp"),
    (" date 2018-01-10 " + NEWS, "2018-01-10", "stamp"),
    ("Army takes Maskanah\n\nPublish Date : 15 July 2018 - 21:36\n\n" + NEWS, "2018-07-15", "stamp"),
    ("Li Jiayao / 2019-05-14 02:05:58\n\nDAMASCUS, May 13 (Xinhua) -- " + NEWS, "2019-05-13", "dateline"),
    ("Army takes Maskanah\n\nFriday, December 28, 2018\n\n" + NEWS, "2018-12-28", "stamp"),
])
def test_the_reports_date_is_read_off_the_page(page: str, date: str, source: str, lex: Lexicon) -> None:
    x = extract(page, lex)
    assert (x.date, source in x.date_from) == (date, True), x.date_from
    assert all(e.sentence.startswith("The Syrian army") for e in x.events)


def test_a_dateline_is_filed_on_its_own_day_even_when_the_stamp_is_the_next() -> None:
    from sitroom.db.reports.report_date import report_date
    page = "Li Jiayao / 2019-01-01 02:05:58\n\nDAMASCUS, Dec. 31 (Xinhua) -- " + NEWS
    assert report_date(page, sentences(page))[0] == "2018-12-31"


def test_a_caption_that_names_a_date_is_not_the_pages_date(lex: Lexicon) -> None:
    page = ("Army takes Maskanah\n\nA picture taken on July 16, 2017 shows smoke rising over the town of "
            "Maskanah after an air strike by the coalition\n\nUpdated 16 August 2017\n\n" + NEWS)
    assert extract(page, lex).date == "2017-08-16"


def test_a_stamp_marked_updated_gives_way_to_the_published_one(lex: Lexicon) -> None:
    page = "Army takes Maskanah\n\nUpdated: 20 March 2017\n\nPublished: 15 March 2017\n\n" + NEWS
    assert extract(page, lex).date == "2017-03-15"


def test_the_date_given_always_wins(lex: Lexicon) -> None:
    x = extract("Army takes Maskanah\n\nSun Apr 10, 2016 17:49:14\n\n" + NEWS, lex, "2016-04-12")
    assert (x.date, x.date_from) == ("2016-04-12", "given")


def test_an_events_date_says_where_the_reports_date_came_from(lex: Lexicon) -> None:
    x = extract("Army takes Maskanah\n\n11.06.2017 12:42\n\nThe Syrian army captured the town of Maskanah "
                "after fierce clashes with ISIS.", lex)
    assert [e.why["date"] for e in x.events] == [
        "no time in the sentence: the report's date (2017-06-11: the page's date stamp '11.06.2017 12:42')"]


# -- datelines are no sentence's words and no event's place ------------------------------------------------

@pytest.mark.parametrize("dateline", ["DEIR EZ-ZOR GOVERNORATE (DECEMBER 7, 2018) –",
                                      "HOMS, July 10, (Agencies):"])
def test_a_dateline_is_taken_off_the_first_sentence(dateline: str, lex: Lexicon) -> None:
    said = [s for s in sentences(f"{dateline} {NEWS}") if not s.headline]
    assert (said[0].text, said[0].dateline) == (NEWS, dateline)
    found = extract(f"{dateline} {NEWS}", lex, "2018-12-07").events
    assert [e.place_name for e in found] == ["Maskanah"]


# -- the whole report's theatre scopes its first sentence's names ------------------------------------------

@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Lexicon:
    """The bundled store with other countries' ACLED rows imported (test_ingest_scope's rows)."""
    import sqlite3

    from sitroom.db import create_store
    from sitroom.db.files.importing import import_file

    from .test_ingest_scope import HEADER, ROWS
    folder = tmp_path_factory.mktemp("world")
    create_store(folder / "mixed.db")
    (folder / "world.csv").write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    conn = sqlite3.connect(folder / "mixed.db")
    import_file(conn, folder / "world.csv")
    conn.commit()
    return Lexicon(conn)


def test_a_first_sentences_namesake_abroad_is_not_the_place_of_a_syria_report(world: Lexicon) -> None:
    # "Al Husayniyah" is a Yemeni town in the store; nothing is located before it, the sentence names no
    # country: the report's other places (Tal Rifaat, Azaz) say it is about Syria
    text = ("Gunmen attacked Al Husayniyah on Sunday, killing three. Government troops later shelled Tal "
            "Rifaat and Azaz north of Aleppo.")
    first = extract(text, world, "2020-05-10").events[0]
    assert (first.place_name, first.place) == ("Al Husayniyah", None)
    assert "Husayniyah" not in first.location.located_by and (first.location.lon or 40) > 30


def test_one_name_in_the_body_alone_does_not_make_a_country_the_reports(world: Lexicon) -> None:
    from sitroom.db.reports.theatre import report_theatre
    said = sentences("Gunmen attacked Al Husayniyah on Sunday, killing three.")
    assert report_theatre(said, world.gazetteer) == frozenset()


def test_a_report_of_another_war_reads_its_acronyms_in_every_sentence(world: Lexicon) -> None:
    # the sentence names no country; the headline's place and the body's say the report is Yemen's
    text = "Clashes in Hadibu\n\nSTC fighters clashed with government troops in Hadibu on Sunday."
    found = extract(text, world, "2020-05-10").events
    assert "stc-southern-transitional-council" in {slug for f in found for _, slug, _, _ in f.parties}
    # the theatre is the report's own: the next report starts without it
    assert extract("Gunmen attacked Al Husayniyah.", world, "2020-05-10").events[0].place is not None


# -- background read against the report's date -----------------------------------------------------------

REPORT = "2017-12-28"


def _places(text: str, lex: Lexicon, date: str = REPORT) -> list[tuple[str | None, str]]:
    return [(e.place_name, e.type) for e in extract(text, lex, date).events]


def test_a_fight_told_by_when_it_began_long_ago_is_background_with_its_causes(lex: Lexicon) -> None:
    text = ("The fighting and shelling which started again in early December 2017, due to a new attack by "
            "ISIS on Hajin, drove families away from the shelling in Abu Kamal and Maskanah.")
    assert _places(text, lex) == []
    # begun within the last week: the report's news
    assert _places(text.replace("early December 2017", "December 24"), lex) != []


def test_a_month_written_with_its_year_is_that_years_month() -> None:
    from sitroom.db.reports.when import resolve
    assert resolve("Fighting started again in early December 2016.", REPORT)[:2] == ("2016-12-01", "month")


def test_a_past_happening_with_its_date_stays_an_event(lex: Lexicon) -> None:
    # reports recap happenings they count, dated: not background by the date alone
    text = "The army had besieged ISIS fighters in Maskanah after securing Deir Hafer on December 17, 2017."
    assert ("Deir Hafer", "capture") in _places(text, lex, "2018-02-12")


@pytest.mark.parametrize("text", [
    "The base has a huge supply of ammunition and is used regularly to shell parts of Maskanah.",
    "Rebels have repeatedly shelled Maskanah.",
    "The mosque in Maskanah has since been destroyed by government shelling.",
    "Maskanah has been besieged by government forces for more than four years.",
    "The deal failed to materialize as ISIS expanded in Maskanah and started attacks on army positions.",
])
def test_habits_changes_since_and_states_of_years_are_background(text: str, lex: Lexicon) -> None:
    assert _places(text, lex) == []


def test_a_habit_word_beside_a_day_named_is_news(lex: Lexicon) -> None:
    assert _places("Rebels repeatedly shelled Maskanah on Tuesday.", lex) == [("Maskanah", "shelling")]


def test_a_failed_deal_on_a_day_named_tells_the_news(lex: Lexicon) -> None:
    found = _places("The truce collapsed as ISIS attacked Maskanah on Tuesday.", lex)
    assert found == [("Maskanah", "attack")]
