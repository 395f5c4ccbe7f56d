"""Evidence a candidate can check: the words said at a moment, or a measured value.

A quote is the words spoken inside the cited stretch, at least MIN_QUOTE_WORDS of them,
and at most MAX_QUOTE_WORDS (a long stretch is cited from its start, its end time then
moved to the last quoted word, so the times still bound the quote). With fewer words
there is no quote, only the times and the value.
"""

from __future__ import annotations

from collections.abc import Sequence

from interview_prep_backend.pipeline import schema as s
from interview_prep_backend.pipeline.schema import Evidence

MIN_QUOTE_WORDS = 3
MAX_QUOTE_WORDS = 25


def metric(name: str, value: float | str) -> Evidence:
    return Evidence(metric=name, value=value)


def moment(
    result: s.AnalysisResult,
    start: float,
    end: float,
    name: str,
    value: float | str,
    pad: float = 0.0,
) -> Evidence:
    """The words said between start and end (± pad), with the cited value."""
    words = result.transcript_analysis.words if result.transcript_analysis else []
    inside = [w for w in words if start - pad <= w.start_time and w.end_time <= end + pad]
    if len(inside) < MIN_QUOTE_WORDS:
        return Evidence(start_time=start, end_time=end, metric=name, value=value)
    quoted = inside[:MAX_QUOTE_WORDS]
    cut = len(inside) > len(quoted)
    return Evidence(
        quote=" ".join(w.text for w in quoted) + (" …" if cut else ""),
        start_time=min(start, quoted[0].start_time),
        end_time=quoted[-1].end_time if cut else max(end, quoted[-1].end_time),
        metric=name,
        value=value,
    )


def sentence(x: s.Sentence | None, name: str, value: float | str) -> Evidence:
    if x is None:
        return metric(name, value)
    return Evidence(quote=x.text, start_time=x.start_time, end_time=x.end_time, metric=name,
                    value=value)  # fmt: skip


def densest(items: Sequence[s.Span], window: float = 10.0) -> tuple[float, float] | None:
    """The stretch of at most `window` seconds holding the most items."""
    if not items:
        return None
    best = (0, items[0].start_time, items[0].end_time)
    for i, item in enumerate(items):
        inside = [x for x in items[i:] if x.start_time < item.start_time + window]
        if len(inside) > best[0]:
            best = (len(inside), item.start_time, inside[-1].end_time)
    return best[1], best[2]


def longest_clear(items: Sequence[s.Span], start: float, end: float) -> tuple[float, float] | None:
    """The longest stretch between start and end that holds none of the items."""
    edges = [start, *sorted(t for x in items for t in (x.start_time, x.end_time)), end]
    gaps = [(a, b) for a, b in zip(edges[0::2], edges[1::2], strict=False) if b > a]
    return max(gaps, key=lambda g: g[1] - g[0], default=None)


def held_seconds(timeline: Sequence[s.Second], field: str) -> tuple[float, float] | None:
    """The longest run of whole seconds in which `field` was true (at least 2 s)."""
    best: tuple[float, float] | None = None
    run_start: int | None = None
    last = -2
    for second in timeline:
        held = getattr(second, field) is True
        if held and run_start is not None and second.t == last + 1:
            last = second.t
        elif held:
            run_start, last = second.t, second.t
        else:
            run_start = None
            continue
        span = (float(run_start), float(last + 1))
        if span[1] - span[0] >= 2 and (best is None or span[1] - span[0] > best[1] - best[0]):
            best = span
    return best
