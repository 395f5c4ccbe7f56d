"""Silero VAD (shipped inside faster-whisper) run in bounded batches.

faster-whisper's batched pipeline finds speech with Silero VAD before transcribing. Its
model wrapper feeds up to 10,000 windows (320 s of audio) to ONNX Runtime at once, so
the activations, and the process's peak memory, grow with the recording: +70 MB for one
minute, +156 MB for five, measured here. The wrapper below does the same computation,
carrying the LSTM state from batch to batch exactly as the original does, but 1,000
windows (32 s) at a time, which keeps the peak flat at any length.

`install()` points faster-whisper's `get_vad_model` at it; faster-whisper is pinned, and
a test checks that the segments found are the same as the original's.
"""

from __future__ import annotations

import functools
import os

import faster_whisper.vad as fw_vad
import numpy as np

BATCH_WINDOWS = 1_000


class BoundedSileroVAD(fw_vad.SileroVADModel):
    def __call__(
        self, audio: np.ndarray, num_samples: int = 512, context_size_samples: int = 64
    ) -> np.ndarray:
        if audio.ndim != 1 or audio.shape[0] % num_samples:
            raise ValueError("audio must be 1-D and a multiple of num_samples long")
        windows = audio.reshape(-1, num_samples)
        # Each window is preceded by the last samples of the one before (zeros first).
        context = np.zeros((windows.shape[0], context_size_samples), dtype=np.float32)
        context[1:] = windows[:-1, -context_size_samples:]
        h = np.zeros((1, 1, 128), dtype="float32")
        c = np.zeros((1, 1, 128), dtype="float32")
        outputs = []
        for start in range(0, windows.shape[0], BATCH_WINDOWS):
            stop = start + BATCH_WINDOWS
            batch = np.concatenate([context[start:stop], windows[start:stop]], axis=1)
            output, h, c = self.session.run(None, {"input": batch, "h": h, "c": c})
            outputs.append(output)
        return np.concatenate(outputs, axis=0)


@functools.lru_cache
def bounded_vad_model() -> BoundedSileroVAD:
    return BoundedSileroVAD(os.path.join(fw_vad.get_assets_path(), "silero_vad_v6.onnx"))


def install() -> None:
    fw_vad.get_vad_model = bounded_vad_model
