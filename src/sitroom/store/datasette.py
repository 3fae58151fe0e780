"""Browsing a sitroom database with Datasette (SQL, facets, JSON and CSV of any query): the metadata that names
its tables, facets and canned queries, written for the database file at hand."""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path


def datasette_metadata(db_path: str | Path) -> dict:
    """Datasette metadata for ``db_path`` (Datasette keys table metadata by the file's stem)."""
    spec = json.loads(resources.files("sitroom.store").joinpath("data/datasette.json").read_text(encoding="utf-8"))
    return {"title": spec["title"], "description": spec["description"],
            "databases": {Path(db_path).stem: {"tables": spec["tables"], "queries": spec["queries"]}}}
