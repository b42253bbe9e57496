"""lint-openai: a static linter for code using the OpenAI Python SDK and tiktoken."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
