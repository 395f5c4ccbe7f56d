"""The question bank: `questions.yaml` beside this module, checked when it is loaded.

The bank was 950 lines of Python literals; as data it is edited without touching code
and checked by the schema below at import, so a bad entry (unknown role, category,
ideal length or language, a duplicate id, a talking point with no keywords) stops
start-up with the file, the question's id and the field named, rather than surfacing as
a wrong answer later. YAML rather than JSON: the file carries comments (its sections and
why the lengths are what they are). The questions are English text, so each carries a
`language` that must name a language pack; it chooses the pack its answers are judged
with.

Each question has a `type` (pipeline/content/question_type.py): whether a STAR story is
expected follows from it, not from the coarser category ("What achievement are you
most proud of?" is filed under motivation but asks for a story; "Tell me about
yourself" under motivation is a self-introduction, not a STAR story).
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)

from interview_prep_backend.pipeline.content.question_type import TYPES, QuestionType
from interview_prep_backend.pipeline.language import available
from interview_prep_backend.pipeline.language.pack import SAFE_LOADER

BANK_FILE = Path(__file__).with_name("questions.yaml")


def _split(value: Any) -> Any:
    return tuple(value.split()) if isinstance(value, str) else value


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TalkingPoint(_Frozen):
    point: str = Field(min_length=1)
    # Written as one string of words; each is matched as a stem.
    keywords: Annotated[tuple[str, ...], BeforeValidator(_split), Field(min_length=1)]


class Question(_Frozen):
    id: str
    language: str
    role: str
    category: str
    type: QuestionType
    text: str
    ideal_seconds: tuple[int, int]
    expects_star: bool
    talking_points: tuple[TalkingPoint, ...]

    @property
    def keywords(self) -> tuple[str, ...]:
        return tuple(k for tp in self.talking_points for k in tp.keywords)


class _Entry(_Frozen):
    """One question as the file writes it."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    language: str
    role: str
    category: str
    type: QuestionType
    ideal: str  # a name from ideal_lengths
    text: str = Field(min_length=1)
    talking_points: tuple[TalkingPoint, ...] = Field(min_length=1)


class _BankFile(_Frozen):
    roles: tuple[str, ...] = Field(min_length=1)
    categories: tuple[str, ...] = Field(min_length=1)
    star_categories: frozenset[str]
    ideal_lengths: dict[str, tuple[int, int]]
    questions: tuple[_Entry, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> _BankFile:
        problems = []
        if not self.star_categories <= set(self.categories):
            problems.append(f"star_categories {sorted(self.star_categories)} not all categories")
        for name, (low, high) in self.ideal_lengths.items():
            if not 0 < low < high:
                problems.append(f"ideal_lengths.{name}: {low}-{high} s is not a range")
        seen: set[str] = set()
        for q in self.questions:
            where = f"question {q.id!r}"
            if q.id in seen:
                problems.append(f"{where}: the id is used twice")
            seen.add(q.id)
            for field, value, allowed in (
                ("role", q.role, self.roles),
                ("category", q.category, self.categories),
                ("ideal", q.ideal, tuple(self.ideal_lengths)),
                ("language", q.language, available()),
            ):
                if value not in allowed:
                    problems.append(f"{where}: {field} {value!r} is not one of {list(allowed)}")
        if problems:
            raise ValueError("; ".join(problems))
        return self


class BankError(RuntimeError):
    """The bank file does not match the schema: raised at start-up."""


def _named(exc: ValidationError, data: Any) -> str:
    """Pydantic's errors, with a question's index replaced by its id."""
    lines = []
    for err in exc.errors():
        loc = list(err["loc"])
        if len(loc) >= 2 and loc[0] == "questions" and isinstance(loc[1], int):
            with contextlib.suppress(KeyError, IndexError, TypeError):
                loc[1] = repr(data["questions"][loc[1]]["id"])
        lines.append(f"  {'.'.join(map(str, loc)) or '(file)'}: {err['msg']}")
    return "\n".join(lines)


def load_bank(path: Path = BANK_FILE) -> tuple[_BankFile, tuple[Question, ...]]:
    """Read and check a bank file; `BankError` names what is wrong."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise BankError(f"question bank {path} cannot be read: {exc}") from exc
    try:
        bank = _BankFile.model_validate(data)
    except ValidationError as exc:
        raise BankError(f"question bank {path} is invalid:\n{_named(exc, data)}") from exc
    questions = tuple(
        Question(
            id=e.id,
            language=e.language,
            role=e.role,
            category=e.category,
            type=e.type,
            text=e.text,
            ideal_seconds=bank.ideal_lengths[e.ideal],
            expects_star=TYPES[e.type].expects_star,
            talking_points=e.talking_points,
        )
        for e in bank.questions
    )
    return bank, questions


_BANK, QUESTIONS = load_bank()
ROLES: tuple[str, ...] = _BANK.roles
CATEGORIES: tuple[str, ...] = _BANK.categories
STAR_CATEGORIES: frozenset[str] = _BANK.star_categories
BY_ID = {q.id: q for q in QUESTIONS}


def find(role: str | None = None, category: str | None = None) -> list[Question]:
    return [
        q
        for q in QUESTIONS
        if (role is None or q.role == role) and (category is None or q.category == category)
    ]
