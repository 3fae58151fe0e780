"""The Python API for notebooks and scripts: ``sitroom.extract`` reads one text, ``sitroom.open`` a database.

    >>> import sitroom
    >>> events = sitroom.extract("塔利班12日攻占阿富汗西部城市赫拉特。", published="2021-08-13")
    >>> with sitroom.open("sitroom.sqlite") as picture:
    ...     fused = picture.events(fused=True, country="AF")     # a pandas DataFrame

DataFrames need pandas (``pip install sitroom[notebook]``); everything else is the command line's own code.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitroom.errors import OptionError, SitroomError

if TYPE_CHECKING:
    import pandas


def extract(text: str, published: str | date, lang: str | None = None, source: str | None = None) -> list[dict]:
    """The events of one article's text, as the contract's records (the JSON Lines of ``sitroom extract``).

    ``published`` anchors relative dates (12日, on Friday) and is required, as on the command line; ``lang`` is
    ``zh``, ``en`` or None to tell from the text. Bad input raises a SitroomError with a one-line message.
    """
    from sitroom.ingest.metadata import Metadata, parse_date, parse_language
    from sitroom.ingest.readers import document_from_text
    from sitroom.store.ingest import analyse_for_store

    if not isinstance(text, str):
        raise OptionError(f"text must be a str, not {type(text).__name__}")
    day = parse_date(published, "published")
    if day is None:
        raise OptionError("published is required (YYYY-MM-DD): relative dates in the text are read from it")
    meta = Metadata(published=day, language=parse_language(lang), source=source)
    item = document_from_text(text, meta, "<text>")
    if isinstance(item, SitroomError):
        raise item
    doc = analyse_for_store(item)
    if isinstance(doc, str):
        raise SitroomError(doc)
    return [event.to_contract() for event in doc.events]


class Picture:
    """A sitroom database opened read-only for analysis: events, control, documents and the report."""

    def __init__(self, db: str | Path) -> None:
        from sitroom.store import Store

        self._store = Store(db, must_exist=True, readonly=True)

    def __enter__(self) -> "Picture":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database."""
        self._store.close()

    def events(self, fused: bool = False, type: str | None = None, country: str | None = None,  # noqa: A002
               actor: str | None = None, since: str | date | None = None,
               until: str | date | None = None) -> "pandas.DataFrame":
        """Events as a DataFrame, one row each: every report's (the contract's fields, the place and evidence
        spread over columns) or, with ``fused=True``, the merged picture (one row per fused event)."""
        from sitroom.store import flat_fused
        from sitroom.store.filters import check_filters, with_actor
        from sitroom.store.output import CSV_COLUMNS, FUSED_COLUMNS, flat_event

        f = check_filters(type, country, since, until)
        if fused:
            rows = self._store.fused_events(event_type=f.event_type, country=f.country, since=f.since, until=f.until)
            rows = with_actor(rows, actor)
            return _frame([flat_fused(r) for r in rows], FUSED_COLUMNS, ("best_date", "date_start", "date_end"))
        rows = self._store.query_events(event_type=f.event_type, country=f.country, actor=actor, since=f.since,
                                        until=f.until)
        return _frame([flat_event(r) for r in rows], CSV_COLUMNS, ("date_start", "date_end"))

    def control(self, at: str | date | None = None, country: str | None = None) -> "pandas.DataFrame":
        """Who controls each place reported taken on ``at`` (default: the latest known), one row per place."""
        from sitroom.fuse.control import state_at
        from sitroom.ingest.metadata import parse_date
        from sitroom.store.filters import check_filters

        day = parse_date(at, "at")
        code = check_filters(country=country).country
        changes = state_at(self._store.fused_events(event_type="territory_captured"),
                           day.isoformat() if day else None, code)
        rows = [c.as_row() for c in changes]
        return _frame(rows, list(rows[0]) if rows else ["place", "controller", "since"], ("since", "until"))

    def documents(self) -> "pandas.DataFrame":
        """The stored documents' metadata, one row each."""
        return _frame(self._store.documents(), ["doc_id", "path", "title", "source", "url", "published", "language"],
                      ("published",))

    def report(self, since: str | date | None = None, until: str | date | None = None, country: str | None = None,
               format: str = "md") -> str:  # noqa: A002
        """The situation report of the period as Markdown (``format="md"``) or HTML."""
        from sitroom.report.brief import build_brief
        from sitroom.report.render import to_html, to_markdown
        from sitroom.store.filters import check_filters

        if format not in ("md", "html"):
            raise OptionError(f"format {format!r} is not md or html")
        f = check_filters(None, country, since, until)
        documents = {d["doc_id"]: d for d in self._store.documents()}
        brief = build_brief(self._store.fused_events(), documents, f.country,
                            f.since.isoformat() if f.since else None, f.until.isoformat() if f.until else None)
        return to_html(brief) if format == "html" else to_markdown(brief)


def open(db: str | Path) -> Picture:  # noqa: A001 - sitroom.open, as the notebook reads it
    """Open a sitroom database (an SQLite file or a postgresql:// URL) read-only."""
    return Picture(db)


def _frame(rows: list[dict[str, Any]], columns: list[str], dates: tuple[str, ...]) -> "pandas.DataFrame":
    try:
        import pandas
    except ImportError:
        raise SitroomError("DataFrames need pandas: pip install 'sitroom[notebook]'") from None
    frame = pandas.DataFrame(rows, columns=columns)
    for column in dates:  # dates as datetime64 columns, for filtering and resampling
        frame[column] = pandas.to_datetime(frame[column], errors="coerce")
    return frame
