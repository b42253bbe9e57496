"""``lint-openai server`` with OAI101 raising on any file that mentions "explode": a stand-in for a bug
in a rule, to test that the server reports it and lives on. Run as a script by test_server_process."""

from __future__ import annotations

import sys

from lint_openai.frontends.cli.main import main
from lint_openai.rules.registry import RULES_BY_CODE

rule = RULES_BY_CODE["OAI101"]
original = rule.check


def check(node, scope, ctx):  # type: ignore[no-untyped-def]
    if "explode" in ctx.lines.text:
        raise RuntimeError("boom")
    return original(node, scope, ctx)


rule.check = check  # type: ignore[method-assign]
sys.exit(main(["server"]))
