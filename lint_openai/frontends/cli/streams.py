"""Standard streams that never fail on what they print: file names that are not valid UTF-8 (surrogate
escapes) go out as their own bytes, and characters the stream's encoding lacks as backslash escapes."""

from __future__ import annotations

import codecs
import sys
from typing import Tuple, Union

ERRORS = "lint-openai-escape"


def _escape(error: UnicodeError) -> Tuple[Union[str, bytes], int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    try:
        return codecs.lookup_error("surrogateescape")(error)
    except UnicodeEncodeError:
        return codecs.lookup_error("backslashreplace")(error)


def make_streams_lossless() -> None:
    """Give ``sys.stdout`` and ``sys.stderr`` the error handler above (streams that cannot change keep theirs)."""
    try:
        codecs.lookup_error(ERRORS)
    except LookupError:
        codecs.register_error(ERRORS, _escape)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors=ERRORS)
