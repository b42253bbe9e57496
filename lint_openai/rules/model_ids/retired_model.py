"""OAI201 ``retired-model``: model whose shutdown date has passed."""

from __future__ import annotations

from datetime import date
from typing import Optional

from lint_openai.analyses.model_references import ModelReferences
from lint_openai.context import Context
from lint_openai.knowledge.model_lifecycle import RETIRED, ModelInfo, ModelKnowledge
from lint_openai.rules.base import bad, good
from lint_openai.rules.model_ids.common import LIFECYCLE_SOURCE, ModelRule, advice, replacement_fix


class RetiredModel(ModelRule):
    """## What it does
    Checks for model ids whose shutdown date has passed: in the `model=` of SDK calls (followed
    through constants, default arguments, `os.getenv("X", "default")`, `**kwargs` dicts, enum members
    read through `.value`, and lists or tuples of models iterated into `model=`), and in any keyword,
    variable, attribute, parameter default or dict key named like `model`/`engine`
    (`ChatOpenAI(model_name="gpt-3.5-turbo")` in another library fails the same way), including field
    and option defaults (pydantic `Field("gpt-4")`, `dataclasses.field(default=...)`,
    `typer.Option("gpt-4")`, `click.option("--model", default=...)`,
    `parser.add_argument("--model", default=...)`). In notebooks,
    the code cells are checked as one module. With `config-files = true` (or `--config-files`), values
    under model-named keys of `.env`, YAML, TOML, JSON and INI files are checked too
    (`OPENAI_MODEL=gpt-4`, `model: gpt-3.5-turbo`), except where the key, its section or a setting
    beside it is about another provider or a local model server (`ANTHROPIC_MODEL`, `[ollama]`,
    `LM_STUDIO_MODEL`, `TGI_MODEL`, `api_type: azure`, a `base_url` on another server).

    ## Why is this bad?
    A shut-down model is "no longer accessible" (deprecations page): every request that names it
    fails with HTTP 404 (`openai.NotFoundError`). Shutdowns happen on announced dates, so code that
    worked yesterday breaks today: gpt-3.5-turbo, gpt-4, gpt-4-turbo, o1, o3-mini and o4-mini were
    shut down on 2026-10-23. "Today" is the real date unless pinned with `--today` or
    `today = "YYYY-MM-DD"` in `[tool.lint-openai]`, so CI results are reproducible. Calls on
    `AzureOpenAI` clients are skipped (`model=` is a deployment name there), as are fine-tuned
    (`ft:...`) and unknown ids. Each literal is reported once, where it is written.

    A named literal that is provably never sent is not reported: one whose every use in the file
    only consults it (compared, looked up in a table, passed to tiktoken, a logger, or a token
    counter or price function defined or named as such; a parameter's default, `typer.Option`'s and
    a `click.option` decorator's included, by the uses of the parameter), the `"model"` of a dict, call or
    configuration mapping shaped like an API *response*, a mock, or data about a model: a result or
    metric row, a logged exchange or trace span (`choices=`, `usage=`, `mock_response=`; `score`,
    `accuracy`, `f1`, `latency_ms`, `duration`, `timestamp`, `startTime`, `prompt_tokens`,
    `inputTokenCount`, `cost`, `output`, `response`, `completion`: keys no request has), examples that only document
    a schema (`examples=`, `json_schema_extra`, `schema_extra`, `openapi_examples`), names about something
    else (`model_group`, `model_map_key`, `SERVED_MODEL_NAME`), keywords of other libraries' `Azure*` classes, files
    whose only SDK clients are Azure clients (v0 calls on a module set to `api_type = "azure"` count as
    such: the `model=` of v0's `openai.Deployment.create` is still a model), and calls on a client whose `base_url` is proven to
    be another server (a proxy or a local model server): given to the constructor (or in a `**` dict
    literal), to `with_options`/`copy`, through the `client.base_url` setter, in `OPENAI_BASE_URL` set
    by the module's top-level code before a client is made without one, or by a factory that returns
    such a client whatever its `-> OpenAI` annotation says; so are a client configured by
    `provider=vertex(...)` and the keywords of another library's call that also passes a URL on
    another server (`ChatOpenAI(model="gpt-4", base_url="http://localhost:1234/v1")`, LiteLLM's
    `api_base=`).

    ## Fix safety
    Where the deprecations page names a single replacement that is still served, the fix puts it in
    the literal. It is unsafe: the new model behaves, costs and tokenizes differently. It is applied
    only where the id provably reaches SDK requests alone: the literal is the `model=` of SDK calls,
    directly or through constants bound once and read nowhere else. Anywhere else (a parameter or
    class default, an environment default, a constant also used as a lookup-table key, in a test
    assertion or by another library) the replacement is a display-only suggestion, because other code
    reads the same literal and a rewrite could break it.
    """

    code = "OAI201"
    symbol = "retired-model"
    summary = "model whose shutdown date has passed"
    fix_availability = "sometimes"
    sources = (LIFECYCLE_SOURCE,)
    examples = (
        bad(
            """
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completions.create(model="gpt-3.5-turbo", messages=messages)
            """,
            (4, 46, 4, 61, "`gpt-3.5-turbo` was shut down on 2026-10-23: requests with it fail"),
            fixed="""
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completions.create(model="gpt-5.6-terra", messages=messages)
            """,
            applicability="unsafe",
            today="2026-11-25",
        ),
        bad(
            """
            import os
            from langchain_openai import ChatOpenAI

            DEFAULT_MODEL = os.getenv("CHAT_MODEL", "gpt-4")
            llm = ChatOpenAI(model_name="text-davinci-003")

            def summarize(text, model=DEFAULT_MODEL):
                return client.chat.completions.create(model=model, messages=[{"role": "user", "content": text}])
            """,
            (4, 41, 4, 48, "`gpt-4` was shut down on 2026-10-23: requests with it fail"),
            (5, 29, 5, 47, "`text-davinci-003` was shut down on 2024-01-04: requests with it fail"),
            today="2026-11-25",
            title="through environment defaults, parameter defaults and other libraries' keywords "
            "(the replacement is only displayed: other code may read the same value)",
        ),
        good(
            '''
            from openai import AzureOpenAI

            def describe():
                """Uses gpt-4 through an Azure deployment named like the model."""
                print("model: gpt-4")
                client = AzureOpenAI(api_version="2024-10-21", azure_endpoint="https://x.openai.azure.com")
                return client.chat.completions.create(model="gpt-4", messages=[])
            ''',
            today="2026-11-25",
            title="Azure deployment names, docstrings and prints",
        ),
    )

    def finish(self, ctx: Context) -> None:
        for entry in ctx.analysis(ModelReferences).requested_literals():
            info = ctx.models.get(entry.model)
            message = retired_message(info, ctx.models, ctx.today) if info is not None else None
            if info is not None and message is not None:
                ctx.report(self, entry.literal, message, replacement_fix(ctx, entry, info))


def retired_message(info: ModelInfo, table: ModelKnowledge, today: date) -> Optional[str]:
    """The OAI201 message for a model, or ``None`` if it is not shut down on ``today``."""
    if info.status(today) != RETIRED or info.shutdown is None:
        return None
    return f"`{info.id}` was shut down on {info.shutdown.isoformat()}: requests with it fail; " + advice(
        info, table, today
    )
