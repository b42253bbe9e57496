"""Which rules are enabled: ``select``/``extend-select``/``ignore`` with ruff's specificity rules."""

from __future__ import annotations

import functools
from typing import FrozenSet, Iterable, Sequence

from lint_openai.config.settings import ConfigError, Settings
from lint_openai.rules.catalogue import DEFAULT_ENABLED

DEFAULT_SELECT = ("OAI",)


def validate_selectors(selectors: Iterable[str], where: str) -> None:
    """Raise :class:`ConfigError` for a selector that matches no rule code."""
    codes = list(DEFAULT_ENABLED)
    for selector in selectors:
        if selector != "ALL" and not any(code.startswith(selector) for code in codes):
            raise ConfigError(f"{where}: unknown rule code or prefix {selector!r}")


def _specificity(selector: str, code: str) -> int:
    """How specifically ``selector`` matches ``code`` (-1: no match; ``ALL`` is the least specific)."""
    if selector == "ALL":
        return 0
    return len(selector) if code.startswith(selector) else -1


def _decide(code: str, opt_in: bool, select: Sequence[str], ignore: Sequence[str]) -> bool:
    best_select = max((_specificity(s, code) for s in select), default=-1)
    best_ignore = max((_specificity(s, code) for s in ignore), default=-1)
    if best_select < 0 or best_ignore >= best_select:
        return False
    # Opt-in rules are enabled only when named by their exact code.
    return not opt_in or best_select == len(code)


@functools.lru_cache(maxsize=128)
def enabled_codes(settings: Settings) -> FrozenSet[str]:
    """The codes enabled by ``settings`` (before per-file ignores)."""
    select = (*(settings.select if settings.select is not None else DEFAULT_SELECT), *settings.extend_select)
    return frozenset(
        code
        for code, default in DEFAULT_ENABLED.items()
        if _decide(code, not default, select, settings.ignore)
    )


def enabled_for_path(settings: Settings, path: str) -> FrozenSet[str]:
    """The codes enabled for one file, after ``per-file-ignores``."""
    codes = enabled_codes(settings)
    ignored = settings.ignored_for_path(path)
    if not ignored:
        return codes
    return frozenset(code for code in codes if not code.startswith(ignored))
