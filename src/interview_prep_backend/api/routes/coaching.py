"""The rules coach's thresholds, so a page can explain every score in plain words."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from interview_prep_backend.pipeline.coach.thresholds import GROUP_WEIGHTS, THRESHOLDS

router = APIRouter(prefix="/api/v1", tags=["coaching"])


class ThresholdOut(BaseModel):
    metric: str
    group: str
    label: str
    target: str
    why: str
    source: str
    weight: float


class Thresholds(BaseModel):
    group_weights: dict[str, float]
    metrics: list[ThresholdOut]


@router.get("/coaching/thresholds", response_model=Thresholds)
def thresholds() -> Thresholds:
    return Thresholds(
        group_weights=GROUP_WEIGHTS,
        metrics=[
            ThresholdOut(metric=t.key, group=t.group, label=t.label, target=t.band(),
                         why=t.why, source=t.source, weight=t.weight)
            for t in THRESHOLDS
        ],
    )  # fmt: skip
