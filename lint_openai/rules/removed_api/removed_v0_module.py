"""OAI108 ``removed-v0-module``: v0 sub-module that openai>=1.0 does not ship."""

from __future__ import annotations

import ast
from typing import Optional

from lint_openai import knowledge
from lint_openai.context import Context
from lint_openai.rules.base import Rule, bad, good
from lint_openai.rules.edits import (
    alias_anchor,
)
from lint_openai.semantic.scopes import Scope
from lint_openai.semantic.type_checking import import_failure
from lint_openai.semantic.values import OPENAI


class RemovedV0Module(Rule):
    """## What it does
    Checks for imports and uses of v0 sub-modules that openai>=1.0 does not ship:
    `openai.embeddings_utils`, `openai.openai_object`, `openai.util`, `openai.api_resources`,
    `openai.api_requestor`, `openai.datalib`, `openai.validators`, `openai.wandb_logger`, ...
    Imports under `if TYPE_CHECKING:` and in `.pyi` stubs are reported too, naming the type checker's
    error instead of the run-time one (they never run).

    ## Why is this bad?
    `from openai.embeddings_utils import get_embedding, cosine_similarity` (the OpenAI cookbook's
    idiom for years) raises `ModuleNotFoundError: No module named 'openai.embeddings_utils'` on
    openai>=1.0, and so does every other import of these modules. The helpers they held have no v1
    twin; the message says what to use instead.

    ## Fix safety
    There is no fix: the replacement code depends on what the helper was used for.
    """

    code = "OAI108"
    symbol = "removed-v0-module"
    v1_sdk = True
    summary = "v0 sub-module that openai>=1.0 does not ship"
    v0_surface = True
    node_types = (ast.Import, ast.ImportFrom, ast.Attribute)
    sources = (
        "sub-modules of openai 0.28.1 (pkgutil.iter_modules) that are not sub-modules of the installed "
        "SDK; tests/test_knowledge_sdk.py checks each one cannot be found in the installed openai",
    )
    examples = (
        bad(
            """
            from openai.embeddings_utils import cosine_similarity, get_embedding

            score = cosine_similarity(get_embedding(a), get_embedding(b))
            """,
            (1, 1, 1, 69, "`from openai.embeddings_utils import ...`"),
        ),
        good(
            """
            import numpy as np
            from openai import OpenAI

            client = OpenAI()
            a, b = (d.embedding for d in client.embeddings.create(model="text-embedding-3-small", input=[x, y]).data)
            score = np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b))
            """
        ),
        bad(
            """
            import openai

            def to_dict(response):
                return openai.util.convert_to_dict(response)
            """,
            (4, 12, 4, 23, "`openai.util`: `openai.util` does not exist in openai>=1.0 (AttributeError)"),
            title="attribute access",
        ),
        good(
            """
            from myproject.openai_object import OpenAIObject
            from openai import types, version
            """,
            title="other packages; v1 sub-modules",
        ),
    )

    def attribute_names(self) -> frozenset[str]:
        """The v0 modules: the only attributes this rule reports on."""
        return frozenset(knowledge.v0().modules)

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        modules = knowledge.v0().modules
        if isinstance(node, ast.Import):
            for alias in node.names:
                name = self._removed(alias.name)
                if name:
                    failure = import_failure(ctx.model, ctx.path, node, "ModuleNotFoundError")
                    self._report(ctx, alias_anchor(alias, node), f"import {alias.name}", name, failure)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                return
            name = self._removed(node.module or "")
            if name:
                failure = import_failure(ctx.model, ctx.path, node, "ModuleNotFoundError")
                self._report(ctx, node, f"from {node.module} import ...", name, failure)
            elif node.module == "openai":
                for alias in node.names:
                    if alias.name in modules:
                        self._report(
                            ctx,
                            alias_anchor(alias, node),
                            f"from openai import {alias.name}",
                            alias.name,
                            import_failure(ctx.model, ctx.path, node, "ImportError"),
                        )
        elif (
            isinstance(node, ast.Attribute)
            and node.attr in modules
            and ctx.model.resolve(node.value, scope) == OPENAI
        ):
            self._report(ctx, node, ctx.segment(node), node.attr, "AttributeError")

    @staticmethod
    def _removed(module: str) -> Optional[str]:
        parts = module.split(".")
        if len(parts) >= 2 and parts[0] == "openai" and parts[1] in knowledge.v0().modules:
            return parts[1]
        return None

    def _report(self, ctx: Context, node: ast.AST, shown: str, module: str, error: str) -> None:
        advice = knowledge.v0().modules[module]["advice"]
        message = f"`{shown}`: `openai.{module}` does not exist in openai>=1.0 ({error}); {advice}"
        ctx.report(self, node, message)
