"""The question bank as data: the shipped file's invariants and the checks at load.

The bank is read by `load_bank` when its module is imported, so a file that fails these
checks stops start-up; each broken file below must be refused with the question's id
and the field named.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from interview_prep_backend.pipeline.content import bank
from interview_prep_backend.pipeline.content.bank import (
    BANK_FILE,
    BY_ID,
    CATEGORIES,
    QUESTIONS,
    ROLES,
    BankError,
    find,
    load_bank,
)
from interview_prep_backend.pipeline.content.question_type import TYPES
from interview_prep_backend.pipeline.language import get_pack

RAW: dict[str, Any] = yaml.safe_load(BANK_FILE.read_text(encoding="utf-8"))


def test_every_question_has_a_language_pack_a_role_and_a_category() -> None:
    for q in QUESTIONS:
        assert get_pack(q.language).code == q.language
        assert q.role in ROLES and q.category in CATEGORIES
        # STAR follows the question's type (mot-proud asks for a story though filed
        # under motivation); tests/pipeline/test_question_type.py checks the types.
        assert q.expects_star == TYPES[q.type].expects_star
        assert q.text and q.talking_points and all(tp.keywords for tp in q.talking_points)
    # Every entry of the file states its language itself; none is filled in by default.
    assert all(entry.get("language") for entry in RAW["questions"])


def test_module_names_are_the_loaded_file() -> None:
    _, questions = load_bank()
    assert questions == QUESTIONS and list(BY_ID) == [q.id for q in questions]
    assert find(role="sales", category="behavioural") == [
        q for q in QUESTIONS if q.role == "sales" and q.category == "behavioural"
    ]
    assert bank.BY_ID["swe-bug"].keywords  # the names other modules import still work


def broken(tmp_path: Path, mutate: Any) -> Path:
    data = copy.deepcopy(RAW)
    mutate(data)
    path = tmp_path / "questions.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def first(data: dict[str, Any]) -> dict[str, Any]:
    return data["questions"][0]


BROKEN_IDS = "category role ideal language duplicate no_keywords unknown_field no_language"
BROKEN_IDS += " reversed_length star_category"


@pytest.mark.parametrize(
    ("mutate", "named"),
    [
        (lambda d: first(d).update(category="behavioral"), "'beh-conflict': category"),
        (lambda d: first(d).update(role="astronaut"), "'beh-conflict': role"),
        (lambda d: first(d).update(ideal="forever"), "'beh-conflict': ideal"),
        (lambda d: first(d).update(language="tlh"), "'beh-conflict': language 'tlh'"),
        (lambda d: d["questions"][1].update(id="beh-conflict"), "used twice"),
        (lambda d: first(d)["talking_points"][0].update(keywords=""), "'beh-conflict'.talking"),
        (lambda d: first(d).update(txt="typo"), "'beh-conflict'.txt"),
        (lambda d: first(d).pop("language"), "'beh-conflict'.language"),
        (lambda d: d["ideal_lengths"].update(story=[120, 60]), "ideal_lengths.story"),
        (lambda d: d.update(star_categories=["behavioural", "stories"]), "star_categories"),
    ],
    ids=BROKEN_IDS.split(),
)
def test_a_broken_bank_is_refused_naming_the_question_and_field(
    tmp_path: Path, mutate: Any, named: str
) -> None:
    path = broken(tmp_path, mutate)
    with pytest.raises(BankError) as info:
        load_bank(path)
    assert str(path) in str(info.value) and named in str(info.value)


def test_a_bank_that_is_not_yaml_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "questions.yaml"
    path.write_text("questions: [unclosed\n", encoding="utf-8")
    with pytest.raises(BankError, match="cannot be read"):
        load_bank(path)
