"""The dev set (../shared/eval/gold): quality floors, and `sitroom eval` agreeing with the shared scorer."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from click.testing import CliRunner

from sitroom.cli import main
from sitroom.evaluate.runner import evaluate_gold_files


def test_dev_set_floors(shared_dir: Path) -> None:
    result = evaluate_gold_files(sorted((shared_dir / "eval" / "gold").glob("*.gold.json")), shared_dir / "corpus")
    micro = result["micro"]["all"]
    assert micro["precision"] >= 0.90, micro
    assert micro["recall"] >= 0.90, micro
    assert micro["spans_valid"] == 1.0
    assert {"zh", "en"} <= set(result["micro"])


def test_eval_command_agrees_with_the_shared_scorer(shared_dir: Path) -> None:
    spec = importlib.util.spec_from_file_location("shared_score", shared_dir / "eval" / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    out = CliRunner().invoke(main, ["eval", str(shared_dir / "eval" / "gold"), "--corpus", str(shared_dir / "corpus"), "--json"])
    assert out.exit_code == 0, out.output
    ours = json.loads(out.output)
    for row in ours["documents"]:
        gold = json.loads(Path(row["gold"]).read_text("utf-8"))
        preds = json.loads(CliRunner().invoke(main, ["eval", row["gold"], "--corpus", str(shared_dir / "corpus"),
                                                     "--json"]).output)["documents"][0]
        text = Path(row["document"]).read_text("utf-8")
        # re-extract with the CLI and score with the shared scorer: counts must agree
        extracted = CliRunner().invoke(main, ["extract", row["document"], "--published", gold["published"],
                                              "--lang", gold["language"][:2]]).output
        pred_events = [json.loads(line) for line in extracted.splitlines() if line.strip()]
        theirs = scorer.score(gold, pred_events, text)
        assert (preds["core_found"], preds["judged"], preds["judged_right"]) == \
            (theirs["core_found"], theirs["judged"], theirs["judged_right"]), row["document"]


def test_eval_reports_a_missing_document_clearly(tmp_path: Path) -> None:
    gold = tmp_path / "x.gold.json"
    gold.write_text(json.dumps({"document": "nowhere.txt", "language": "en", "published": "2021-08-13",
                                "exhaustive_types": [], "events": []}), encoding="utf-8")
    out = CliRunner().invoke(main, ["eval", str(gold)])
    assert out.exit_code == 1
    assert "nowhere.txt" in out.output and "Traceback" not in out.output
