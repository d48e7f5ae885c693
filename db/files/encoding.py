"""Which text encoding a file is in, decided once from the whole file, before any row is read.

Files come as UTF-8 (with or without a byte-order mark), as UTF-16 with a byte-order mark (Excel's
"Unicode text"), or as Windows-1252 (a spreadsheet's "CSV" on Windows). A file whose bytes are not UTF-8
anywhere it leaves ASCII, and that has no UTF-8 character at all, is Windows-1252; a UTF-8 file with a
stray byte stays UTF-8, so the row holding that byte is named and skipped rather than the whole file
misread.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

_CHUNK = 1 << 20
_STRAY = re.compile("[\udc80-\udcff]")  # a byte that is not UTF-8, kept by surrogateescape
_UTF8_CHARACTER = re.compile("[\u0080-\udc7f\udd00-\U0010ffff]")  # decoded from valid UTF-8
# The five bytes Windows-1252 leaves undefined: a file holding them is not Windows-1252 either.
_UNDEFINED_1252 = frozenset(b"\x81\x8d\x8f\x90\x9d")


@dataclass(frozen=True)
class Encoding:
    codec: str  # for open(): utf-8-sig, utf-16 or cp1252
    name: str  # in words, for the report: "UTF-8", "UTF-16", "Windows-1252"
    lines: int  # about how many lines the file has (the progress bar's total)

    @property
    def worth_saying(self) -> bool:
        """A file that is not UTF-8: the report says how it was read."""
        return self.codec != "utf-8-sig"


def survey(path: Path) -> Encoding:
    """Read `path` once, a megabyte at a time: its encoding and its number of lines. Raises OSError."""
    with path.open("rb") as f:
        head = f.read(2)
        if head in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            f.seek(0)
            wide = codecs.getincrementaldecoder("utf-16")(errors="replace")
            lines = sum(wide.decode(chunk).count("\n") for chunk in iter(lambda: f.read(_CHUNK), b""))
            return Encoding("utf-16", "UTF-16", lines or 1)
        f.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")(errors="surrogateescape")
        lines, utf8, stray = 0, False, set[int]()
        while chunk := f.read(_CHUNK):
            lines += chunk.count(b"\n")
            if chunk.isascii():
                continue
            text = decoder.decode(chunk)
            stray.update(ord(c) - 0xDC00 for c in _STRAY.findall(text))
            utf8 = utf8 or bool(_UTF8_CHARACTER.search(text))
    if stray and not utf8 and not stray & _UNDEFINED_1252:
        return Encoding("cp1252", "Windows-1252", lines or 1)
    return Encoding("utf-8-sig", "UTF-8", lines or 1)
