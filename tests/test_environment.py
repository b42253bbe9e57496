"""The installed SDK's version is read without importing ``importlib.metadata``, with the same answer."""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path
from typing import List, Optional

import pytest

from lint_openai.config.environment import installed_sdk_version


def importlib_answer() -> Optional[str]:
    try:
        return metadata.version("openai")
    except metadata.PackageNotFoundError:
        return None


def test_the_installed_sdk_version_is_importlib_metadatas() -> None:
    assert installed_sdk_version() == importlib_answer() == "3.57.0"


def write_distribution(site: Path, directory: str, version: str, file_name: str = "METADATA") -> None:
    (site / directory).mkdir(parents=True)
    (site / directory / file_name).write_text(
        f"Metadata-Version: 2.1\nName: openai\nVersion: {version}\n\nVersion: not-a-header\n",
        encoding="utf-8",
    )


LAYOUTS = {
    "dist-info": [("a", "openai-1.2.3.dist-info", "1.2.3", "METADATA")],
    "capitals": [("a", "OpenAI-1.4.0.dist-info", "1.4.0", "METADATA")],
    "egg-info": [("a", "openai.egg-info", "0.28.1", "PKG-INFO")],
    "first on the path wins": [
        ("a", "openai-2.0.0.dist-info", "2.0.0", "METADATA"),
        ("b", "openai-1.0.0.dist-info", "1.0.0", "METADATA"),
    ],
    # a stale metadata directory beside the current one (a broken upgrade): the answer must not depend on
    # the order os.listdir happens to give
    "two in one directory": [
        ("a", "openai-1.0.0.dist-info", "1.0.0", "METADATA"),
        ("a", "openai-2.0.0.dist-info", "2.0.0", "METADATA"),
    ],
    "another distribution": [("a", "openai_agents-0.2.3.dist-info", "0.2.3", "METADATA")],
    "none": [],
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_the_same_answer_as_importlib_metadata(
    layout: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    entries: List[str] = []
    for site, directory, version, file_name in LAYOUTS[layout]:
        write_distribution(tmp_path / site, directory, version, file_name)
        if str(tmp_path / site) not in entries:
            entries.append(str(tmp_path / site))
    monkeypatch.setattr(sys, "path", [*entries, str(tmp_path / "missing")])
    expected = importlib_answer()
    assert installed_sdk_version() == expected
    assert (expected is None) == (layout in ("none", "another distribution"))


def test_a_directory_without_a_version_is_left_to_importlib(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "openai-9.9.9.dist-info").mkdir()
    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    assert installed_sdk_version() == importlib_answer()
