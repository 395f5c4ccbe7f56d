"""Meaning by sentence embeddings (all-MiniLM-L6-v2, numpy, no PyTorch, no network)."""

from interview_prep_backend.pipeline.meaning.model import DIM, embed, load
from interview_prep_backend.pipeline.meaning.score import (
    centroid,
    covers,
    profile_text,
    relative_rank,
    sentence_similarities,
    similarity,
)
from interview_prep_backend.pipeline.meaning.star import PARTS, part_scores, prototype_vectors

__all__ = [
    "DIM",
    "PARTS",
    "centroid",
    "covers",
    "embed",
    "load",
    "part_scores",
    "profile_text",
    "prototype_vectors",
    "relative_rank",
    "sentence_similarities",
    "similarity",
]
