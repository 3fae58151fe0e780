"""HTML pages and HTML fragments to plain text."""
from __future__ import annotations

import html as htmllib
import re

from sitroom.ingest.metadata import parse_datetime_loose
from sitroom.ingest.model import Metadata

_BLOCK = re.compile(r"</?(p|div|br|li|h[1-6]|tr|article|section|blockquote)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1>", re.I | re.S)


def fragment_to_text(fragment: str) -> str:
    """Strip tags from an HTML fragment (a feed item's body), one paragraph per block element."""
    text = _SCRIPT.sub("", fragment)
    text = _BLOCK.sub("\n", text)
    text = htmllib.unescape(_TAG.sub("", text))
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def page_to_text(page: str) -> tuple[str, Metadata]:
    """Main text and metadata of a whole web page, through trafilatura (fallback: tag stripping)."""
    import trafilatura

    doc = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text) < 40:
        body = re.search(r"<body\b.*?</body>", page, re.I | re.S)
        text = fragment_to_text(body.group(0) if body else page)
    meta = Metadata()
    if doc is not None:
        meta = Metadata(published=parse_datetime_loose(getattr(doc, "date", None)),
                        title=getattr(doc, "title", None) or None,
                        url=getattr(doc, "url", None) or None,
                        source=getattr(doc, "sitename", None) or None,
                        language=None)
    return text, meta
