"""Running extraction on each gold file's document and scoring the set."""
from __future__ import annotations

import json
from pathlib import Path

from sitroom.errors import InputError
from sitroom.evaluate.matching import prf, score_document
from sitroom.ingest import Metadata, read_file
from sitroom.ingest.metadata import parse_date, parse_language


def find_document(gold_path: Path, name: str, corpus: Path | None) -> Path:
    """The gold file's document: in ``corpus`` if given, else beside the gold file or in ../corpus, ../../corpus."""
    base = Path(name).name
    candidates = [corpus / base] if corpus else []
    here = gold_path.parent
    candidates += [here / name, here / base, here.parent / "corpus" / base, here.parent.parent / "corpus" / base]
    for c in candidates:
        if c.is_file():
            return c
    raise InputError(f"cannot find its document {name!r}; pass --corpus DIR", str(gold_path))


def evaluate_gold_files(gold_paths: list[Path], corpus: Path | None = None) -> dict:
    """Extract and score every gold file; per-document rows plus micro-averages by language and in all."""
    from sitroom.pipeline import analyse

    rows = []
    totals: dict[str, list[int]] = {}
    for gold_path in gold_paths:
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise InputError(f"is not a readable gold file: {exc}", str(gold_path)) from None
        doc_path = find_document(gold_path, gold["document"], corpus)
        lang = parse_language(gold.get("language")) or "zh"
        meta = Metadata(published=parse_date(gold.get("published")), language=lang)
        raw = next(item for item in read_file(doc_path, meta))
        if isinstance(raw, Exception):
            raise raw
        preds = [e.to_contract() for e in analyse(raw).events]
        result = score_document(gold, preds, raw.text)
        p, r, f1 = prf(result["core_found"], result["core_total"], result["judged_right"], result["judged"])
        rows.append({"gold": str(gold_path), "document": str(doc_path), "language": lang,
                     "precision": p, "recall": r, "f1": f1, **result})
        for key in (lang, "all"):
            t = totals.setdefault(key, [0, 0, 0, 0, 0, 0])
            t[0] += result["core_found"]
            t[1] += result["core_total"]
            t[2] += result["judged_right"]
            t[3] += result["judged"]
            t[4] += round((result["evidence_spans_valid"] or 0) * result["predicted"])
            t[5] += result["predicted"]
    micro = {}
    for key, t in totals.items():
        p, r, f1 = prf(t[0], t[1], t[2], t[3])
        micro[key] = {"precision": p, "recall": r, "f1": f1, "spans_valid": t[4] / t[5] if t[5] else 1.0,
                      "core_found": t[0], "core_total": t[1], "judged_right": t[2], "judged": t[3]}
    return {"documents": rows, "micro": micro}


def format_report(result: dict, details: bool = True) -> str:
    """The human-readable report: one row per document, misses and false positives, micro-averages."""
    lines = [f"{'document':58} {'P':>7} {'R':>7} {'F1':>6}"]
    for row in result["documents"]:
        name = Path(row["document"]).name[:58]
        lines.append(f"{name:58} {row['judged_right']:>3}/{row['judged']:<3} {row['core_found']:>3}/{row['core_total']:<3} "
                     f"{row['f1']:6.3f}")
        if details:
            for g in row["missed"]:
                loc = (g.get("location") or {}).get("name") or "-"
                lines.append(f"    missed {g['id']}: {g['type']} {loc} {g.get('date')} | {g.get('evidence', '')}")
            for p in row["false_positives"]:
                loc = (p.get("location") or {}).get("name") or "-"
                lines.append(f"    false positive: {p['event_type']} {p.get('actor1')} {loc} {p.get('date_start')} "
                             f"| {(p.get('evidence') or {}).get('text', '')[:80]}")
    for key in sorted(result["micro"], key=lambda k: (k == "all", k)):
        m = result["micro"][key]
        lines.append(f"{key}: precision={m['precision']:.3f} recall={m['recall']:.3f} f1={m['f1']:.3f} "
                     f"spans={m['spans_valid']:.2f}")
    return "\n".join(lines)
