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


# publication dates sitroom accepts: relative dates ("last year", "in 30 years") are worked out from them, and
# the calendar of Python's dates ends at years 1 and 9999
FIRST_YEAR, LAST_YEAR = 1000, 9000


def parse_date(value: object, what: str = "published date") -> date | None:
    """Read a date from ISO 8601 (``2021-08-14``, ``2021-08-14T10:00Z``) or RFC 822; None if empty."""
    if value in (None, ""):
        return None
    if isinstance(value, date):
        parsed = value.date() if isinstance(value, datetime) else value
    else:
        text = str(value).strip()
        m = _ISO.match(text)
        try:
            parsed = date(int(m[1]), int(m[2]), int(m[3])) if m else parsedate_to_datetime(text).date()
        except (ValueError, TypeError, IndexError, OverflowError):
            raise OptionError(f"{what} {text!r} is not a date; write it as YYYY-MM-DD") from None
    if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
        raise OptionError(f"{what} {parsed.isoformat()} is outside the years {FIRST_YEAR} to {LAST_YEAR} that "
                          "sitroom reads")
    return parsed


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


def parse_json(text: str, where: str, what: str = "is not valid JSON") -> object:
    """``json.loads`` whose every failure is one InputError naming the file: bad syntax, nesting too deep
    to parse, or an integer too long to convert."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{what}: {exc.msg} at line {exc.lineno}", where) from None
    except RecursionError:
        raise InputError(f"{what}: nested too deeply to parse", where) from None
    except ValueError as exc:  # an integer of thousands of digits
        raise InputError(f"{what}: {str(exc).split(';')[0]}", where) from None


def read_sidecar(path: Path) -> Metadata:
    """Metadata from the sidecar beside ``path``, or empty Metadata when there is none."""
    side = sidecar_path(path)
    if not side.is_file():
        return Metadata()
    try:
        raw = side.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"sidecar is not valid UTF-8 JSON: {exc}", str(side)) from None
    obj = parse_json(raw, str(side), "sidecar is not valid UTF-8 JSON")
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
        return None
