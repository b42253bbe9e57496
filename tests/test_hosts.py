"""One settings path for every host: each host's own options reach the engine the same way, and the
engine's findings depend on the text and the settings only."""

from __future__ import annotations

import datetime
import io
import json
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from lint_openai.config.hosts import HostOptions, SettingsResolver, cli_options, flake8_options
from lint_openai.config.settings import ConfigError, Settings
from lint_openai.engine import check_source
from lint_openai.frontends.cli.main import main

LEGACY = "from openai import OpenAI\n\nclient = OpenAI()\nclient.completions.create(model=m, prompt='hi')\n"
NOQA = "import openai\nopenai.ChatCompletion.create(model=m, messages=[])  # noqa: OAI101\n"
UNKNOWN_NAME = "import openai\n\nopenai.Zqxwv\n"


def _codes(findings: object) -> set:  # type: ignore[type-arg]
    return {item["code"] for item in findings}  # type: ignore[attr-defined]


def _cli_codes(args: list) -> set:  # type: ignore[type-arg]
    out = io.StringIO()
    main(["check", *args, "--output-format", "json"], out=out, err=io.StringIO())
    return _codes(json.loads(out.getvalue()))


def _flake8_codes(path: Path, *args: str) -> set:  # type: ignore[type-arg]
    command = [sys.executable, "-m", "flake8", "--isolated", *args, "--format", "%(code)s", str(path)]
    result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=path.parent)
    assert "Traceback" not in result.stderr, result.stderr
    return set(result.stdout.split())


def _pylint_codes(path: Path, *args: str) -> set:  # type: ignore[type-arg]
    command = [
        sys.executable, "-m", "pylint", "--load-plugins=lint_openai.pylint_plugin", "--persistent=n",
        "--score=n", "--reports=n", "--msg-template={msg_id}", *args, str(path),
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=path.parent)
    assert "Traceback" not in result.stderr, result.stderr
    return {f"OAI{line[2:]}" for line in result.stdout.split() if line.startswith("W7")}


@pytest.fixture
def legacy_file(tmp_path: Path) -> Path:
    path = tmp_path / "legacy.py"
    path.write_text(LEGACY, encoding="utf-8")
    return path


@pytest.mark.slow
def test_an_opt_in_rule_named_on_each_hosts_command_line_is_reported(legacy_file: Path) -> None:
    assert "OAI105" not in _cli_codes([str(legacy_file)])
    assert "OAI105" in _cli_codes([str(legacy_file), "--select", "OAI105"])
    assert "OAI105" in _cli_codes([str(legacy_file), "--extend-select", "OAI105"])
    assert "OAI105" not in _flake8_codes(legacy_file, "--select", "OAI")
    assert "OAI105" in _flake8_codes(legacy_file, "--select", "OAI105")
    assert "OAI105" in _flake8_codes(legacy_file, "--extend-select", "OAI105")
    assert "OAI105" not in _pylint_codes(legacy_file, "--disable=all", "--enable=lint-openai")
    assert "OAI105" in _pylint_codes(legacy_file, "--disable=all", "--enable=legacy-completions-endpoint")
    assert "OAI105" in _pylint_codes(legacy_file, "--disable=all", "--enable=W7105")


@pytest.mark.slow
def test_an_opt_in_rule_selected_in_pyproject_is_reported_by_every_host(legacy_file: Path) -> None:
    (legacy_file.parent / "pyproject.toml").write_text(
        '[tool.lint-openai]\nextend-select = ["OAI105"]\n', encoding="utf-8"
    )
    assert "OAI105" in _cli_codes([str(legacy_file)])
    assert "OAI105" in _flake8_codes(legacy_file, "--select", "OAI")
    assert "OAI105" in _pylint_codes(legacy_file, "--disable=all", "--enable=lint-openai")


@pytest.mark.slow
def test_noqa_is_applied_once_whoever_applies_it(tmp_path: Path) -> None:
    path = tmp_path / "noqa.py"
    path.write_text(NOQA, encoding="utf-8")
    assert "OAI101" not in _cli_codes([str(path)])
    assert "OAI101" not in _flake8_codes(path, "--select", "OAI")
    assert "OAI101" in _flake8_codes(path, "--select", "OAI", "--disable-noqa")
    assert "OAI101" not in _pylint_codes(path, "--disable=all", "--enable=lint-openai")
    resolved = SettingsResolver(flake8_options(["OAI"], None)).for_path(path)
    assert resolved.noqa is False
    assert any(d.code == "OAI101" for d in check_source(NOQA, str(path), resolved))


def test_host_options_layer_on_the_configuration(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.lint-openai]\nignore = ["OAI103"]\ntoday = "2026-01-01"\nsdk-version = "3.1.0"\n',
        encoding="utf-8",
    )
    options = cli_options(
        select=["OAI1,OAI2"], extend_select=None, ignore=["OAI104"], today="2026-12-01", config_file=None
    )
    settings = SettingsResolver(options).for_path(tmp_path / "a.py")
    assert settings.select == ("OAI1", "OAI2")
    assert settings.ignore == ("OAI103", "OAI104")
    assert settings.today == datetime.date(2026, 12, 1)
    assert settings.sdk_version == "3.1.0"  # the project's pin beats the environment
    isolated = SettingsResolver(HostOptions(isolated=True), sdk_version=lambda: "3.57.0").for_path(tmp_path)
    assert isolated.ignore == () and isolated.today is None and isolated.sdk_version == "3.57.0"


def test_bad_host_options_are_configuration_errors() -> None:
    with pytest.raises(ConfigError, match="--select"):
        cli_options(select=["XYZ1"], extend_select=None, ignore=None, today=None, config_file=None)
    with pytest.raises(ConfigError, match="--lint-openai-today"):
        flake8_options([], "2026-13-01")


def test_the_engine_reads_the_sdk_version_from_settings_not_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def reported(settings: Settings) -> bool:
        return any(d.code == "OAI104" for d in check_source(UNKNOWN_NAME, "a.py", settings))

    assert reported(Settings(sdk_version="3.57.0"))
    assert reported(Settings())  # unset: the version the knowledge was generated from
    assert not reported(Settings(sdk_version="9.0.0"))  # a newer SDK may have the name: no positive evidence
    installed = tmp_path / "site-packages" / "openai-9.0.0.dist-info"  # an environment with another openai
    installed.mkdir(parents=True)
    (installed / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: openai\nVersion: 9.0.0\n", encoding="utf-8"
    )
    monkeypatch.setattr(sys, "path", [str(installed.parent), *sys.path])
    assert metadata.version("openai") == "9.0.0"
    assert reported(Settings(sdk_version="3.57.0"))
    assert SettingsResolver(HostOptions()).for_path(Path.cwd()).sdk_version == "9.0.0"
