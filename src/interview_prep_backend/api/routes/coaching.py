"""The rules coach's thresholds, so a page can explain every score in plain words."""

from __future__ import annotations

from fastapi import APIRouter

from interview_prep_backend.pipeline.coach.thresholds import GROUP_WEIGHTS, THRESHOLDS

router = APIRouter(prefix="/api/v1", tags=["coaching"])


@router.get("/coaching/thresholds")
def thresholds() -> dict:
    return {
        "group_weights": GROUP_WEIGHTS,
        "metrics": [
            {"metric": t.key, "group": t.group, "label": t.label, "target": t.band(),
             "why": t.why, "source": t.source, "weight": t.weight}
            for t in THRESHOLDS
        ],
    }  # fmt: skip
