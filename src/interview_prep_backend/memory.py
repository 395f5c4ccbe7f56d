"""Keep peak memory flat over long recordings.

glibc serves large allocations with mmap and returns them on free, but after each such
free it raises its mmap threshold (up to 32 MB), so later large buffers (a Whisper batch,
a pitch window, a video frame) come from the heap and stay in the process after they
are freed: peak RSS then creeps up with every batch, i.e. with recording length. A fixed
threshold turns that adjustment off.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging

log = logging.getLogger(__name__)

_M_MMAP_THRESHOLD = -3
# 1 MB kept peaks flattest (664 vs 684 MB for 1 vs 5 minutes) but made Whisper 20-30 %
# slower (every decoding step's big buffers were mapped and zeroed anew); 8 MB keeps them
# within 4 % (746 vs 774 MB) at 1-5 % of speed; glibc's default let them drift 10 %.
MMAP_THRESHOLD_BYTES = 8 << 20
_done = False


def tune_allocator() -> None:
    global _done
    if _done:
        return
    _done = True
    name = ctypes.util.find_library("c")
    if not name:
        return
    try:
        libc = ctypes.CDLL(name)
        if not libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES):
            log.info("mallopt refused the mmap threshold")
    except (OSError, AttributeError):  # not glibc (musl, macOS): nothing to tune
        log.info("allocator tuning not available on this C library")
