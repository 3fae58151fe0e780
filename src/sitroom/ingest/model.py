"""What a reader hands to the pipeline: one article's text and its metadata."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cached_property
from datetime import date


@dataclass(frozen=True)
class Metadata:
    """Article metadata from the file, its sidecar or the command line."""

    published: date | None = None
    language: str | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None

    def merged(self, override: "Metadata") -> "Metadata":
        """Return a copy where every field that ``override`` sets wins."""
        changes = {k: v for k, v in vars(override).items() if v not in (None, "")}
        return replace(self, **changes)


@dataclass(frozen=True)
class RawDocument:
    """One article as read from a file: decoded text plus metadata and where it came from."""

    text: str
    meta: Metadata
    path: str
    fmt: str
    encoding: str = "utf-8"
    item: int | None = None  # index inside a JSONL/feed file
    extra: dict = field(default_factory=dict)

    @property
    def origin(self) -> str:
        """File name, with the item number for multi-document files (``feed.xml#3``)."""
        return self.path if self.item is None else f"{self.path}#{self.item}"

    @cached_property
    def doc_id(self) -> str:
        """Stable id: derived from the normalised text only (computed once)."""
        return doc_id_for(self.text)


_WS = re.compile(r"\s+")


def normalise_for_identity(text: str) -> str:
    """NFKC, whitespace removed between CJK and collapsed elsewhere: the text an id is made of."""
    text = unicodedata.normalize("NFKC", text)
    text = _WS.sub(" ", text).strip()
    return re.sub(r"(?<=[^\x00-\x7f]) | (?=[^\x00-\x7f])", "", text)


def doc_id_for(text: str) -> str:
    """The document id of ``text``: 16 hex digits of SHA-256 of its normalised form."""
    return hashlib.sha256(normalise_for_identity(text).encode("utf-8")).hexdigest()[:16]
