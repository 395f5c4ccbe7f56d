"""Typed PyAV output streams for the test media writers.

PyAV's stubs type `add_stream` per codec only for literal names; a name held in a
variable (a table of codecs, a parameter) gives VideoStream | AudioStream |
SubtitleStream. These add the stream and check its kind once.
"""

from __future__ import annotations

from fractions import Fraction

import av
from av.container import OutputContainer


def add_video(
    out: OutputContainer, codec: str, rate: Fraction | int, options: dict[str, str] | None = None
) -> av.VideoStream:
    stream = out.add_stream(codec, rate=rate, options=options)
    assert isinstance(stream, av.VideoStream), f"{codec} is not a video encoder"
    return stream


def add_audio(
    out: OutputContainer, codec: str, rate: int, layout: str | None = None
) -> av.AudioStream:
    if layout is None:
        stream = out.add_stream(codec, rate=rate)
    else:
        stream = out.add_stream(codec, rate=rate, layout=layout)
    assert isinstance(stream, av.AudioStream), f"{codec} is not an audio encoder"
    return stream
