"""A typed lookup for tests: the analysis a test made is stored, or the test fails here."""

from __future__ import annotations

from interview_prep_backend.db.models import Analysis
from interview_prep_backend.db.repository import Repository


def row_of(repo: Repository, analysis_id: str) -> Analysis:
    row = repo.get(analysis_id)
    assert row is not None, f"analysis {analysis_id} is not stored"
    return row
