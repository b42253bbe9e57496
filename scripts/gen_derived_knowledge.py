"""Generate ``lint_openai/knowledge/data/derived.json`` from ``models.json`` and ``api_lifecycle.json``.

Run ``python scripts/gen_derived_knowledge.py`` after regenerating or editing either file (the other generators
leave this one to you); ``tests/test_knowledge_derived.py`` derives it again and fails when it is stale.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lint_openai.knowledge.derived import DERIVED_FILE, LIFECYCLE_FILES, derive  # noqa: E402
from lint_openai.knowledge.loading import DATA_DIRECTORY, load_json  # noqa: E402


def render() -> str:
    """The text of ``derived.json`` for the knowledge files as they are now."""
    derived = derive({name: load_json(name) for name in LIFECYCLE_FILES})
    return json.dumps(derived, indent=1) + "\n"


def main() -> None:
    target = Path(DATA_DIRECTORY) / DERIVED_FILE
    target.write_text(render(), encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
