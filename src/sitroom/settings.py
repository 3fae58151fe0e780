"""One place for defaults and thresholds used across the pipeline."""
from __future__ import annotations

from dataclasses import dataclass

LANGUAGES = ("zh", "en")
DEFAULT_DB = "sitroom.sqlite"
MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Settings:
    """Frozen options passed to every stage instead of loose keyword arguments."""

    min_city_population: int = 1000
    fuzzy_place_score: float = 88.0
    context_sentences: int = 3
    progress_min_files: int = 20
    document_seconds: float = 60.0  # analysis of one document stops after this long: reported, not stored


DEFAULTS = Settings()
