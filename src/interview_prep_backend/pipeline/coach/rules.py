"""The rules coach: deterministic scores and feedback from the thresholds table.

Each metric is scored by its threshold (100 in the good band, falling to 0 at the zero
points); a group's score is the weighted mean of its metrics, and the overall score the
weighted mean of the groups present (content 0.45, delivery 0.35, presence 0.20;
re-weighted when a group is absent, e.g. for a typed answer). Improvements are the
three metrics with the largest weighted shortfall below 70; strengths the three best
at 85 or above. Each cites its evidence: times and quoted words where the metric has a
moment, otherwise the metric and its value.
"""

from __future__ import annotations

from interview_prep_backend.pipeline import schema as s
from interview_prep_backend.pipeline.coach.drills import drill, star_model, title
from interview_prep_backend.pipeline.coach.measures import (
    Measure,
    content_measures,
    delivery_measures,
    presence_measures,
)
from interview_prep_backend.pipeline.coach.thresholds import BY_KEY, GROUP_WEIGHTS
from interview_prep_backend.pipeline.language import ENGLISH, LanguagePack

IMPROVE_BELOW = 70.0
STRENGTH_FROM = 85.0
MAX_ITEMS = 3


def _scored(measures: list[Measure]) -> list[tuple[Measure, float]]:
    return [(m, round(BY_KEY[m.key].score(m.value), 1)) for m in measures]


def _group_score(scored: list[tuple[Measure, float]]) -> float | None:
    if not scored:
        return None
    weights = [BY_KEY[m.key].weight for m, _ in scored]
    return round(sum(w * s for w, (_, s) in zip(weights, scored, strict=True)) / sum(weights), 1)


def _item(
    measure: Measure,
    score: float,
    improvement: bool,
    result: s.AnalysisResult,
    pack: LanguagePack,
) -> s.FeedbackItem:
    t = BY_KEY[measure.key]
    item = s.FeedbackItem(
        metric=measure.key,
        title=title(measure.key, improvement, pack),
        score=score,
        value=measure.display,
        target=t.band(),
        evidence=measure.weak if improvement else measure.strong,
        why=t.why,
    )
    if improvement:
        item.drill = drill(measure.key, pack)
        if measure.key == "star" and result.content is not None:
            missing = [p for p, v in result.content.star.items() if not v.present]
            item.model_sentences = {p: star_model(p, pack) for p in missing}  # type: ignore[arg-type]
    return item


def coach(result: s.AnalysisResult, pack: LanguagePack = ENGLISH) -> s.Coaching:
    groups = {
        "delivery": _scored(delivery_measures(result)),
        "presence": _scored(presence_measures(result)),
        "content": _scored(content_measures(result)),
    }
    scores = {g: _group_score(x) for g, x in groups.items()}
    present = {g: x for g, x in scores.items() if x is not None}
    overall = (
        round(sum(GROUP_WEIGHTS[g] * x for g, x in present.items())
              / sum(GROUP_WEIGHTS[g] for g in present), 1)
        if present else None
    )  # fmt: skip
    every = [(m, x) for scored in groups.values() for m, x in scored]
    # The group each metric was scored in (a written answer's fillers count in content).
    group_of = {m.key: g for g, scored in groups.items() for m, _ in scored}
    shortfall = sorted(
        (x for x in every if x[1] < IMPROVE_BELOW),
        key=lambda x: BY_KEY[x[0].key].weight * (100 - x[1]),
        reverse=True,
    )
    best = sorted(
        (x for x in every if x[1] >= STRENGTH_FROM and x[0].praise),
        key=lambda x: (x[1], BY_KEY[x[0].key].weight),
        reverse=True,
    )
    return s.Coaching(
        engine="rules",
        scores=s.Scores(overall=overall, **scores),
        metrics=[
            s.MetricScore(
                metric=m.key,
                group=group_of[m.key],  # type: ignore[arg-type]
                value=m.display,
                score=x,
                target=BY_KEY[m.key].band(),
            )
            for m, x in every
        ],
        strengths=[_item(m, x, False, result, pack) for m, x in best[:MAX_ITEMS]],
        improvements=[_item(m, x, True, result, pack) for m, x in shortfall[:MAX_ITEMS]],
    )
