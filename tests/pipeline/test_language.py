"""Language packs: the registry, the schema's checks, and the seam itself.

English reproducing the old behaviour is covered by the existing tests (fillers,
delivery, content, speech, presence). Here a second, tiny pack ("xx", built in the test
from English's file with a few words changed) goes through every pipeline function that
takes a pack: each must use the pack's words and sentences, not English ones.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import boto3
import numpy as np
import pytest
import yaml
from botocore.stub import ANY, Stubber
from faster_whisper import WhisperModel

from interview_prep_backend.adapters.aws.transcribe import AwsTranscriber, transcript_from_json
from interview_prep_backend.errors import AnalysisError, ErrorCode
from interview_prep_backend.pipeline import schema as s
from interview_prep_backend.pipeline.coach.drills import drill, star_model, title
from interview_prep_backend.pipeline.coach.thresholds import BY_KEY
from interview_prep_backend.pipeline.content.analyze import analyze_content
from interview_prep_backend.pipeline.content.bank import BY_ID
from interview_prep_backend.pipeline.content.star import PARTS, analyse_star, has_number
from interview_prep_backend.pipeline.content.text import content_stems, sentences_from_text
from interview_prep_backend.pipeline.language import (
    ENGLISH,
    LanguagePack,
    PackError,
    available,
    choose_pack,
    get_pack,
    load_pack,
    packs,
)
from interview_prep_backend.pipeline.language.registry import PACK_DIR
from interview_prep_backend.pipeline.media import probe
from interview_prep_backend.pipeline.original import coaching_advice
from interview_prep_backend.pipeline.ports import SpeechInput
from interview_prep_backend.pipeline.presence.observe import FrameObservation
from interview_prep_backend.pipeline.presence.summary import summarise
from interview_prep_backend.pipeline.speech.analyze import analyze_speech
from interview_prep_backend.pipeline.speech.delivery import measure_delivery
from interview_prep_backend.pipeline.speech.fillers import find_fillers
from interview_prep_backend.pipeline.speech.tokens import tokenize
from interview_prep_backend.pipeline.speech.transcribe import Word
from interview_prep_backend.pipeline.speech.whisper import WhisperTranscriber


def english_data() -> dict[str, Any]:
    return yaml.safe_load((PACK_DIR / "en.yaml").read_text(encoding="utf-8"))


def write_pack(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / f"{data['code']}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def xx(tmp_path_factory: pytest.TempPathFactory) -> LanguagePack:
    """A made-up language: its own filler, hedge, cues, pronouns and sentences."""
    data = english_data()
    data.update(code="xx", name="Testish", whisper_language="xx", aws_transcribe_language="xx-XX")
    data["fillers"] = {"hesitations": {"blah": "blahh"}}  # no phrases, no context words
    data["hedges"] = ["perchance", "it may be"]
    data["repeat_ok"] = "zog"
    data["stopwords"] = "the zog"
    data["star"]["cues"] = {"situation": ["once upon"], "task": ["my quest"],
                            "action": ["so i"], "result": ["happily ever"]}  # fmt: skip
    data["results"]["units"] = ["groats"]
    data["results"]["spelled_amounts"] = ["umpteen"]
    data["pronouns"] = {"singular_subjects": "ego", "plural_subjects": "nos",
                        "singular": "ego mihi", "plural": "nos nobis"}  # fmt: skip
    data["ending_cues"] = ["the moral"]
    data["trailing_cues"] = ["and whatnot"]
    data["errors"].update(empty_file="XX-EMPTY", silent="XX-SILENT",
                          transcribe_failed="XX-AWS {reason}")  # fmt: skip
    data["presence"]["no_face"] = "XX-NO-FACE"
    data["coach"]["nothing_to_say"] = "XX-NOTHING"
    data["coach"]["drills"]["pace"] = "XX-DRILL"
    data["coach"]["titles"]["pace"] = {"improve": "XX-SLOWER", "keep": "XX-GOOD-PACE"}
    data["coach"]["star_models"]["task"] = "XX-TASK"
    return load_pack(write_pack(tmp_path_factory.mktemp("packs"), data))


def words(text: str) -> list[Word]:
    return [Word(w, i * 0.4, i * 0.4 + 0.3, 0.9) for i, w in enumerate(text.split())]


# The registry ---------------------------------------------------------------------


def test_english_is_registered_and_the_default() -> None:
    assert "en" in available() and get_pack("en") is ENGLISH
    assert ENGLISH.whisper_language == "en" and ENGLISH.aws_transcribe_language == "en-US"
    assert choose_pack() is ENGLISH and choose_pack(question="en") is ENGLISH
    assert [p.code for p in packs()] == list(available())


def test_unknown_language_is_an_input_error_with_a_stable_code() -> None:
    with pytest.raises(AnalysisError) as info:
        get_pack("klingon")
    assert info.value.code == ErrorCode.UNSUPPORTED_LANGUAGE == "unsupported_language"
    assert "klingon" in info.value.message and "en" in info.value.message
    # The analysis's language wins over its question's.
    with pytest.raises(AnalysisError):
        choose_pack("klingon", question="en")


def test_a_bank_question_in_an_unknown_language_is_refused_not_judged_in_english() -> None:
    question = BY_ID["beh-conflict"].model_copy(update={"language": "klingon"})
    with pytest.raises(AnalysisError) as info:
        analyze_content(
            sentences_from_text("I fixed it."),
            question=question,
            question_text=None,
            spoken_seconds=None,
        )
    assert info.value.code == ErrorCode.UNSUPPORTED_LANGUAGE


# The schema -----------------------------------------------------------------------


def broken(mutate: Any) -> dict[str, Any]:
    data = copy.deepcopy(english_data())
    mutate(data)
    return data


@pytest.mark.parametrize(
    ("mutate", "named"),
    [
        (lambda d: d["fillers"]["words"].update(like="likee"), "fillers.words.like"),
        (lambda d: d["coach"]["drills"].pop("pace"), "differ on ['pace']"),
        (lambda d: d["errors"].update(too_long_header="{secs} s"), "unknown placeholder"),
        (lambda d: d["star"]["cues"].pop("task"), "star.cues"),
        (lambda d: d.update(stemer="english"), "stemer"),
        (lambda d: d.update(stopwords=True), "stopwords"),
    ],
    ids=["filler_rule", "missing_drill", "placeholder", "star_part", "unknown_key", "yaml_bool"],
)
def test_a_broken_pack_fails_at_load_naming_the_field(
    tmp_path: Path, mutate: Any, named: str
) -> None:
    with pytest.raises(PackError) as info:
        load_pack(write_pack(tmp_path, broken(mutate)))
    assert named in str(info.value) and "en.yaml" in str(info.value)


@pytest.mark.parametrize("pack", packs(), ids=lambda p: p.code)
def test_every_pack_has_words_for_every_coached_metric_and_star_part(pack: LanguagePack) -> None:
    assert set(pack.coach.titles) == set(BY_KEY) == set(pack.coach.drills)
    assert set(pack.coach.star_models) == set(PARTS) == set(pack.star.cues)


# The seam: every function honours the pack it is given ----------------------------


def test_fillers_and_delivery_use_the_packs_words(xx: LanguagePack) -> None:
    tokens = tokenize(words("We um blah went went zog zog perchance it may be I think"))
    assert [f.text for f in find_fillers(tokens)] == ["um"]
    fillers = find_fillers(tokens, xx)
    assert [f.text for f in fillers] == ["blah"]
    delivery = measure_delivery(tokens, fillers, 10.0, xx)
    assert [h.text for h in delivery.hedges] == ["perchance", "it may be"]
    assert [r.text for r in delivery.repetitions] == ["went went"]  # "zog zog" is grammar
    assert delivery.word_count == len(tokens) - 1  # "blah" is not a word of content
    english = measure_delivery(tokens, find_fillers(tokens), 10.0)
    assert [h.text for h in english.hedges] == ["I think"]
    assert [r.text for r in english.repetitions] == ["went went", "zog zog"]


def test_content_uses_the_packs_cues_pronouns_units_and_stopwords(xx: LanguagePack) -> None:
    text = (
        "Once upon a time the mill was idle. My quest was to fix it. So I fixed the wheel. "
        "Ego earned 40 groats, umpteen more than nos. Happily ever after, the moral is: fix."
    )
    sentences = sentences_from_text(text)
    star = analyse_star(sentences, xx)
    assert [s.text[:9] for s in star["situation"].sentences] == ["Once upon"]
    assert all(star[p].present for p in PARTS)
    assert has_number("40 groats", xx) and not has_number("40 groats")
    assert has_number("40%") and not has_number("40%", xx)
    assert "zog" not in content_stems("the zog wheel", xx) and "zog" in content_stems("zog")
    content = analyze_content(
        sentences, question=None, question_text="Fix a mill?", spoken_seconds=None, pack=xx
    )
    assert (content.i_count, content.we_count) == (1, 1)
    assert content.ending == "clear"
    trailing = analyze_content(
        sentences_from_text("We fixed it and whatnot."),
        question=None,
        question_text=None,
        spoken_seconds=None,
        pack=xx,
    )
    assert trailing.ending == "trails_off" and trailing.we_count == 0  # "we" is English


def _no_model() -> WhisperModel:
    raise AssertionError("silence never reaches the model")


def test_user_facing_sentences_come_from_the_pack(xx: LanguagePack, tmp_path: Path) -> None:
    empty = tmp_path / "empty.webm"
    empty.write_bytes(b"")
    with pytest.raises(AnalysisError) as media_error:
        probe(empty, 600, xx)
    assert (media_error.value.code, media_error.value.message) == ("empty_file", "XX-EMPTY")
    with pytest.raises(AnalysisError) as speech_error:
        silence = SpeechInput(np.zeros(16_000, dtype=np.float32), 1.0)
        analyze_speech(silence, WhisperTranscriber(_no_model), pack=xx)
    assert speech_error.value.message == "XX-SILENT"
    nobody = [FrameObservation(time_s=i / 3, faces=0) for i in range(6)]
    assert summarise(nobody, 3.0, xx).warnings == [{"code": "no_face", "message": "XX-NO-FACE"}]
    assert summarise(nobody, 3.0).warnings[0]["message"] == ENGLISH.presence.no_face
    nothing = s.Scores(overall=None, delivery=None, presence=None, content=None)
    coaching = s.Coaching(engine="rules", scores=nothing, metrics=[], strengths=[], improvements=[])
    result = s.AnalysisResult.model_construct(presence=None, answer_type="recording")
    assert coaching_advice(result, coaching, xx).tip == "XX-NOTHING"
    assert (title("pace", True, xx), title("pace", False, xx)) == ("XX-SLOWER", "XX-GOOD-PACE")
    assert (drill("pace", xx), star_model("task", xx)) == ("XX-DRILL", "XX-TASK")
    assert drill("pace") == ENGLISH.coach.drills["pace"] != "XX-DRILL"


def test_aws_transcribe_is_asked_in_the_packs_language(xx: LanguagePack) -> None:
    creds = {"aws_access_key_id": "AKIDEXAMPLE", "aws_secret_access_key": "secret"}
    transcribe = boto3.client("transcribe", region_name="us-east-1", **creds)
    s3 = boto3.client("s3", region_name="us-east-1", **creds)
    key = "uploads/audio/00000000-0000-4000-8000-000000000001.webm"
    info = {"TranscriptionJobName": "x", "LanguageCode": "xx-XX", "MediaFormat": "webm",
            "Media": {"MediaFileUri": f"s3://b/{key}"}}  # fmt: skip
    with Stubber(transcribe) as ts:
        expected = {"TranscriptionJobName": ANY, "LanguageCode": "xx-XX", "MediaFormat": "webm",
                    "Media": {"MediaFileUri": f"s3://b/{key}"}, "OutputBucketName": "b",
                    "OutputKey": ANY}  # fmt: skip
        ts.add_response(
            "start_transcription_job",
            {"TranscriptionJob": {**info, "TranscriptionJobStatus": "QUEUED"}},
            expected,
        )
        failed = {**info, "TranscriptionJobStatus": "FAILED", "FailureReason": "bad"}
        ts.add_response("get_transcription_job", {"TranscriptionJob": failed})
        adapter = AwsTranscriber(transcribe, s3, "b", pack=xx, sleep=lambda s: None)
        with pytest.raises(AnalysisError) as error:
            adapter(key, 5.0)
        ts.assert_no_pending_responses()
    assert error.value.message == "XX-AWS bad"
    items = [{"type": "pronunciation", "start_time": "0.1", "end_time": "0.3",
              "alternatives": [{"content": "blah", "confidence": "0.9"}]}]  # fmt: skip
    assert transcript_from_json({"results": {"items": items}}, 1.0, xx).language == "xx"


def test_the_api_takes_an_answers_language(client) -> None:
    text = "I led the migration and we cut the build time by forty percent."
    r = client.post("/api/v1/analyze", json={"text": text, "language": "en"})
    assert r.status_code == 200, r.text
    r = client.post("/api/v1/analyze", json={"text": text, "language": "xx"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "unsupported_language"
    assert "en" in r.json()["error"]["message"]
