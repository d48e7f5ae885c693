"""UCDP's sources as the file means them: `source_article` is a `;`-joined list of quoted entries, each
"office,date,headline" ("Xinhua News Agency,2021-08-29,Five killed in ...: source"); `source_office`,
`source_date` and `source_headline` are the same lists column by column. A source's title is that list
read out, one entry a source: "Xinhua News Agency, 2021-08-29: Five killed in ...; Al Arabiya, ...".
A store imported into before took the raw field as the title: mend_titles puts those right."""

from __future__ import annotations

import csv
import re
import sqlite3

TITLE_MAX = 500  # characters: a title is shown on one line of the detail pane
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _entry(text: str) -> str:
    """One source, "office,date,headline" → "office, date: headline"."""
    office, sep, rest = text.partition(",")
    date, sep2, headline = rest.partition(",")
    if not (sep and _DATE.match(date.strip())):
        return " ".join(text.split())
    out = f"{office.strip()}, {date.strip()}"
    return f"{out}: {' '.join(headline.split())}" if sep2 and headline.strip() else out


def article_entries(article: str) -> list[str]:
    """The sources a `source_article` field lists, each as "office, date: headline"."""
    text = article.strip()
    if not text:
        return []
    if text.startswith('"'):
        cells = next(csv.reader([text], delimiter=";", skipinitialspace=True), [])
    else:
        cells = [text]
    return [e for e in (_entry(c) for c in cells if c.strip()) if e]


def listed_entries(office: str, date: str, headline: str) -> list[str]:
    """The sources the three `;`-joined columns list, when the article field is empty; the columns read
    together only when they list as many (a headline may hold a ";")."""
    offices, dates = office.split(";"), date.split(";")
    headlines = headline.split(";")
    if not office.strip():
        return []
    if not (len(offices) == len(dates) == len(headlines)):
        return [" ".join(office.split())]
    return [_entry(",".join(parts)) for parts in zip(offices, dates, headlines, strict=True)]


def title(article: str, office: str = "", date: str = "", headline: str = "") -> str:
    """A UCDP row's sources as one title (TITLE_MAX at most, cut between sources when it can)."""
    entries = article_entries(article) or listed_entries(office, date, headline)
    out = ""
    for entry in entries:
        joined = f"{out}; {entry}" if out else entry
        if len(joined) > TITLE_MAX:
            return out or joined[:TITLE_MAX]
        out = joined
    return out


def mend_titles(conn: sqlite3.Connection) -> int:
    """The UCDP sources an older import titled with the raw field (quoted entries): titled as the file
    means them. How many it changed."""
    # The title was cut at 200 characters; the whole field is among its events' attributes.
    rows = conn.execute(
        "SELECT s.id, s.title, (SELECT json_extract(e.attributes, '$.source_article') FROM events e "
        "WHERE e.source = s.id LIMIT 1) FROM sources s WHERE s.kind = 'UCDP' AND s.title LIKE '\"%'"
    ).fetchall()
    for source_id, raw, article in rows:
        conn.execute("UPDATE sources SET title = ? WHERE id = ?", (title(article or raw) or raw, source_id))
    return len(rows)
