"""Generate ``lint_openai/rules/catalogue.py``: every rule's code, whether it is on by default, where its class
lives and the text a file must contain for it to fire.

Run ``python scripts/gen_rule_catalogue.py`` after adding a rule or changing a rule's ``default_enabled`` or
``needs_text``; ``tests/test_startup.py`` fails when the catalogue is stale. Configuration validates and selects
codes from it, and the engine imports only the rules a file can need, so a run whose files need no rule never
imports one. The rules are found here by importing every module under ``lint_openai/rules/``.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path
from typing import Dict, List, Tuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import lint_openai.rules  # noqa: E402
from lint_openai.rules.base import Rule  # noqa: E402

TARGET = ROOT / "lint_openai" / "rules" / "catalogue.py"
HEADER = '''"""Every rule's code, whether it is enabled by default, its class, and the text it needs, in code order.

Generated from the rule classes by ``python scripts/gen_rule_catalogue.py``; do not edit (a test fails when it
is stale). Configuration validates and selects codes from this, and the registry imports a rule's module only
when a file may need it: a rule with ``NEEDS_TEXT`` cannot fire in a file that contains none of its strings.
"""

'''


def discovered() -> List[Tuple[str, str, str, bool, Tuple[str, ...]]]:
    """(code, module, class name, default_enabled, needs_text) of every rule class, in code order."""
    found: Dict[str, Tuple[str, str, str, bool, Tuple[str, ...]]] = {}
    for info in pkgutil.walk_packages(lint_openai.rules.__path__, "lint_openai.rules."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            is_rule = (
                isinstance(value, type) and issubclass(value, Rule) and value.__module__ == module.__name__
            )
            if is_rule and "code" in value.__dict__:
                if value.code in found:
                    raise SystemExit(f"two rules with code {value.code}: {found[value.code][1:3]} and {name}")
                found[value.code] = (
                    value.code,
                    module.__name__,
                    name,
                    value.default_enabled,
                    value.needs_text,
                )
    return [found[code] for code in sorted(found)]


def quoted(text: str) -> str:
    """``text`` as a double-quoted Python string (the quotes ruff's formatter keeps)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render() -> str:
    """The text of ``catalogue.py`` for the rules as they are now."""
    rules = discovered()
    enabled = [f'    "{code}": {default},\n' for code, _, _, default, _ in rules]
    classes = [f'    "{code}": ("{module}", "{name}"),\n' for code, module, name, _, _ in rules]
    needs = [
        f'    "{code}": ({"".join(f"{quoted(n)}, " for n in needs).rstrip()}),\n'
        for code, *_, needs in rules
        if needs
    ]
    return (
        HEADER
        + "DEFAULT_ENABLED = {\n"
        + "".join(enabled)
        + "}\n\nRULE_CLASSES = {\n"
        + "".join(classes)
        + "}\n\nNEEDS_TEXT = {\n"
        + "".join(needs)
        + "}\n"
    )


def main() -> None:
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
