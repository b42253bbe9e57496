"""Generate ``lint_openai/knowledge/data/NAME.marshal`` beside every ``NAME.json``: the same value in the form
that loads fastest (see :mod:`lint_openai.knowledge.loading`).

Run ``python scripts/gen_compact_knowledge.py`` after any knowledge generator (or edit) changed a JSON file;
``tests/test_knowledge_files.py`` fails while a compact file is stale. A stale one is never used (its header
names the JSON it was made from), so forgetting this costs only speed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lint_openai.knowledge.loading import COMPACT_SUFFIX, DATA_DIRECTORY, compact_form  # noqa: E402


def render(json_path: Path) -> bytes:
    """The compact file for one JSON file as it is now."""
    json_bytes = json_path.read_bytes()
    return compact_form(json.loads(json_bytes.decode("utf-8")), json_bytes)


def main() -> None:
    directory = Path(DATA_DIRECTORY)
    for json_path in sorted(directory.glob("*.json")):
        target = json_path.with_suffix(COMPACT_SUFFIX)
        target.write_bytes(render(json_path))
        print(f"wrote {target.relative_to(ROOT)}")
    for stale in sorted(directory.glob(f"*{COMPACT_SUFFIX}")):
        if not stale.with_suffix(".json").exists():
            stale.unlink()
            print(f"removed {stale.relative_to(ROOT)} (no JSON file)")


if __name__ == "__main__":
    main()
