"""The question bank."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel

from interview_prep_backend.api.errors import ApiError
from interview_prep_backend.api.schemas import errors
from interview_prep_backend.pipeline.content.bank import BY_ID, CATEGORIES, ROLES, Question, find

router = APIRouter(prefix="/api/v1", tags=["questions"])


class TalkingPointOut(BaseModel):
    point: str
    keywords: list[str]


class QuestionOut(BaseModel):
    id: str
    role: str
    category: str
    text: str
    ideal_seconds: tuple[int, int]
    expects_star: bool
    talking_points: list[TalkingPointOut]


class QuestionList(BaseModel):
    items: list[QuestionOut]
    total: int
    roles: list[str]
    categories: list[str]


def _out(q: Question) -> QuestionOut:
    return QuestionOut(
        id=q.id,
        role=q.role,
        category=q.category,
        text=q.text,
        ideal_seconds=q.ideal_seconds,
        expects_star=q.expects_star,
        talking_points=[
            TalkingPointOut(point=t.point, keywords=list(t.keywords)) for t in q.talking_points
        ],
    )


@router.get("/questions", response_model=QuestionList, responses=errors(422))
def list_questions(
    role: Literal[ROLES] | None = Query(None),  # type: ignore[valid-type]
    category: Literal[CATEGORIES] | None = Query(None),  # type: ignore[valid-type]
) -> QuestionList:
    """Questions, filtered by role and category."""
    items = [_out(q) for q in find(role, category)]
    return QuestionList(
        items=items, total=len(items), roles=list(ROLES), categories=list(CATEGORIES)
    )


@router.get("/questions/{question_id}", response_model=QuestionOut, responses=errors(404, 422))
def get_question(question_id: str) -> QuestionOut:
    q = BY_ID.get(question_id)
    if q is None:
        raise ApiError(404, "unknown_question", "No question in the bank has this id.")
    return _out(q)
