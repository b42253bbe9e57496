"""lint-openai: a static linter for code using the OpenAI Python SDK and tiktoken."""

from __future__ import annotations

__version__ = "0.1.0"
# The rule reference: rules.md in the repository named by [project.urls] in pyproject.toml (no site is
# published). A constant, so links work from a wheel too; a test keeps it equal to pyproject's entry.
RULES_URL = "https://github.com/lint-openai/lint-openai/blob/main/rules.md"

__all__ = ["RULES_URL", "__version__"]
