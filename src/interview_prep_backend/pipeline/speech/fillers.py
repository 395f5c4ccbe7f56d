"""Filler words, found from context rather than by counting every "like".

Three kinds:
- hesitation sounds (um, uh, er, ah, hmm and spellings) are always fillers;
- fixed phrases ("you know", "I mean", "sort of", "kind of") are fillers only where they
  stand apart from the sentence: set off by punctuation or a pause, and not part of the
  grammar around them ("do you know", "I mean it", "what kind of role");
- "like", "so", "basically", "actually", "right" are fillers only in their discourse-marker
  use, judged from the neighbouring words, the punctuation Whisper wrote and the pauses
  around them.

The rules are deliberately conservative: a missed filler costs a candidate less than a
false accusation about a word they used correctly.

The words are the language pack's (`pipeline/language/en.yaml`: which words are fillers,
which rule each follows, and the context words the rules consult); the rules are here.
Each rule sees the tokens, the first and last index of the candidate (the same index for
a single word) and the pack's filler section.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from interview_prep_backend.pipeline.language import ENGLISH, LanguagePack
from interview_prep_backend.pipeline.language.pack import FillerRule, Fillers
from interview_prep_backend.pipeline.speech.tokens import (
    Token,
    boundary_after,
    boundary_before,
)

PAUSE = 0.3  # seconds; a gap this long marks a phrase boundary in fluent speech


@dataclass(frozen=True)
class Filler:
    text: str  # canonical form: "um", "you know", "like", ...
    start: float
    end: float
    word_indices: tuple[int, ...]


def _next_norm(tokens: list[Token], i: int) -> str:
    return tokens[i + 1].norm if i + 1 < len(tokens) else ""


def _prev_norm(tokens: list[Token], i: int) -> str:
    return tokens[i - 1].norm if i > 0 else ""


def _you_know(tokens: list[Token], i: int, last: int, f: Fillers) -> bool:
    if _prev_norm(tokens, i) in f.context.you_know.not_after:
        return False
    set_off_after = boundary_after(tokens, last, PAUSE)
    if not set_off_after and _next_norm(tokens, last) in f.context.you_know.not_before:
        return False
    return set_off_after or boundary_before(tokens, i, PAUSE)


def _i_mean(tokens: list[Token], i: int, last: int, f: Fillers) -> bool:
    # "I mean, ..." is a filler; "I mean it" / "what I mean is" are not.
    return _prev_norm(tokens, i) not in f.context.i_mean.not_after and boundary_after(
        tokens, last, PAUSE
    )


def _kind_of(tokens: list[Token], i: int, last: int, f: Fillers) -> bool:
    # "what kind of role" names a category; "it was kind of hard" hedges.
    return _prev_norm(tokens, i) not in f.context.kind_of.not_after


def _like(tokens: list[Token], i: int, last: int, f: Fillers) -> bool:
    prev = _prev_norm(tokens, i)
    # Punctuation Whisper wrote is the strongest cue: "it was, like, slow".
    punct_before = i > 0 and (tokens[i - 1].comma_after or tokens[i - 1].sentence_end_after)
    if tokens[i].comma_after and prev not in f.context.like.verb_subjects:
        return True
    if punct_before or i == 0:
        return True
    if prev in f.context.like.verb_subjects or prev in f.context.like.preposition_heads:
        return False
    if tokens[i].pause_before >= PAUSE or tokens[i].pause_after >= PAUSE:
        return True
    if prev in f.context.like.be:
        return False
    # "we had like 20 users": a vague approximation in speech.
    nxt = _next_norm(tokens, i)
    return nxt[:1].isdigit() or nxt in f.context.like.approximate_numbers


def _so(tokens: list[Token], i: int, last: int, f: Fillers) -> bool:
    nxt = _next_norm(tokens, i)
    if nxt in f.context.so.not_before or _prev_norm(tokens, i) in f.context.so.not_after:
        return False
    if nxt in f.hesitations:
        return True
    # "So, ..." or a trailing "and so..." carry no meaning; "So I built ..." starts a clause.
    return boundary_after(tokens, i, PAUSE)


def _discourse_adverb(tokens: list[Token], i: int, last: int, f: Fillers) -> bool:
    # "basically"/"actually" set off by commas or pauses are padding; inside a clause
    # ("it actually worked") they carry contrast and are left alone.
    return boundary_after(tokens, i, PAUSE) and (
        boundary_before(tokens, i, PAUSE) or tokens[i].comma_after
    )


def _right(tokens: list[Token], i: int, last: int, f: Fillers) -> bool:
    if _prev_norm(tokens, i) in f.context.right.not_after:
        return False
    if tokens[i].question_after:  # a tag question: "we shipped it, right?"
        return True
    if _next_norm(tokens, i) in f.context.right.not_before:
        return False
    return boundary_before(tokens, i, PAUSE) and boundary_after(tokens, i, PAUSE)


Rule = Callable[[list[Token], int, int, Fillers], bool]
RULES: dict[FillerRule, Rule] = {
    "you_know": _you_know,
    "i_mean": _i_mean,
    "kind_of": _kind_of,
    "like": _like,
    "so": _so,
    "discourse_adverb": _discourse_adverb,
    "right": _right,
}


def find_fillers(tokens: list[Token], pack: LanguagePack = ENGLISH) -> list[Filler]:
    hesitations = pack.fillers.hesitations
    phrases = {p.words: p for p in pack.fillers.phrases}
    sizes = sorted({len(words) for words in phrases}, reverse=True)  # longest first
    found: list[Filler] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.norm in hesitations:
            found.append(Filler(hesitations[tok.norm], tok.start, tok.end, (i,)))
            i += 1
            continue
        phrase = next(
            (
                phrases[window]
                for n in sizes
                if (window := tuple(t.norm for t in tokens[i : i + n])) in phrases
                and RULES[phrases[window].rule](tokens, i, i + n - 1, pack.fillers)
            ),
            None,
        )
        if phrase is not None:
            last = i + len(phrase.words) - 1
            found.append(
                Filler(phrase.name, tok.start, tokens[last].end, tuple(range(i, last + 1)))
            )
            i = last + 1
            continue
        rule = pack.fillers.words.get(tok.norm)
        if rule is not None and RULES[rule](tokens, i, i, pack.fillers):
            found.append(Filler(tok.norm, tok.start, tok.end, (i,)))
        i += 1
    return found
