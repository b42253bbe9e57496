"""``lint-openai models``: show the model lifecycle data, and refresh shutdown dates from the API."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

from lint_openai.config.settings import ConfigError
from lint_openai.knowledge.model_lifecycle import ModelInfo, ModelKnowledge

COLUMNS = ("model", "kinds", "status", "shutdown", "days", "replacement", "live_replacement")


def model_rows(
    table: ModelKnowledge,
    today: datetime.date,
    status: Optional[str] = None,
    kind: Optional[str] = None,
    pattern: Optional[str] = None,
) -> List[Dict[str, Any]]:
    """One row per known model, filtered, sorted by shutdown date then id.

    A pattern that no model id contains, or a kind no model has, is a :class:`ConfigError` (a typo, not an
    empty answer); filters that together leave nothing give no rows.
    """
    _check_filters(table, kind, pattern)
    rows = []
    for model_id in table.all_ids():
        info = table.get(model_id)
        assert info is not None
        row = _row(info, today)
        # Where the page's replacement is itself gone or going: the first live model its replacements reach.
        row["live_replacement"] = table.live_replacement(model_id, today)
        if status and row["status"] != status:
            continue
        if kind and kind not in info.kinds:
            continue
        if pattern and pattern.lower() not in model_id.lower():
            continue
        rows.append(row)
    return sorted(rows, key=lambda r: (r["shutdown"] or "9999", r["model"]))


def _check_filters(table: ModelKnowledge, kind: Optional[str], pattern: Optional[str]) -> None:
    infos = [info for info in map(table.get, table.all_ids()) if info is not None]
    if pattern and not any(pattern.lower() in info.id.lower() for info in infos):
        raise ConfigError(f"no known model id contains {pattern!r}")
    kinds = sorted({each for info in infos for each in info.kinds})
    if kind and kind not in kinds:
        raise ConfigError(f"unknown kind {kind!r} (known: {', '.join(kinds)})")


def _row(info: ModelInfo, today: datetime.date) -> Dict[str, Any]:
    left = (info.shutdown - today).days if info.shutdown else None
    return {
        "model": info.id,
        "kinds": sorted(info.kinds),
        "status": info.status(today),
        "shutdown": info.shutdown.isoformat() if info.shutdown else None,
        "days": left if left is not None and left >= 0 else None,  # days left until the shutdown
        "days_since_shutdown": -left if left is not None and left < 0 else None,
        "replacement": info.replacement,
        "deprecated": info.deprecated.isoformat() if info.deprecated else None,
        "reasoning": info.reasoning,
        "sources": list(info.sources),
    }


def format_table(rows: List[Dict[str, Any]]) -> str:
    """A plain-text table of the main columns."""
    cells = [[_cell(row[column]) for column in COLUMNS] for row in map(_days_cell, rows)]
    widths = [max([len(column), *(len(line[i]) for line in cells)]) for i, column in enumerate(COLUMNS)]
    lines = ["  ".join(column.ljust(width) for column, width in zip(COLUMNS, widths)).rstrip()]
    lines += ["  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip() for line in cells]
    return "\n".join(lines) + "\n"


def _days_cell(row: Dict[str, Any]) -> Dict[str, Any]:
    """The ``days`` column: days left, or ``N ago`` once the shutdown date has passed."""
    if row["days_since_shutdown"] is None:
        return row
    return {**row, "days": f"{row['days_since_shutdown']} ago"}


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, list):
        return ",".join(value) or "-"
    return str(value)


def fetch_shutdown_dates(make_client: Callable[[], Any]) -> Dict[str, Optional[str]]:
    """``{model id: shutdown_date}`` from ``GET /v1/models``, through the real ``openai`` client."""
    client = make_client()
    return {model.id: getattr(model, "shutdown_date", None) for model in client.models.list()}


def write_override(path: Path, dates: Dict[str, Optional[str]], today: datetime.date) -> None:
    """Write the file that ``models-override`` in ``[tool.lint-openai]`` points to."""
    document = {
        "source": f"GET /v1/models on {today.isoformat()}",
        "models": dict(sorted(dates.items())),
    }
    path.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")


def default_client_factory() -> Callable[[], Any]:
    """``openai.OpenAI`` (imported only for ``--refresh``; the linter itself never needs it)."""
    try:
        from openai import OpenAI  # noqa: PLC0415 - optional: only --refresh needs the SDK
    except ImportError as error:
        raise RuntimeError("`lint-openai models --refresh` needs the `openai` package installed") from error
    return OpenAI
