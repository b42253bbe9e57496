"""Generate ``lint_openai/rules/catalogue.py``: every rule's code and whether it is on by default.

Run ``python scripts/gen_rule_catalogue.py`` after adding a rule or changing a rule's ``default_enabled``;
``tests/test_startup.py`` fails when the catalogue is stale. Configuration validates and selects codes from it,
so a run whose files need no rule never imports one.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lint_openai.rules.registry import all_rules  # noqa: E402

TARGET = ROOT / "lint_openai" / "rules" / "catalogue.py"
HEADER = '''"""Every rule's code and whether it is enabled by default, in code order.

Generated from the rule classes by ``python scripts/gen_rule_catalogue.py``; do not edit (a test fails when it
is stale). Configuration validates and selects codes from this, without importing the rules.
"""

DEFAULT_ENABLED = {
'''


def render() -> str:
    """The text of ``catalogue.py`` for the rules as they are now."""
    lines = [f'    "{rule.code}": {rule.default_enabled},\n' for rule in all_rules()]
    return HEADER + "".join(lines) + "}\n"


def main() -> None:
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
