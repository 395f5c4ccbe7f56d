"""What to say about each metric: why it matters is in the thresholds; the improvement
and strength titles, the drills, and model sentences for missing STAR parts are the
language pack's (`coach`), read through these functions.
"""

from __future__ import annotations

from interview_prep_backend.pipeline.language import ENGLISH, LanguagePack
from interview_prep_backend.pipeline.language.pack import StarPart


def title(metric: str, improvement: bool, pack: LanguagePack = ENGLISH) -> str:
    t = pack.coach.titles[metric]
    return t.improve if improvement else t.keep


def drill(metric: str, pack: LanguagePack = ENGLISH) -> str:
    return pack.coach.drills[metric]


def star_model(part: StarPart, pack: LanguagePack = ENGLISH) -> str:
    return pack.coach.star_models[part]


# The English texts under the names rules.py reads until it takes a pack (issue 11).
TITLES = {k: (t.improve, t.keep) for k, t in ENGLISH.coach.titles.items()}
DRILLS = dict(ENGLISH.coach.drills)
STAR_MODELS: dict[StarPart, str] = dict(ENGLISH.coach.star_models)
