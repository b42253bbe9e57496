"""The garbage collector around a command-line run.

Start-up (importing the CLI, then the engine and the rules a file needs) creates tens of thousands of objects
that live for the whole run and next to no garbage, yet their allocation triggers collections that rescan
them all: ~5-10 ms of a small run. The console script pauses the collector for start-up (:func:`pause`); the
first file that needs the engine resumes it (:func:`resume`) with everything loaded so far frozen out of its
way, so each file's cyclic trees and models are freed as before. A run that never needs the engine (no file
mentions the SDK, or the cache answers) creates little garbage and runs to its end paused.
"""

from __future__ import annotations

import gc
from typing import Dict

_STATE: Dict[str, bool] = {"paused": False}


def pause() -> None:
    """Stop automatic collection until :func:`resume` (only if it was on)."""
    if gc.isenabled():
        gc.disable()
        _STATE["paused"] = True


def resume() -> None:
    """Freeze what start-up created and collect automatically again (if :func:`pause` stopped it)."""
    if _STATE["paused"]:
        _STATE["paused"] = False
        gc.freeze()
        gc.enable()
