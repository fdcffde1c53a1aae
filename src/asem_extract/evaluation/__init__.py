"""Scoring extraction records against gold annotations (ANNOTATION.md, Scoring)."""

from .gold import GoldDocument, load_gold_dir, validate_gold_dir
from .scoring import Scores, score

__all__ = ["GoldDocument", "load_gold_dir", "validate_gold_dir", "Scores", "score", "evaluate"]


def evaluate(gold_dir, records):
    """Strict and lenient P/R/F1 per label and the normalisation accuracies, as DataFrames."""
    from .frames import scores_to_frames

    gold = load_gold_dir(gold_dir)
    return scores_to_frames(score(gold, records))
