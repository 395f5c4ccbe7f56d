"""A readable terminal report of one result (the CLI's output)."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text


def _fmt_time(seconds: float) -> str:
    return f"{int(seconds // 60)}:{seconds % 60:04.1f}"


def render_report(result: dict[str, Any]) -> Group:
    media = result["media"]
    transcript = result["transcript_analysis"]
    metrics = result["speech_metrics"]
    prosody = metrics["prosody"]

    head = Table.grid(padding=(0, 2))
    head.add_row("File", str(result["file_key"]))
    if result.get("question"):
        head.add_row("Question", result["question"])
    head.add_row(
        "Media",
        f"{media['duration_s']:.1f} s, {media['container']}, audio {media['audio_codec']}"
        + (
            f", video {media['video_codec']} {media['width']}x{media['height']}"
            if media["has_video"]
            else ""
        ),
    )
    head.add_row("Processing", f"{result['processing_time_ms'] / 1000:.1f} s")

    speech = Table(title="Speech", show_header=False, box=None, padding=(0, 2))
    speech.add_row(
        "Pace", f"{metrics['words_per_minute']:.0f} words/min ({metrics['word_count']} words)"
    )
    speech.add_row(
        "Speaking / silence", f"{metrics['speaking_time_s']:.1f} s / {metrics['silence_s']:.1f} s"
    )
    pauses = metrics["pauses"]
    longest = pauses["longest"]
    speech.add_row(
        "Pauses ≥ 1 s",
        f"{pauses['count']}"
        + (
            f", longest {longest['duration_s']:.1f} s at {_fmt_time(longest['start_time'])}"
            if longest
            else ""
        ),
    )
    fillers = metrics["fillers"]
    speech.add_row(
        "Fillers",
        f"{fillers['count']} ({fillers['per_minute']:.1f}/min, ratio "
        f"{transcript['filler_ratio']:.1%})"
        + (
            ": " + ", ".join(f"{k} ×{v}" for k, v in transcript["filler_hits"].items())
            if transcript["filler_hits"]
            else ""
        ),
    )
    speech.add_row("Hedges", ", ".join(h["text"] for h in metrics["hedges"]["items"]) or "none")
    speech.add_row(
        "Repetitions", ", ".join(r["text"] for r in metrics["repetitions"]["items"]) or "none"
    )
    if prosody["pitch_std_semitones"] is not None:
        speech.add_row(
            "Pitch / loudness",
            f"{prosody['pitch_std_semitones']:.1f} semitones spread around "
            f"{prosody['pitch_median_hz']:.0f} Hz; "
            f"loudness spread {prosody['loudness_std_db']:.1f} dB",
        )

    parts = [Panel(head, title="Interview Coach"), speech]
    presence = result.get("presence")
    if presence:
        parts.append(_presence_table(presence))
    marks = {round(f["start_time"], 2) for f in fillers["items"]}
    text = Text()
    for word in transcript["words"]:
        style = "bold yellow" if round(word["start_time"], 2) in marks else ""
        text.append(word["text"] + " ", style=style)
    parts.append(Panel(text, title="Transcript (fillers highlighted)"))
    return Group(*parts)


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f}%"


def _presence_table(p: dict[str, Any]) -> Table:
    table = Table(
        title="Presence (what the camera saw)", show_header=False, box=None, padding=(0, 2)
    )
    table.add_row("Face in view", f"{_pct(p['face_visible_pct'])} of {p['frames_analysed']} frames")
    if p["eye_contact_pct"] is not None:
        lost = ", ".join(_fmt_time(m["start_time"]) for m in p["eye_contact_lost_moments"])
        table.add_row(
            "Eye contact", _pct(p["eye_contact_pct"]) + (f" (lost at {lost})" if lost else "")
        )
        table.add_row("Smiling", _pct(p["smile_pct"]))
        head = p["head_movement"]
        table.add_row(
            "Head movement",
            f"yaw spread {head['yaw_spread_deg']:.1f}°, "
            f"pitch spread {head['pitch_spread_deg']:.1f}°",
        )
    if p["expressions"]:
        top = sorted(p["expressions"].items(), key=lambda kv: kv[1], reverse=True)[:3]
        table.add_row("Expression", ", ".join(f"{k.lower()} {v:.0f}%" for k, v in top))
    for w in p["warnings"]:
        table.add_row("[yellow]Note[/yellow]", w["message"])
    return table
