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
"""

from __future__ import annotations

from dataclasses import dataclass

from interview_prep_backend.pipeline.speech.tokens import (
    Token,
    boundary_after,
    boundary_before,
)

HESITATIONS = {
    "um": "um", "umm": "um", "ummm": "um", "uhm": "um", "erm": "um", "mm": "um",
    "uh": "uh", "uhh": "uh", "uhhh": "uh",
    "er": "er", "err": "er",
    "ah": "ah", "ahh": "ah",
    "hmm": "hmm", "hm": "hmm", "hmmm": "hmm", "mhm": "hmm",
}  # fmt: skip

PAUSE = 0.3  # seconds; a gap this long marks a phrase boundary in fluent speech

_AUX = {
    "do", "did", "does", "don't", "didn't", "doesn't", "if", "as", "would", "will", "could",
    "can", "should", "might", "must", "may", "to", "you'll", "you'd", "we", "they", "i",
    "whether", "who", "anyone", "everyone", "nobody", "somebody",
}  # fmt: skip
_KNOW_COMPLEMENTS = {
    "what", "that", "how", "why", "where", "who", "when", "if", "whether", "the", "a", "an",
    "him", "her", "them", "it", "me", "us", "about", "my", "your", "his", "their", "our",
    "this", "these", "those", "each", "which", "more", "much",
}  # fmt: skip
_DETERMINERS = {
    "a", "an", "the", "this", "that", "these", "those", "what", "which", "any", "some",
    "every", "each", "no", "one", "same", "other", "another", "different", "my", "your",
    "our", "their", "his", "her", "its", "whatever", "certain", "particular", "specific",
    "first", "best", "right", "new", "all", "only", "kind", "sort", "that's", "what's",
}  # fmt: skip
_LIKE_VERB_SUBJECTS = {
    "i", "you", "we", "they", "people", "would", "i'd", "we'd", "you'd", "they'd", "to",
    "do", "don't", "didn't", "really", "also", "didnt", "dont", "will", "might", "who",
    "i'll", "we'll", "generally", "usually", "always", "never", "should", "could",
}  # fmt: skip
_LIKE_PREPOSITION_HEADS = {
    "feel", "feels", "felt", "feeling", "look", "looks", "looked", "looking", "seem",
    "seems", "seemed", "sound", "sounds", "sounded", "something", "anything", "nothing",
    "everything", "things", "thing", "stuff", "just", "exactly", "more", "much", "not",
    "act", "acted", "acts", "treat", "treated", "tools", "companies", "teams",
    "languages", "others", "someone",
}  # fmt: skip
# "it was like a dream" compares; "it was [pause] like broken" pads.
_BE = {"be", "is", "are", "was", "were", "it's", "that's", "i'm", "he's", "she's"}
_SO_NOT_FILLER_NEXT = {
    "that", "much", "many", "far", "on", "forth", "long", "good", "well", "bad", "few",
    "little", "often", "important", "hard", "easy", "quickly", "fast",
}  # fmt: skip
_RIGHT_NOT_FILLER_PREV = {
    "the", "a", "that's", "thats", "is", "was", "be", "exactly", "quite", "all", "you're",
    "were", "are", "turn", "turned", "it's", "get", "got", "do", "done", "doing", "that",
}  # fmt: skip
_RIGHT_NOT_FILLER_NEXT = {"now", "away", "after", "before", "there", "here", "then", "into"}


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


def _is_hesitation(tokens: list[Token], i: int) -> bool:
    return tokens[i].norm in HESITATIONS


def _you_know(tokens: list[Token], i: int) -> bool:
    if _prev_norm(tokens, i) in _AUX:
        return False
    set_off_after = boundary_after(tokens, i + 1, PAUSE)
    if not set_off_after and _next_norm(tokens, i + 1) in _KNOW_COMPLEMENTS:
        return False
    return set_off_after or boundary_before(tokens, i, PAUSE)


def _i_mean(tokens: list[Token], i: int) -> bool:
    # "I mean, ..." is a filler; "I mean it" / "what I mean is" are not.
    return _prev_norm(tokens, i) not in {"what", "that's", "which"} and boundary_after(
        tokens, i + 1, PAUSE
    )


def _kind_of(tokens: list[Token], i: int) -> bool:
    # "what kind of role" names a category; "it was kind of hard" hedges.
    return _prev_norm(tokens, i) not in _DETERMINERS


def _like(tokens: list[Token], i: int) -> bool:
    prev = _prev_norm(tokens, i)
    # Punctuation Whisper wrote is the strongest cue: "it was, like, slow".
    punct_before = i > 0 and (tokens[i - 1].comma_after or tokens[i - 1].sentence_end_after)
    if tokens[i].comma_after and prev not in _LIKE_VERB_SUBJECTS:
        return True
    if punct_before or i == 0:
        return True
    if prev in _LIKE_VERB_SUBJECTS or prev in _LIKE_PREPOSITION_HEADS:
        return False
    if tokens[i].pause_before >= PAUSE or tokens[i].pause_after >= PAUSE:
        return True
    if prev in _BE:
        return False
    # "we had like 20 users": a vague approximation in speech.
    nxt = _next_norm(tokens, i)
    return nxt[:1].isdigit() or nxt in {"two", "three", "four", "five", "ten", "twenty"}


def _so(tokens: list[Token], i: int) -> bool:
    nxt = _next_norm(tokens, i)
    if nxt in _SO_NOT_FILLER_NEXT or _prev_norm(tokens, i) in {"do", "did", "think", "hope"}:
        return False
    if nxt in HESITATIONS:
        return True
    # "So, ..." or a trailing "and so..." carry no meaning; "So I built ..." starts a clause.
    return boundary_after(tokens, i, PAUSE)


def _discourse_adverb(tokens: list[Token], i: int) -> bool:
    # "basically"/"actually" set off by commas or pauses are padding; inside a clause
    # ("it actually worked") they carry contrast and are left alone.
    return boundary_after(tokens, i, PAUSE) and (
        boundary_before(tokens, i, PAUSE) or tokens[i].comma_after
    )


def _right(tokens: list[Token], i: int) -> bool:
    if _prev_norm(tokens, i) in _RIGHT_NOT_FILLER_PREV:
        return False
    if tokens[i].question_after:  # a tag question: "we shipped it, right?"
        return True
    if _next_norm(tokens, i) in _RIGHT_NOT_FILLER_NEXT:
        return False
    return boundary_before(tokens, i, PAUSE) and boundary_after(tokens, i, PAUSE)


_PHRASES = {
    ("you", "know"): ("you know", _you_know),
    ("i", "mean"): ("I mean", _i_mean),
    ("sort", "of"): ("sort of", _kind_of),
    ("kind", "of"): ("kind of", _kind_of),
}
_SINGLE = {
    "like": _like,
    "so": _so,
    "basically": _discourse_adverb,
    "actually": _discourse_adverb,
    "right": _right,
}


def find_fillers(tokens: list[Token]) -> list[Filler]:
    found: list[Filler] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        pair = (tok.norm, _next_norm(tokens, i))
        if _is_hesitation(tokens, i):
            found.append(Filler(HESITATIONS[tok.norm], tok.start, tok.end, (i,)))
        elif pair in _PHRASES and _PHRASES[pair][1](tokens, i):
            name = _PHRASES[pair][0]
            found.append(Filler(name, tok.start, tokens[i + 1].end, (i, i + 1)))
            i += 2
            continue
        elif tok.norm in _SINGLE and _SINGLE[tok.norm](tokens, i):
            found.append(Filler(tok.norm, tok.start, tok.end, (i,)))
        i += 1
    return found
