"""Read a meeting transcript into speaker turns.

Accepted, as meeting tools export them:
- WebVTT (Zoom, Teams, Meet): cues with `<v Name>` voice tags (Teams) or a `Name:`
  prefix on the cue text (Zoom, Meet); cue times are kept;
- SRT: numbered cues, `Name:` prefixes, comma decimal times;
- plain text: `Name: text` lines, where a line without a name continues the turn
  before it, and `|` separates turns written on one line.

A speaker name is 1-4 words before a colon at the start of a line (so "Note: ..." inside
an answer would read as a speaker only if it starts a line and nothing else marks
speakers; a stray one is merged away when the real speakers dominate, see pairing.py).
Consecutive cues of one speaker are one turn. Times are seconds from the start.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from interview_prep_backend.errors import AnalysisError, ErrorCode

MAX_CHARS = 500_000

_TIME = r"(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{1,3})"
_CUE_TIME = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}")
_VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+([^>]+)>", re.IGNORECASE)
_TAG = re.compile(r"</?[a-z][^>]*>", re.IGNORECASE)
_NAMED = re.compile(r"^\s*([A-Za-z][\w.'’-]*(?:\s+[A-Za-z][\w.'’-]*){0,3})\s*:\s+(.*)$")
_NAMED_EMPTY = re.compile(r"^\s*([A-Za-z][\w.'’-]*(?:\s+[A-Za-z][\w.'’-]*){0,3})\s*:\s*$")


@dataclass(frozen=True)
class Turn:
    speaker: str
    text: str
    start: float | None = None
    end: float | None = None


def _seconds(h: str | None, m: str, s: str, frac: str) -> float:
    return int(h or 0) * 3600 + int(m) * 60 + int(s) + int(frac.ljust(3, "0")) / 1000


def _split_name(line: str) -> tuple[str | None, str]:
    match = _NAMED.match(line)
    if match:
        return match.group(1).strip(), match.group(2).strip()
    return None, line.strip()


def _merge(turns: list[Turn]) -> list[Turn]:
    """One turn per run of the same speaker."""
    out: list[Turn] = []
    for t in turns:
        if not t.text:
            continue
        if out and out[-1].speaker.casefold() == t.speaker.casefold():
            last = out[-1]
            out[-1] = Turn(last.speaker, f"{last.text} {t.text}", last.start, t.end or last.end)
        else:
            out.append(t)
    return out


def _cues(text: str) -> list[Turn]:
    """WebVTT or SRT cues: a time line, then text lines until a blank line."""
    turns: list[Turn] = []
    lines = text.splitlines()
    i = 0
    speaker: str | None = None
    while i < len(lines):
        match = _CUE_TIME.match(lines[i])
        if not match:
            i += 1
            continue
        g = match.groups()
        start, end = _seconds(*g[0:4]), _seconds(*g[4:8])
        i += 1
        body: list[str] = []
        while i < len(lines) and lines[i].strip():
            body.append(lines[i].strip())
            i += 1
        raw = " ".join(body)
        voice = _VOICE.search(raw)
        cue_text = html.unescape(_TAG.sub("", raw)).strip()
        if voice:
            speaker = voice.group(1).strip()
        else:
            named, rest = _split_name(cue_text)
            if named:
                speaker, cue_text = named, rest
        if speaker is None:  # text before any speaker was named: nobody to give it to
            continue
        turns.append(Turn(speaker, cue_text, start, end))
    return turns


def _plain(text: str) -> list[Turn]:
    turns: list[Turn] = []
    for line in text.splitlines():
        for piece in line.split("|"):
            if not piece.strip():
                continue
            named, rest = _split_name(piece)
            if named is None and _NAMED_EMPTY.match(piece):
                named, rest = piece.split(":", 1)[0].strip(), ""
            if named is not None:
                turns.append(Turn(named, rest))
            elif turns:  # a line of the turn before
                last = turns[-1]
                turns[-1] = Turn(last.speaker, f"{last.text} {rest}".strip())
    return turns


def parse_transcript(text: str) -> list[Turn]:
    """The turns of a transcript in any accepted format; raise AnalysisError if none."""
    if len(text) > MAX_CHARS:
        raise AnalysisError(
            ErrorCode.TRANSCRIPT_TOO_LONG,
            f"A transcript is limited to {MAX_CHARS} characters.",
        )
    if not text.strip():
        raise AnalysisError(ErrorCode.EMPTY_TRANSCRIPT, "The transcript is empty.")
    has_cues = any(_CUE_TIME.match(line) for line in text.splitlines()[:200])
    turns = _merge(_cues(text) if has_cues else _plain(text))
    if not turns:
        raise AnalysisError(
            ErrorCode.NO_SPEAKERS,
            "No speakers were found: write each turn as `Name: what they said`, "
            "or upload the meeting's WebVTT or SRT file.",
        )
    return turns
