"""Filler rules on hand-timed word lists: context decides, not the word alone."""

from __future__ import annotations

from interview_prep_backend.pipeline.speech.fillers import find_fillers
from interview_prep_backend.pipeline.speech.tokens import tokenize
from interview_prep_backend.pipeline.speech.transcribe import Word


def words(text: str, gaps: dict[int, float] | None = None) -> list[Word]:
    """Words 0.3 s long, 0.05 s apart, with extra silence before the given indices."""
    out, t = [], 0.0
    for i, w in enumerate(text.split()):
        t += (gaps or {}).get(i, 0.0)
        out.append(Word(w, round(t, 3), round(t + 0.3, 3), 0.9))
        t += 0.35
    return out


def fillers(text: str, gaps: dict[int, float] | None = None) -> list[str]:
    return [f.text for f in find_fillers(tokenize(words(text, gaps)))]


def test_hesitations_always_count() -> None:
    assert fillers("I, um, led the team and uh shipped it. Hmm.") == ["um", "uh", "hmm"]


def test_like_as_verb_or_preposition_is_not_a_filler() -> None:
    assert fillers("I like working with people who like data.") == []
    assert fillers("It felt like a big step, something like a rewrite.") == []
    assert fillers("We would like to grow.") == []


def test_like_as_discourse_marker_is_a_filler() -> None:
    assert fillers("And it was, like, really slow.") == ["like"]
    assert fillers("We had like 20 users.") == ["like"]
    # set off by a pause rather than punctuation
    assert fillers("the build was like broken", gaps={3: 0.6}) == ["like"]


def test_so_only_as_filler() -> None:
    assert fillers("So, I started by measuring.") == ["so"]
    assert fillers("So I started by measuring.") == []
    assert fillers("I worked late so that we shipped.") == []
    assert fillers("It was so much better.") == []
    assert fillers("And so, uh, we moved on.") == ["so", "uh"]


def test_you_know_and_i_mean() -> None:
    assert fillers("It was, you know, hard.") == ["you know"]
    assert fillers("Do you know the answer?") == []
    assert fillers("You know what I did?") == []
    assert fillers("I mean, it was fine.") == ["I mean"]
    assert fillers("I mean it when I say that.") == []


def test_kind_of_and_sort_of() -> None:
    assert fillers("It was kind of hard.") == ["kind of"]
    assert fillers("What kind of role is this?") == []
    assert fillers("That sort of problem is common.") == []


def test_basically_actually_right() -> None:
    assert fillers("Basically, we rewrote it.") == ["basically"]
    assert fillers("It actually worked.") == []
    assert fillers("We shipped it, right? Then we measured.") == ["right"]
    assert fillers("That's right.") == []
    assert fillers("We started right away.") == []


def test_filler_times_come_from_the_words() -> None:
    found = find_fillers(tokenize(words("It was, you know, hard.")))
    assert len(found) == 1
    assert found[0].start == 0.7 and found[0].end == 1.35
