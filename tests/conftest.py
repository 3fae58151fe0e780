"""Shared fixtures: paths to the shared evaluation kit (tests that need it skip when it is absent)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REFERENCE = SHARED / "corpus" / "xinhua-2021-08-14-afghanistan.zh.txt"


@pytest.fixture
def shared_dir() -> Path:
    """The ../shared folder; skip the test when the evaluation kit is not beside the checkout."""
    if not (SHARED / "eval" / "score.py").is_file():
        pytest.skip("../shared (the evaluation kit) is not present beside this checkout")
    return SHARED


def build_picture(folder: Path, extra: list[Path] = ()) -> Path:
    """Ingest examples/corpus and the ``extra`` article files into folder/picture.sqlite; returns its path."""
    from sitroom.ingest import Metadata, discover, read_file
    from sitroom.store import Store, ingest_documents

    folder.mkdir(parents=True, exist_ok=True)
    items = []
    for p in discover([str(ROOT / "examples" / "corpus")] + [str(x) for x in extra]):
        items.extend(read_file(p, Metadata()) if isinstance(p, Path) else [p])
    db = folder / "picture.sqlite"
    with Store(db) as store:
        report = ingest_documents(store, items)
    assert not report.failures, report.failures
    assert report.new == len(items)
    return db


def write_article(folder: Path, name: str, text: str, meta: dict) -> Path:
    """Write ``NAME.txt`` with its ``NAME.meta.json`` sidecar into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    path = folder / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    return path
