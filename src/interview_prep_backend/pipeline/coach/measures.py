"""Read each coached metric, and the evidence behind it, out of a result.

The coach works on the stored result (plain data), so it can coach any analysis,
spoken or typed, fresh or re-read from the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Evidence:
    quote: str | None = None
    start_time: float | None = None
    end_time: float | None = None
    metric: str | None = None
    value: float | str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass(frozen=True)
class Measure:
    key: str
    value: float
    display: str
    evidence: Evidence


def _words(result: dict[str, Any]) -> list[dict[str, Any]]:
    ta = result.get("transcript_analysis") or {}
    return ta.get("words") or []


def quote_between(result: dict[str, Any], start: float, end: float, pad: float = 0.0) -> str:
    words = [w["text"] for w in _words(result) if start - pad <= w["start_time"] <= end + pad]
    return " ".join(words)


def _densest(items: list[dict[str, Any]], window: float = 10.0) -> tuple[float, float] | None:
    if not items:
        return None
    best = (0, items[0]["start_time"], items[0]["end_time"])
    for i, item in enumerate(items):
        inside = [x for x in items[i:] if x["start_time"] < item["start_time"] + window]
        if len(inside) > best[0]:
            best = (len(inside), item["start_time"], inside[-1]["end_time"])
    return best[1], best[2]


def delivery_measures(result: dict[str, Any]) -> list[Measure]:
    m = result.get("speech_metrics")
    if not m:
        return []
    out: list[Measure] = []
    windows = [w for w in m["pace_windows"] if w["wpm"] > 0]
    wpm = m["words_per_minute"]
    if windows:
        far = max(windows, key=lambda w: abs(w["wpm"] - 130))
        ev = Evidence(
            quote_between(result, far["start"], far["end"]),
            far["start"],
            far["end"],
            "words_per_minute",
            wpm,
        )
    else:
        ev = Evidence(metric="words_per_minute", value=wpm)
    out.append(Measure("pace", wpm, f"{wpm:.0f} words/min", ev))

    fillers = m["fillers"]
    span = _densest(fillers["items"])
    ev = (
        Evidence(
            quote_between(result, span[0], span[1], 0.6),
            span[0],
            span[1],
            "fillers_per_minute",
            fillers["per_minute"],
        )
        if span
        else Evidence(metric="fillers_per_minute", value=fillers["per_minute"])
    )
    out.append(Measure("fillers", fillers["per_minute"], f"{fillers['per_minute']:.1f}/min", ev))

    longest = m["pauses"]["longest"]
    value = longest["duration_s"] if longest else 0.0
    ev = (
        Evidence(
            f"{longest['after_word']} … {longest['before_word']}",
            longest["start_time"],
            longest["end_time"],
            "longest_pause_s",
            value,
        )
        if longest
        else Evidence(metric="longest_pause_s", value=0.0)
    )
    out.append(Measure("longest_pause", value, f"{value:.1f} s", ev))

    minutes = max(m["speaking_time_s"], 1.0) / 60.0
    for key, block in (("hedges", m["hedges"]), ("repetitions", m["repetitions"])):
        rate = round(block["count"] / minutes, 2)
        first = block["items"][0] if block["items"] else None
        ev = (
            Evidence(
                quote_between(result, first["start_time"], first["end_time"], 1.0),
                first["start_time"],
                first["end_time"],
                f"{key}_per_minute",
                rate,
            )
            if first
            else Evidence(metric=f"{key}_per_minute", value=rate)
        )
        out.append(Measure(key, rate, f"{block['count']} ({rate:.1f}/min)", ev))

    spread = m["prosody"].get("pitch_std_semitones")
    if spread is not None:
        out.append(
            Measure(
                "pitch_variation",
                spread,
                f"{spread:.1f} semitones",
                Evidence(metric="pitch_std_semitones", value=spread),
            )
        )
    return out


def presence_measures(result: dict[str, Any]) -> list[Measure]:
    p = result.get("presence")
    if not p or p["eye_contact_pct"] is None:
        if p:
            return [
                Measure(
                    "face_visible",
                    p["face_visible_pct"],
                    f"{p['face_visible_pct']:.0f}%",
                    Evidence(metric="face_visible_pct", value=p["face_visible_pct"]),
                )
            ]
        return []
    lost = p["eye_contact_lost_moments"]
    ev = (
        Evidence(
            quote_between(result, lost[0]["start_time"], lost[0]["end_time"]) or None,
            lost[0]["start_time"],
            lost[0]["end_time"],
            "eye_contact_pct",
            p["eye_contact_pct"],
        )
        if lost
        else Evidence(metric="eye_contact_pct", value=p["eye_contact_pct"])
    )
    head = p["head_movement"]
    movement = round(head["yaw_spread_deg"] + head["pitch_spread_deg"], 1)
    return [
        Measure("eye_contact", p["eye_contact_pct"], f"{p['eye_contact_pct']:.0f}%", ev),
        Measure(
            "face_visible",
            p["face_visible_pct"],
            f"{p['face_visible_pct']:.0f}%",
            Evidence(metric="face_visible_pct", value=p["face_visible_pct"]),
        ),
        Measure(
            "head_movement",
            movement,
            f"{movement:.0f}°",
            Evidence(metric="head_movement_spread_deg", value=movement),
        ),
        Measure(
            "smile",
            p["smile_pct"] or 0.0,
            f"{p['smile_pct'] or 0:.0f}%",
            Evidence(metric="smile_pct", value=p["smile_pct"] or 0.0),
        ),
    ]


def _sentence_evidence(s: dict[str, Any] | None, metric: str, value: Any) -> Evidence:
    if not s:
        return Evidence(metric=metric, value=value)
    return Evidence(s["text"], s["start_time"], s["end_time"], metric, value)


def content_measures(result: dict[str, Any]) -> list[Measure]:
    c = result.get("content")
    if not c:
        return []
    lo, hi = c["ideal_seconds"]
    seconds = c["answer_seconds"]
    pct = 100.0 * seconds / lo if seconds < lo else 100.0 * seconds / hi if seconds > hi else 100.0
    out = [
        Measure(
            "length",
            pct,
            f"{seconds:.0f} s (ideal {lo}-{hi} s)",
            Evidence(metric="answer_seconds", value=seconds),
        )
    ]
    if c["expects_star"]:
        present = [p for p, v in c["star"].items() if v["present"]]
        missing = [p for p in ("situation", "task", "action", "result") if p not in present]
        if missing:
            ev = Evidence(metric="star_missing", value=", ".join(missing))
        else:  # all there: show the action, the heart of the story
            ev = _sentence_evidence(c["star"]["action"]["sentences"][0], "star_parts", 4)
        out.append(Measure("star", len(present), f"{len(present)} of 4", ev))
    if c["talking_points"]:
        covered = [p for p in c["talking_points"] if p["covered"]]
        share = 100.0 * len(covered) / len(c["talking_points"])
        missing = [p["point"] for p in c["talking_points"] if not p["covered"]]
        if missing:
            ev = Evidence(metric="talking_points_missing", value="; ".join(missing))
        else:
            ev = _sentence_evidence(covered[0]["evidence"], "talking_points_covered", len(covered))
        shown = f"{len(covered)} of {len(c['talking_points'])}"
        out.append(Measure("talking_points", share, shown, ev))
    if c["question"]:
        out.append(
            Measure(
                "relevance",
                c["relevance"],
                f"{c['relevance']:.2f}",
                Evidence(metric="relevance_cosine", value=c["relevance"]),
            )
        )
    results = c["concrete_results"]
    out.append(
        Measure(
            "results",
            len(results),
            f"{len(results)} sentence(s)",
            _sentence_evidence(results[0] if results else None, "concrete_results", len(results)),
        )
    )
    own = c["ownership"]
    if own["i_share_pct"] is not None and own["i_count"] + own["we_count"] >= 3:
        out.append(
            Measure(
                "ownership",
                own["i_share_pct"],
                f"{own['i_share_pct']:.0f}% 'I'",
                Evidence(metric="i_share_pct", value=own["i_share_pct"]),
            )
        )
    ending = c["ending"]
    value = {"clear": 1.0, "neutral": 0.6, "trails_off": 0.2}[ending["verdict"]]
    out.append(
        Measure(
            "ending",
            value,
            ending["verdict"].replace("_", " "),
            _sentence_evidence(ending["last_sentence"], "ending", ending["verdict"]),
        )
    )
    return out
