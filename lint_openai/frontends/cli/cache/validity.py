"""The dates a cached result holds for.

A finding can change with the date it is judged on only where a lifecycle status changes: on the lifecycle
dates (model and API announcements and shutdowns, :func:`lint_openai.knowledge.derived.lifecycle_dates`, and
a ``models-override``'s shutdown dates). A result holds from the last such date on or before the date it was
judged on to the next one after it; a result with a finding that counts the days left (the deprecation
rules: ``gpt-5`` "shuts down on 2026-12-11, in 10 days") holds for that day only.
"""

from __future__ import annotations

import bisect
import datetime
from typing import Sequence

from lint_openai.config.settings import Settings
from lint_openai.diagnostic import Diagnostic
from lint_openai.frontends.cli.cache.keys import Window
from lint_openai.knowledge.derived import lifecycle_dates
from lint_openai.rules.base import DEPRECATION
from lint_openai.rules.registry import known_rule


def window(judged: datetime.date, settings: Settings, diagnostics: Sequence[Diagnostic]) -> Window:
    """The dates a result judged on ``judged`` holds for: from the last lifecycle date on or before it to the
    next one after it, or that day alone when a finding counts the days."""
    if any(_counts_days(d.code) for d in diagnostics):
        return judged.isoformat(), (judged + datetime.timedelta(days=1)).isoformat()
    overridden = {datetime.date.fromisoformat(day) for _, day in settings.model_shutdown_dates if day}
    dates = sorted({*lifecycle_dates(), *overridden})
    after = bisect.bisect_right(dates, judged)
    start = dates[after - 1].isoformat() if after else None
    end = dates[after].isoformat() if after < len(dates) else None
    return start, end


def _counts_days(code: str) -> bool:
    """A deprecation (the code still works until a date) may say how many days are left: conservatively,
    every finding of a deprecation rule, and of a code this version does not know."""
    rule = known_rule(code)
    return rule is None or rule.severity == DEPRECATION
