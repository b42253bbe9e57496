"""OAI7xx: platform lifecycle beyond model ids: requests into APIs that are shut down or going."""

from __future__ import annotations

from lint_openai.rules.platform.deprecated_api import DeprecatedApi
from lint_openai.rules.platform.retired_api import RetiredApi

RULES = (RetiredApi(), DeprecatedApi())
