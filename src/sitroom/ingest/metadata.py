"""Parsing and checking metadata values: dates, languages, sidecar files."""
from __future__ import annotations

import json
import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

from sitroom.errors import InputError, OptionError
from sitroom.ingest.model import Metadata
from sitroom.settings import LANGUAGES

SIDECAR_SUFFIX = ".meta.json"
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T ]|\s*$)")


def parse_date(value: object, what: str = "published date") -> date | None:
    """Read a date from ISO 8601 (``2021-08-14``, ``2021-08-14T10:00Z``) or RFC 822; None if empty."""
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    m = _ISO.match(text)
    try:
        if m:
            return date(int(m[1]), int(m[2]), int(m[3]))
        return parsedate_to_datetime(text).date()
    except (ValueError, TypeError, IndexError):
        raise OptionError(f"{what} {text!r} is not a date; write it as YYYY-MM-DD") from None


def parse_language(value: object) -> str | None:
    """Check a language code: ``zh``, ``en`` or ``auto`` (None); regional tags such as zh-TW are accepted."""
    if value in (None, "", "auto"):
        return None
    code = str(value).strip().lower().replace("_", "-").split("-")[0]
    if code not in LANGUAGES:
        raise OptionError(f"unknown language {value!r}; use one of: {', '.join(LANGUAGES)}, auto")
    return code


def metadata_from_mapping(obj: dict, path: str) -> Metadata:
    """Build Metadata from a JSON object's ``published``, ``language``, ``source``, ``url``, ``title``."""
    try:
        return Metadata(
            published=parse_date(obj.get("published") or obj.get("date")),
            language=parse_language(obj.get("language") or obj.get("lang")),
            source=_str(obj.get("source")),
            url=_str(obj.get("url")),
            title=_str(obj.get("title")),
        )
    except OptionError as exc:
        raise InputError(exc.message, path) from None


def _str(value: object) -> str | None:
    return None if value in (None, "") else str(value).strip()


def sidecar_path(path: Path) -> Path:
    """``NAME.txt`` -> ``NAME.meta.json`` beside it."""
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> Metadata:
    """Metadata from the sidecar beside ``path``, or empty Metadata when there is none."""
    side = sidecar_path(path)
    if not side.is_file():
        return Metadata()
    try:
        obj = json.loads(side.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"sidecar is not valid UTF-8 JSON: {exc}", str(side)) from None
    if not isinstance(obj, dict):
        raise InputError("sidecar must hold one JSON object", str(side))
    return metadata_from_mapping(obj, str(side))


def is_sidecar(path: Path) -> bool:
    """Files ending in ``.meta.json`` are always sidecars, never documents."""
    return path.name.endswith(SIDECAR_SUFFIX)


def parse_datetime_loose(value: object) -> date | None:
    """Like parse_date, but returns None instead of raising (for dates inside feeds and HTML)."""
    try:
        return parse_date(value)
    except OptionError:
        if isinstance(value, datetime):
            return value.date()
        return None
