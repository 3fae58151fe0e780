"""Bytes to text: UTF-8 (with or without BOM), UTF-16/32 with BOM, GB18030/GBK and Big5.

Legacy Chinese encodings are told apart by how much of the decoded text is
common Chinese characters; when neither reading is convincing the file is
refused rather than guessed.
"""
from __future__ import annotations

import codecs
import re
from functools import lru_cache
from importlib import resources

from sitroom.errors import DecodeError, InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = {
    b"%PDF": "a PDF file",
    b"\x89PNG": "a PNG image",
    b"PK\x03\x04": "a ZIP archive (docx/xlsx?)",
    b"\x1f\x8b": "a gzip archive",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
}
_CJK = re.compile(r"[\u4e00-\u9fff]")
_MIN_COMMON_SHARE = 0.35


@lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    """The most frequent Chinese characters, Simplified and Traditional (data file)."""
    text = resources.files("sitroom.ingest").joinpath("data/common_hanzi.txt").read_text("utf-8")
    return frozenset(c for c in text if _CJK.match(c))


def _common_share(text: str) -> float:
    cjk = _CJK.findall(text)
    if not cjk:
        return 0.0
    common = _common_chars()
    return sum(c in common for c in cjk) / len(cjk)


def normalise_newlines(text: str) -> str:
    """Translate CRLF and CR to LF, as Python's text mode does when reading a file."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``; raise a DecodeError naming ``path``.

    Newlines are normalised to LF and a byte-order mark is dropped, so offsets
    match the text Python reads from the same file in text mode.
    """
    if not data.strip():
        raise InputError("file is empty", path)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"starts with a {enc} byte-order mark but is not valid {enc}: {exc.reason}", path) from None
            text = text.lstrip("\ufeff")
            if not text.strip():
                raise InputError("file is empty (only a byte-order mark and whitespace)", path)
            return normalise_newlines(text), enc.replace("-sig", "")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"is {what}, not a text document", path)
    if b"\x00" in data[:4096]:
        raise InputError("is binary (contains NUL bytes and no UTF-16 byte-order mark)", path)
    try:
        return normalise_newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    readings = []
    for enc in ("gb18030", "big5"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        readings.append((_common_share(text), enc, text))
    readings.sort(reverse=True)
    if readings and readings[0][0] >= _MIN_COMMON_SHARE:
        best = readings[0]
        if len(readings) == 1 or best[0] - readings[1][0] >= 0.15:
            return normalise_newlines(best[2]), best[1]
        raise DecodeError("encoding is ambiguous between GB18030 and Big5; convert the file to UTF-8", path)
    raise DecodeError("cannot be decoded as UTF-8, UTF-16, GB18030 or Big5 text; convert it to UTF-8", path)
