"""flake8's entry point (``flake8 --select OAI``): the front-end lives in :mod:`lint_openai.frontends.flake8`."""

from __future__ import annotations

from lint_openai.frontends.flake8 import Flake8Plugin

__all__ = ["Flake8Plugin"]
