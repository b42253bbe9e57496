"""``lint-openai models``: listing, and --refresh through the real SDK with a mocked transport."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any, List, Tuple

import httpx2
import openai
import pytest

from lint_openai.frontends.cli import list_models
from lint_openai.frontends.cli.main import main


def run(args: List[str]) -> Tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(args, out=out, err=err), out.getvalue(), err.getvalue()


def test_models_json_pinned_date() -> None:
    code, out, _ = run(["models", "--today", "2026-11-25", "--output-format", "json", "gpt-4"])
    assert code == 0
    rows = {row["model"]: row for row in json.loads(out)}
    assert rows["gpt-4"]["status"] == "retired" and rows["gpt-4"]["shutdown"] == "2026-10-23"
    assert rows["gpt-4o"]["status"] == "deprecated" and rows["gpt-4o"]["days"] == 50
    assert all("gpt-4" in model for model in rows)


def test_models_table_filters() -> None:
    _, out, _ = run(["models", "--today", "2026-11-25", "--status", "deprecated", "--kind", "chat"])
    lines = out.splitlines()
    assert lines[0].split() == [
        "model",
        "kinds",
        "status",
        "shutdown",
        "days",
        "replacement",
        "live_replacement",
    ]
    assert all(" deprecated " in line for line in lines[1:])
    assert any(line.startswith("gpt-5 ") for line in lines)


def _api_handler(request: httpx2.Request) -> httpx2.Response:
    assert request.url.path == "/v1/models"
    data = [
        {
            "id": "gpt-4o",
            "object": "model",
            "created": 0,
            "owned_by": "system",
            "shutdown_date": "2026-12-01",
        },
        {
            "id": "acme-model-9",
            "object": "model",
            "created": 0,
            "owned_by": "system",
            "shutdown_date": "2026-11-01",
        },
        {"id": "gpt-5.6-sol", "object": "model", "created": 0, "owned_by": "system", "shutdown_date": None},
    ]
    return httpx2.Response(200, json={"object": "list", "data": data})


def test_refresh_writes_an_override_the_linter_uses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def factory() -> Any:
        return lambda: openai.OpenAI(
            api_key="sk-test", http_client=httpx2.Client(transport=httpx2.MockTransport(_api_handler))
        )

    monkeypatch.setattr(list_models, "default_client_factory", factory)  # what `models` calls
    override = tmp_path / "models.json"
    code, _, err = run(["models", "--refresh", "--write", str(override), "--today", "2026-11-25"])
    assert code == 0 and "3 models, 2 with a shutdown date" in err
    assert json.loads(override.read_text())["models"]["acme-model-9"] == "2026-11-01"

    (tmp_path / "pyproject.toml").write_text(
        '[tool.lint-openai]\ntoday = "2026-11-25"\nmodels-override = "models.json"\n', encoding="utf-8"
    )
    source = (
        "from openai import OpenAI\n"
        "client = OpenAI()\n"
        "client.chat.completions.create(model='gpt-4o', messages=[])\n"
        "client.chat.completions.create(model='acme-model-9', messages=[])\n"
    )
    (tmp_path / "app.py").write_text(source, encoding="utf-8")
    _, out, _ = run(["check", str(tmp_path / "app.py"), "--output-format", "json"])
    findings = {(item["location"]["row"], item["code"]): item["message"] for item in json.loads(out)}
    assert "shuts down on 2026-12-01, in 6 days" in findings[(3, "OAI202")]
    assert "was shut down on 2026-11-01" in findings[(4, "OAI201")]


def test_bad_override_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.lint-openai]\nmodels-override = "missing.json"\n', encoding="utf-8"
    )
    (tmp_path / "a.py").write_text("import openai\n", encoding="utf-8")
    code, _, err = run(["check", str(tmp_path)])
    assert code == 2 and "cannot read the models override" in err
