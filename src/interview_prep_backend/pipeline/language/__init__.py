"""Language packs: each language's words and user-facing sentences in one place.

A `LanguagePack` (pack.py: the schema) is loaded from `<code>.yaml` beside this module
(registry.py); English (`en.yaml`) is the first and the default. A pack holds the
Whisper and Amazon Transcribe language codes, filler words and which rule each follows,
hedges, stopwords, the Snowball stemmer's name, STAR cue phrases and verbs, pronouns,
result units, ending cues, and every sentence the pipeline shows a user (error
messages, presence warnings, coaching titles, drills and model sentences).

The pipeline's functions take a pack (English by default); the language is chosen by
the analysis's `language` or its bank question's (`choose_pack`). An unknown code is an
`AnalysisError` with the stable code `unsupported_language`.
"""

from interview_prep_backend.pipeline.language.pack import LanguagePack, PackError, load_pack
from interview_prep_backend.pipeline.language.registry import (
    ENGLISH,
    available,
    choose_pack,
    get_pack,
    packs,
)

__all__ = [
    "ENGLISH",
    "LanguagePack",
    "PackError",
    "available",
    "choose_pack",
    "get_pack",
    "load_pack",
    "packs",
]
