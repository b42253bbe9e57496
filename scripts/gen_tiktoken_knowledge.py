"""Generate ``lint_openai/knowledge/data/tiktoken.json`` from the installed ``tiktoken``.

``tests/test_knowledge_tiktoken.py`` regenerates it and fails when the committed file is stale, and
checks that lint-openai's lookup gives the same answer as ``tiktoken.encoding_name_for_model``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import tiktoken
import tiktoken.model as model_tables

OUTPUT = Path(__file__).resolve().parent.parent / "lint_openai" / "knowledge" / "data" / "tiktoken.json"


def build() -> dict[str, Any]:
    """tiktoken's encoding names and its exact and prefix model tables (prefix order matters)."""

    return {
        "generated_by": "scripts/gen_tiktoken_knowledge.py",
        "tiktoken_version": tiktoken.__version__,
        "encodings": sorted(tiktoken.list_encoding_names()),
        "model_to_encoding": dict(sorted(model_tables.MODEL_TO_ENCODING.items())),
        "model_prefix_to_encoding": [list(item) for item in model_tables.MODEL_PREFIX_TO_ENCODING.items()],
    }


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=1) + "\n"


def main() -> None:
    OUTPUT.write_text(render(build()), encoding="utf-8")
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
