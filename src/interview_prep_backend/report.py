"""A readable terminal report of one result (the CLI's output)."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from interview_prep_backend.pipeline import schema as s


def _fmt_time(seconds: float) -> str:
    return f"{int(seconds // 60)}:{seconds % 60:04.1f}"


def render_report(result: s.AnalysisResult) -> Group:
    head = Table.grid(padding=(0, 2))
    head.add_row("Answer", str(result.file_key or "typed text"))
    if result.question:
        head.add_row("Question", result.question)
    media = result.media
    if media:
        head.add_row(
            "Media",
            f"{media.duration_s:.1f} s, {media.container}, audio {media.audio_codec}"
            + (
                f", video {media.video_codec} {media.width}x{media.height}"
                if media.has_video
                else ""
            ),
        )
    head.add_row("Processing", f"{(result.processing_time_ms or 0) / 1000:.1f} s")
    parts: list[Any] = [Panel(head, title="Interview Coach")]
    if result.coaching:
        parts.append(_coaching(result.coaching))
    if result.speech_metrics and result.transcript_analysis:
        parts.append(_speech_table(result.transcript_analysis, result.speech_metrics))
    if result.presence:
        parts.append(_presence_table(result.presence))
    if result.content:
        parts.append(_content_table(result.content))
    if result.transcript_analysis and result.speech_metrics:
        parts.append(_transcript(result.transcript_analysis, result.speech_metrics))
    return Group(*parts)


def _speech_table(transcript: s.TranscriptAnalysis, metrics: s.SpeechMetrics) -> Table:
    prosody = metrics.prosody
    speech = Table(title="Speech", show_header=False, box=None, padding=(0, 2))
    speech.add_row("Pace", f"{metrics.words_per_minute:.0f} words/min ({metrics.word_count} words)")
    speech.add_row(
        "Speaking / silence", f"{metrics.speaking_time_s:.1f} s / {metrics.silence_s:.1f} s"
    )
    pauses = metrics.pauses
    longest = pauses.longest
    speech.add_row(
        "Pauses ≥ 1 s",
        f"{pauses.count}"
        + (
            f", longest {longest.duration_s:.1f} s at {_fmt_time(longest.start_time)}"
            if longest
            else ""
        ),
    )
    fillers = metrics.fillers
    by_word = fillers.by_word
    speech.add_row(
        "Fillers",
        f"{fillers.count} ({fillers.per_minute:.1f}/min, ratio "
        f"{transcript.filler_ratio:.1%})"
        + (": " + ", ".join(f"{k} ×{v}" for k, v in by_word.items()) if by_word else ""),
    )
    speech.add_row("Hedges", ", ".join(h.text for h in metrics.hedges.items) or "none")
    speech.add_row("Repetitions", ", ".join(r.text for r in metrics.repetitions.items) or "none")
    if prosody.pitch_std_semitones is not None:
        speech.add_row(
            "Pitch / loudness",
            f"{prosody.pitch_std_semitones:.1f} semitones spread around "
            f"{prosody.pitch_median_hz:.0f} Hz; "
            f"loudness spread {prosody.loudness_std_db:.1f} dB",
        )
    return speech


def _transcript(transcript: s.TranscriptAnalysis, metrics: s.SpeechMetrics) -> Panel:
    marks = {round(f.start_time, 2) for f in metrics.fillers.items}
    text = Text()
    for word in transcript.words:
        style = "bold yellow" if round(word.start_time, 2) in marks else ""
        text.append(word.text + " ", style=style)
    return Panel(text, title="Transcript (fillers highlighted)")


def _evidence(ev: s.Evidence) -> str:
    where = f"[{_fmt_time(ev.start_time)}] " if ev.start_time is not None else ""
    if ev.quote:
        return f'{where}"{ev.quote}"'
    return f"{where}{ev.metric or ''} = {ev.value if ev.value is not None else ''}"


def _coaching(c: s.Coaching) -> Panel:
    scores = c.scores
    lines = Text()
    lines.append(
        "Scores: "
        + ", ".join(f"{k} {v:.0f}" for k, v in scores.model_dump().items() if v is not None)
        + f"   (coach: {c.engine})\n",
        style="bold",
    )
    for item in c.strengths:
        lines.append(f"+ {item.title}", style="green")
        lines.append(f"  {_evidence(item.evidence)}\n")
    for item in c.improvements:
        lines.append(f"- {item.title}", style="yellow")
        lines.append(f"  {_evidence(item.evidence)}\n")
        lines.append(f"    why: {item.why}\n    drill: {item.drill}\n")
        for part, sentence in (item.model_sentences or {}).items():
            lines.append(f"    {part}: {sentence}\n")
    return Panel(lines, title="Coaching")


def _content_table(c: s.Content) -> Table:
    table = Table(title="Content", show_header=False, box=None, padding=(0, 2))
    lo, hi = c.ideal_seconds
    est = " (estimated from words)" if c.length_estimated else ""
    table.add_row("Length", f"{c.answer_seconds:.0f} s{est}, ideal {lo}-{hi} s")
    if c.expects_star:
        table.add_row(
            "STAR", ", ".join(f"{p} {'✓' if v.present else '✗'}" for p, v in c.star.items())
        )
    if c.talking_points:
        covered = sum(p.covered for p in c.talking_points)
        table.add_row("Talking points", f"{covered} of {len(c.talking_points)} covered")
    table.add_row("Results with numbers", str(len(c.concrete_results)))
    table.add_row("Ending", c.ending.verdict.replace("_", " "))
    return table


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f}%"


def _presence_table(p: s.Presence) -> Table:
    table = Table(
        title="Presence (what the camera saw)", show_header=False, box=None, padding=(0, 2)
    )
    table.add_row("Face in view", f"{_pct(p.face_visible_pct)} of {p.frames_analysed} frames")
    if p.eye_contact_pct is not None:
        lost = ", ".join(_fmt_time(m.start_time) for m in p.eye_contact_lost_moments)
        table.add_row(
            "Eye contact", _pct(p.eye_contact_pct) + (f" (lost at {lost})" if lost else "")
        )
        table.add_row("Smiling", _pct(p.smile_pct))
        head = p.head_movement
        if head is not None:
            table.add_row(
                "Head movement",
                f"yaw spread {head.yaw_spread_deg:.1f}°, pitch spread {head.pitch_spread_deg:.1f}°",
            )
    if p.expressions:
        top = sorted(p.expressions.items(), key=lambda kv: kv[1], reverse=True)[:3]
        table.add_row("Expression", ", ".join(f"{k.lower()} {v:.0f}%" for k, v in top))
    for w in p.warnings:
        table.add_row("[yellow]Note[/yellow]", w.message)
    return table
