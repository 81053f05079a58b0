"""The build's process memory: what the C library holds on to, given back.

A long build frees much (parses, batches of graphs, the encoders' arrays) that the C
library keeps for reuse, so that the heap grows with every size of block seen; giving
it back between batches keeps the peak near what the build holds at any one time. (With
another C library than glibc nothing is done. Having glibc map large blocks apart
instead costs the encoders a fifth of their speed.)

>>> give_back_free_memory()
"""

from __future__ import annotations

import ctypes
import functools
import gc


@functools.cache
def _libc() -> ctypes.CDLL | None:
    try:
        return ctypes.CDLL("libc.so.6")
    except OSError:
        return None


def give_back_free_memory(collect: bool = False) -> None:
    """Return the memory freed so far to the system (``collect``: after collecting
    Python's garbage, which takes a twentieth of a second in a large process)."""
    if collect:
        gc.collect()
    libc = _libc()
    if libc is not None and hasattr(libc, "malloc_trim"):
        libc.malloc_trim(0)
