"""The shape of a language pack, checked when a pack file is loaded.

A pack is data (one YAML file per language beside this module), not Python: it holds
words and sentences, which a translator or reviewer edits without touching code, and
the schema below checks every pack at start-up, so a missing drill, a misspelt filler
rule or a message with an unknown `{placeholder}` stops the server with the file and
field named instead of failing one analysis with a 500. The rules that decide how the
words are used (when "like" is a filler, how STAR cues score) stay in the pipeline's
modules; the pack only names which rule a filler word follows. Rejected: a Python
module per language (no completeness check across packs, and logic creeps in) and JSON
(no comments, and the lists need their reasons written beside them).

Word lists may be written as one whitespace-separated string or as a YAML list: the
string form sidesteps YAML 1.1 reading `no`, `yes`, `on` as booleans.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal, get_args

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError, model_validator


def _words(value: Any) -> Any:
    return frozenset(value.split()) if isinstance(value, str) else value


def _phrase(value: Any) -> Any:
    return tuple(value.split()) if isinstance(value, str) else value


def _phrases(value: Any) -> Any:
    return tuple(_phrase(v) for v in value) if isinstance(value, list) else value


WordSet = Annotated[frozenset[str], BeforeValidator(_words)]
Phrase = Annotated[tuple[str, ...], BeforeValidator(_phrase)]
Phrases = Annotated[tuple[Phrase, ...], BeforeValidator(_phrases)]
# The filler rules speech/fillers.py implements, named after the English word each was
# written for; another language reuses one with its own context words, or adds a rule.
FillerRule = Literal["you_know", "i_mean", "kind_of", "like", "so", "discourse_adverb", "right"]
StarPart = Literal["situation", "task", "action", "result"]


def _every_part(value: Mapping[StarPart, object], field: str) -> None:
    missing = [p for p in get_args(StarPart) if p not in value]
    if missing:
        raise ValueError(f"{field} lacks STAR part(s) {missing}")


class _Part(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PhraseFiller(_Part):
    words: Phrase
    name: str  # as reported: "you know", "I mean"
    rule: FillerRule


class Around(_Part):
    """Neighbours that make a candidate grammar rather than a filler: the word before
    it (`not_after`) or the word after it (`not_before`)."""

    not_after: WordSet = frozenset()
    not_before: WordSet = frozenset()


class LikeWords(_Part):
    verb_subjects: WordSet = frozenset()  # "I like": the verb
    preposition_heads: WordSet = frozenset()  # "felt like": the preposition
    be: WordSet = frozenset()  # "it was like a dream" compares
    approximate_numbers: WordSet = frozenset()  # "like twenty users" pads


class FillerContext(_Part):
    """The words each filler rule looks at around a candidate, under the rule's name."""

    you_know: Around = Around()
    i_mean: Around = Around()
    kind_of: Around = Around()
    like: LikeWords = LikeWords()
    so: Around = Around()
    right: Around = Around()


class Fillers(_Part):
    # Written canonical → "spellings"; held as spelling → canonical (canonical included).
    hesitations: dict[str, str]
    phrases: tuple[PhraseFiller, ...] = ()
    words: dict[str, FillerRule] = {}
    context: FillerContext = FillerContext()

    @model_validator(mode="before")
    @classmethod
    def _spellings(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("hesitations"), dict):
            by_spelling: dict[str, str] = {}
            for canonical, spellings in data["hesitations"].items():
                for spelling in [canonical, *str(spellings or "").split()]:
                    by_spelling[spelling] = canonical
            data = {**data, "hesitations": by_spelling}
        return data


class Star(_Part):
    cues: dict[StarPart, tuple[str, ...]]
    action_verbs: WordSet
    result_verbs: WordSet
    # A regular expression (matched ignoring case) for the story's time setting.
    when: str

    @model_validator(mode="after")
    def _all_parts(self) -> Star:
        _every_part(self.cues, "star.cues")
        return self


class Results(_Part):
    """What makes a sentence a concrete result: a number with a unit, or spelled out."""

    units: tuple[str, ...]  # regular-expression alternatives after a number
    currency_symbols: str
    spelled_amounts: tuple[str, ...]
    tens: tuple[str, ...]
    percent_words: tuple[str, ...]


class Pronouns(_Part):
    singular_subjects: WordSet  # "I": the speaker acting (STAR action)
    plural_subjects: WordSet
    singular: WordSet  # every form counted as "I" for ownership
    plural: WordSet


def check_placeholders(name: str, text: str, allowed: set[str]) -> None:
    """A template may use only the names its code passes: any other is a KeyError later."""
    used = {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
    if used - allowed:
        raise ValueError(f"{name}: unknown placeholder(s) {sorted(used - allowed)}")


class Templates(_Part):
    """Sentences with `{placeholders}`; each class lists the names its code passes."""

    PLACEHOLDERS: ClassVar[dict[str, set[str]]] = {}

    @model_validator(mode="after")
    def _known_placeholders(self) -> Templates:
        for name, text in self:
            if isinstance(text, str):
                check_placeholders(name, text, self.PLACEHOLDERS.get(name, set()))
        return self


class ErrorText(Templates):
    """The messages that go with an AnalysisError's stable code."""

    PLACEHOLDERS: ClassVar[dict[str, set[str]]] = {
        "unsupported_codec": {"kind"},
        "audio_rate": {"rate", "low", "high"},
        "audio_channels": {"channels", "most"},
        "frame_too_large": {"width", "height"},
        "frame_rate_too_high": {"fps", "most"},
        "too_long_header": {"seconds", "limit"},
        "too_long_measured": {"seconds", "limit"},
        "audio_too_long": {"limit"},
        "transcribe_failed": {"reason"},
    }
    empty_file: str
    not_media: str
    unsupported_codec: str
    codec_kinds: dict[Literal["audio", "video"], str]
    audio_rate: str
    audio_channels: str
    frame_too_large: str
    frame_too_large_hidden: str  # the header hid the size; the decoder refused it
    frame_rate_too_high: str
    no_streams: str
    no_audio_track: str
    too_long_header: str
    too_long_measured: str
    audio_too_long: str
    audio_unconvertible: str
    no_audio_decoded: str
    silent: str
    no_speech: str
    transcribe_failed: str


class PresenceText(Templates):
    PLACEHOLDERS: ClassVar[dict[str, set[str]]] = {"face_partly_visible": {"pct"}}
    no_face: str
    face_partly_visible: str
    face_too_small: str
    face_off_centre: str
    too_dark: str
    several_faces: str


class Title(_Part):
    improve: str
    keep: str


class CoachText(Templates):
    PLACEHOLDERS: ClassVar[dict[str, set[str]]] = {"keep_it_up": {"title"}}
    titles: dict[str, Title]
    drills: dict[str, str]
    star_models: dict[StarPart, str]
    keep_it_up: str
    nothing_to_say: str

    @model_validator(mode="after")
    def _every_metric_has_both(self) -> CoachText:
        _every_part(self.star_models, "coach.star_models")
        if set(self.titles) != set(self.drills):
            odd = sorted(set(self.titles) ^ set(self.drills))
            raise ValueError(f"titles and drills must name the same metrics; differ on {odd}")
        return self


class LanguagePack(_Part):
    code: str  # the analysis's `language`, e.g. "en"
    name: str
    whisper_language: str  # faster-whisper's language code
    aws_transcribe_language: str  # Amazon Transcribe's LanguageCode, e.g. "en-US"
    stemmer: str  # a snowballstemmer algorithm name
    token_pattern: str  # a regular expression for one word of lower-cased text
    filler_prompt: str  # Whisper's initial prompt (speech/transcribe.py says why)
    fillers: Fillers
    hedges: Phrases
    repeat_ok: WordSet  # grammatical doubles ("that that") that are not stumbles
    stopwords: WordSet
    star: Star
    results: Results
    pronouns: Pronouns
    ending_cues: tuple[str, ...]
    trailing_cues: tuple[str, ...]
    errors: ErrorText
    presence: PresenceText
    coach: CoachText
    # Rendered by the default pack: the language asked for has none.
    unsupported_language: str

    @model_validator(mode="after")
    def _unsupported_placeholders(self) -> LanguagePack:
        check_placeholders("unsupported_language", self.unsupported_language, {"code", "available"})
        return self

    def __hash__(self) -> int:
        # Packs key caches (IDF, compiled patterns); equal packs share a code.
        return hash(self.code)


# libyaml's loader, where PyYAML was built with it: reading en.yaml and the bank took
# 0.44 s with the pure-Python SafeLoader and 0.05 s with this one (same data), on a busy
# 2-core machine. Both accept only plain data.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class PackError(RuntimeError):
    """A pack file that does not match the schema: raised at start-up."""


def load_pack(path: Path) -> LanguagePack:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
        return LanguagePack.model_validate(data)
    except (yaml.YAMLError, ValidationError) as exc:
        raise PackError(f"language pack {path} is invalid:\n{exc}") from exc
