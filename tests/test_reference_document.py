"""The reference document: every core gold event comes out, with valid evidence spans."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from sitroom.ingest import Metadata, read_file
from sitroom.ingest.metadata import parse_date
from sitroom.pipeline import analyse


def _scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("sitroom_eval_score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_reference_document_recall_and_precision(shared_dir: Path) -> None:
    doc_path = shared_dir / "corpus" / "xinhua-2021-08-14-afghanistan.zh.txt"
    gold = json.loads((shared_dir / "eval" / "gold" / "xinhua-2021-08-14-afghanistan.gold.json").read_text("utf-8"))
    raw = next(read_file(doc_path, Metadata(published=parse_date("2021-08-14"), language="zh")))
    preds = [e.to_contract() for e in analyse(raw).events]
    text = doc_path.read_text(encoding="utf-8")
    result = _scorer(shared_dir).score(gold, preds, text)
    assert result["recall_core"] >= 0.95, result["missed"]
    assert result["precision"] >= 0.90, result["false_positives"]
    assert result["evidence_spans_valid"] == 1.0


def test_list_sentence_gives_seven_captures_by_the_taliban(shared_dir: Path) -> None:
    doc_path = shared_dir / "corpus" / "xinhua-2021-08-14-afghanistan.zh.txt"
    raw = next(read_file(doc_path, Metadata(published=parse_date("2021-08-14"), language="zh")))
    captured = [e for e in analyse(raw).events if e.event_type == "territory_captured" and e.place.kind == "city"]
    names = {e.place.name for e in captured}
    assert {"Ghazni", "Qala-i-Naw", "Herat", "Kandahar", "Lashkar Gah", "Tarinkot", "Firozkoh"} <= names
    for e in captured:
        assert e.actor1 == "Taliban"
        assert str(e.date_start) in ("2021-08-12", "2021-08-13")
