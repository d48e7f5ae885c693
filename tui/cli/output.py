"""What the command line prints, and how: text from files and stores is shown literally and clean.

Every message goes through `say` / `warn` with markup off, and every value that came from outside (a
file name, a name read from a file) through `shown`, so neither Rich markup nor a terminal escape
sequence in it can style, move or break the terminal.
"""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from sitroom.db import clean_text

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)


# Piped or redirected, output is read by programs and people scrolling a file: lines are never cut to a
# width Rich would assume (80 columns), whatever COLUMNS says.
UNCUT = 100_000


def line_width() -> int | None:
    """The width to cut lines to: the terminal's, or None when standard output is not a terminal."""
    return out.size.width if out.is_terminal else None


def table_console() -> Console:
    """Where a table is printed: standard output as it is in a terminal, else as wide as the table."""
    if out.is_terminal:
        return out
    return Console(file=out.file, highlight=False, soft_wrap=True, width=UNCUT)


def shown(value: object) -> str:
    """`value` as one clean line for the terminal: no escape sequences, controls or bidi overrides."""
    return clean_text(str(value), single_line=True) or "''"


class Cleaned:
    """A stream whose text is cleaned as it is written (what an export prints): a store written by other
    means than sitroom's importers may hold escape sequences, which must not reach a terminal raw. Lines,
    tabs and the spaces that begin and end a line are kept; only escapes and controls go."""

    cleans = True  # the exporter gives such a stream cleaned values (JSON spells escapes its own way)

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        if not text.replace("\n", "").replace("\t", "").isprintable():
            text = "\n".join(map(_clean_line, text.split("\n")))
        return self.stream.write(text)

    def flush(self) -> None:
        self.stream.flush()


def _clean_line(line: str) -> str:
    if line.replace("\t", "").isprintable():
        return line
    core = line.strip()
    lead, trail = line[:len(line) - len(line.lstrip())], line[len(line.rstrip()):]
    keep = " \t".__contains__  # of the white space around the text, what is not a control
    return "".join(filter(keep, lead)) + (clean_text(core) or "") + "".join(filter(keep, trail))


def say(message: str) -> None:
    out.print(message, markup=False, highlight=False)


def warn(message: str) -> None:
    err.print(message, markup=False, highlight=False)


def failed(command: str, message: str) -> int:
    """Say why `command` wrote nothing, in one sentence on standard error; returns exit code 2."""
    warn(f"sitroom {command}: {message}".rstrip())
    return 2
