"""Engine diagnostics -> LSP diagnostics and hover text.

Severity comes from the rule registry: a rule whose ``severity`` is ``DEPRECATION`` (something that
still works today: OAI202 deprecated-model, OAI304 deprecated-functions-param, ...) is a Warning tagged
Deprecated; every other finding (it fails now: removed APIs, retired models, rejected requests, parse
errors) is an Error. The same attribute sets the SARIF level and the GitLab severity of the CLI.
"""

from __future__ import annotations

import functools
from typing import List, Optional, Sequence

from lsprotocol import types

from lint_openai.frontends.server.linter import DEPRECATION, RULES_BY_CODE, Diagnostic, Rule, doc_sections
from lint_openai.frontends.server.positions import PositionMapper

SOURCE = "lint-openai"


def is_deprecation(rule: Optional[Rule]) -> bool:
    return rule is not None and rule.severity == DEPRECATION


@functools.cache
def _rule_link(code: str) -> Optional[types.CodeDescription]:
    """The link to a rule's documentation (built once per rule)."""
    rule = RULES_BY_CODE.get(code)
    return types.CodeDescription(href=rule.url) if rule is not None else None


def to_lsp(diagnostic: Diagnostic, mapper: PositionMapper) -> types.Diagnostic:
    """One engine diagnostic as the client shows it."""
    deprecation = is_deprecation(RULES_BY_CODE.get(diagnostic.code))
    return types.Diagnostic(
        range=mapper.range(diagnostic.start, diagnostic.end),
        message=diagnostic.message,
        severity=types.DiagnosticSeverity.Warning if deprecation else types.DiagnosticSeverity.Error,
        code=diagnostic.code,
        code_description=_rule_link(diagnostic.code),
        source=SOURCE,
        tags=[types.DiagnosticTag.Deprecated] if deprecation else None,
    )


def hover_text(diagnostics: Sequence[Diagnostic]) -> str:
    """Markdown for the findings under the cursor: each rule's summary and its "Why is this bad?"."""
    parts: List[str] = []
    for diagnostic in diagnostics:
        rule = RULES_BY_CODE.get(diagnostic.code)
        if rule is None:
            continue
        lines = [f"**{rule.code}** `{rule.symbol}`: {rule.summary}", "", diagnostic.message]
        why = doc_sections(rule).get("Why is this bad?")
        if why:
            lines += ["", "**Why is this bad?**", "", why]
        link = _rule_link(rule.code)
        if link is not None:
            lines += ["", f"[{rule.code} documentation]({link.href})"]
        parts.append("\n".join(lines))
    return "\n\n---\n\n".join(parts)


def hover(
    found: Sequence[Diagnostic], mapper: PositionMapper, position: types.Position
) -> Optional[types.Hover]:
    """The hover at ``position`` of a document whose findings are ``found``: None off every finding."""
    at = mapper.location(position)
    under = [d for d in found if d.start <= at <= d.end]
    if not under:
        return None
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=hover_text(under)),
        range=mapper.range(under[0].start, under[0].end),
    )
