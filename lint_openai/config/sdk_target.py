"""Which ``openai`` a file is judged against: the v1 package, or not (a pin below 1.0, a local module)."""

from __future__ import annotations

from typing import Optional

from lint_openai.config.environment import version_key
from lint_openai.config.settings import Settings


def before_v1(version: Optional[str]) -> bool:
    """Whether ``version`` is an ``openai`` release before 1.0 (``"0.28.1"``, ``"0"``)."""
    return version is not None and version_key(version) < (1,)


def judged_on_v1_sdk(settings: Settings) -> bool:
    """Whether the file's ``import openai`` is the openai>=1.0 package: not when the file runs on a release
    before 1.0 (``sdk-version``, a notebook's own install pin), nor when a local module named ``openai``
    shadows the SDK (``sdk_shadowed``). Rules about that package (``Rule.v1_sdk``) are off otherwise."""
    return not settings.sdk_shadowed and not before_v1(settings.sdk_version)
