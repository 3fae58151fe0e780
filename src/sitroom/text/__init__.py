"""Text stage: the Document, its analysis view, sentences and line kinds."""
from __future__ import annotations

from sitroom.ingest.model import RawDocument
from sitroom.text.document import Dateline, Document, Sentence
from sitroom.text.segment import clauses, split_sentences
from sitroom.text.view import simplified_view


def make_document(raw: RawDocument) -> Document:
    """Build the Document of a RawDocument: view, sentences and dateline."""
    from sitroom.time import find_dateline

    language = raw.meta.language or "en"
    view = simplified_view(raw.text) if language == "zh" else raw.text
    doc = Document(text=raw.text, language=language, published=raw.meta.published, doc_id=raw.doc_id,
                   source=raw.meta.source, title=raw.meta.title, url=raw.meta.url, path=raw.origin, view=view)
    doc.sentences = split_sentences(raw.text, view, language)
    doc.dateline = find_dateline(view, raw.meta.published, language)
    return doc


__all__ = ["Dateline", "Document", "Sentence", "clauses", "make_document", "simplified_view"]
