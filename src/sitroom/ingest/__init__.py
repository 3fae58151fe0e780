"""Ingest stage: files and folders in, decoded RawDocuments with metadata out."""
from sitroom.ingest.model import Metadata, RawDocument, doc_id_for
from sitroom.ingest.readers import detect_language, discover, read_file

__all__ = ["Metadata", "RawDocument", "doc_id_for", "detect_language", "discover", "read_file"]
