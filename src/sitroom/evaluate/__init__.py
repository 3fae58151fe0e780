"""Evaluation: scoring extractions against gold files (``sitroom eval``)."""
from sitroom.evaluate.matching import matches, prf, score_document
from sitroom.evaluate.runner import evaluate_gold_files

__all__ = ["evaluate_gold_files", "matches", "prf", "score_document"]
