"""Packs by code: every `<code>.yaml` beside this module, loaded once and checked.

`ENGLISH` is loaded at import, so a broken English pack stops start-up; other packs are
loaded (and checked) the first time they are asked for, and all of them by `packs()`.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

from interview_prep_backend.errors import AnalysisError, ErrorCode
from interview_prep_backend.pipeline.language.pack import LanguagePack, load_pack

PACK_DIR = Path(__file__).parent
DEFAULT = "en"


@lru_cache(maxsize=1)
def available() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in PACK_DIR.glob("*.yaml")))


@cache
def _load(code: str) -> LanguagePack:
    pack = load_pack(PACK_DIR / f"{code}.yaml")
    if pack.code != code:
        raise RuntimeError(f"language pack {code}.yaml declares code {pack.code!r}")
    return pack


def get_pack(code: str) -> LanguagePack:
    """The pack for `code`; an unknown code is the input's fault (`unsupported_language`)."""
    if code not in available():
        raise AnalysisError(
            ErrorCode.UNSUPPORTED_LANGUAGE,
            ENGLISH.unsupported_language.format(code=code, available=", ".join(available())),
        )
    return _load(code)


def packs() -> list[LanguagePack]:
    return [_load(code) for code in available()]


def choose_pack(analysis: str | None = None, question: str | None = None) -> LanguagePack:
    """The analysis's language when it names one, else its question's, else English."""
    return get_pack(analysis or question or DEFAULT)


ENGLISH = _load(DEFAULT)
