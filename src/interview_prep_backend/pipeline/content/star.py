"""STAR structure (situation, task, action, result) from cue phrases and position.

A lexical method, documented so a candidate can see why: each sentence scores for each
part by the cues it contains (below), plus a small position prior (situations and tasks
come early in a told story, results late). A sentence shows every part whose score
reaches 1.0 ("I automated the tests and we cut release time by 40%" is both action and
result); a part is present when at least one sentence shows it.

- Situation: scene-setting ("at my last job", "we were", "there was", "the team",
  "two years ago", "in 2023", "when I was").
- Task: responsibility or goal ("I was responsible", "my job was", "I had to",
  "the goal was", "I needed to", "tasked with", "the challenge was").
- Action: the speaker doing things ("I built", "I decided", "I set up", "so I", "first I",
  "then I"): first person followed by an action verb.
- Result: outcomes ("as a result", "in the end", "which meant", "we reduced", "increased",
  "saved", numbers with units or %, "I learned").

The cue phrases, verbs, pronouns and units are the language pack's (`star`, `pronouns`,
`results`); the scoring is here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from interview_prep_backend.pipeline.content.text import Sentence, stem, tokens
from interview_prep_backend.pipeline.language import ENGLISH, LanguagePack
from interview_prep_backend.pipeline.language.pack import Results
from interview_prep_backend.pipeline.language.pack import StarPart as PartName

PARTS: tuple[PartName, ...] = ("situation", "task", "action", "result")
PRESENT_AT = 1.0


@lru_cache(maxsize=8)
def _verb_stems(verbs: frozenset[str], stemmer: str) -> frozenset[str]:
    return frozenset(stem(v, stemmer) for v in verbs)


@lru_cache(maxsize=8)
def _when(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


@lru_cache(maxsize=8)
def _amounts(results: Results) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A number with a unit or a currency amount; an amount spelled out."""
    units = "|".join(results.units)  # regular expressions already
    currency = re.escape(results.currency_symbols)
    number = re.compile(rf"\b\d[\d,.]*\s*({units})|[{currency}]\s?\d", re.IGNORECASE)
    words = "|".join(map(re.escape, results.spelled_amounts))
    tens = "|".join(map(re.escape, results.tens))
    percent = "|".join(map(re.escape, results.percent_words))
    spelled = re.compile(rf"\b({words}|({tens})\s+({percent}))\b", re.IGNORECASE)
    return number, spelled


@dataclass(frozen=True)
class StarPart:
    present: bool
    sentences: list[Sentence]


def has_number(text: str, pack: LanguagePack = ENGLISH) -> bool:
    number, spelled = _amounts(pack.results)
    return bool(number.search(text) or spelled.search(text))


def _scores(sentence: Sentence, position: float, pack: LanguagePack) -> dict[str, float]:
    words = tokens(sentence.text, pack)
    low = " " + " ".join(words) + " "
    stems = [stem(w, pack.stemmer) for w in words]
    cues = pack.star.cues
    score: dict[str, float] = {
        part: sum(1.0 for p in cues[part] if f" {p} " in low) for part in PARTS
    }
    if _when(pack.star.when).search(sentence.text):
        score["situation"] += 1.0
    # "I/we" followed within two words by an action verb: someone doing something.
    singular, plural = pack.pronouns.singular_subjects, pack.pronouns.plural_subjects
    action_verbs = _verb_stems(pack.star.action_verbs, pack.stemmer)
    for i, w in enumerate(words):
        if (w in singular or w in plural) and any(s in action_verbs for s in stems[i + 1 : i + 3]):
            score["action"] += 1.0 if w in singular else 0.6
            break
    if any(s in _verb_stems(pack.star.result_verbs, pack.stemmer) for s in stems):
        score["result"] += 0.6
    if has_number(sentence.text, pack):
        score["result"] += 0.6
    score["situation"] += 0.4 * (1 - position)
    score["task"] += 0.2 * (1 - position)
    score["result"] += 0.4 * position
    return score


def analyse_star(sentences: list[Sentence], pack: LanguagePack = ENGLISH) -> dict[str, StarPart]:
    found: dict[str, list[Sentence]] = {part: [] for part in PARTS}
    n = len(sentences)
    for i, sentence in enumerate(sentences):
        position = i / (n - 1) if n > 1 else 0.5
        scores = _scores(sentence, position, pack)
        for part in PARTS:
            if scores[part] >= PRESENT_AT:
                found[part].append(sentence)
    return {part: StarPart(bool(found[part]), found[part]) for part in PARTS}
