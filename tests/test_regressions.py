"""Regressions found in review: each snippet is a minimal reproduction of a reported problem."""

from __future__ import annotations

import ast
import datetime
import io
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import List, Optional, Tuple

import pytest

from lint_openai.analyses.model_references import ModelReferences
from lint_openai.config.settings import Settings
from lint_openai.engine import InternalError, check_source
from lint_openai.fix import apply_fixes
from lint_openai.frontends.cli.main import main
from lint_openai.rules.registry import ALL_RULES

Expected = List[Tuple[int, str, Optional[str]]]  # (row, code, fix applicability or None)

CASES = {
    "version-guarded and import-fallback code": (
        """
        import openai

        try:
            from openai.error import RateLimitError  # openai<1
        except ImportError:
            from openai import RateLimitError  # openai>=1

        if openai.__version__.startswith("0."):
            openai.api_base = "https://proxy/v1"
            reply = openai.ChatCompletion.create(model="m", messages=[])
        OPENAI_V1 = hasattr(openai, "OpenAI")
        if not OPENAI_V1:
            failure = openai.InvalidRequestError
        """,
        [],
    ),
    "a method given to a function that only inspects it is not passed on to be called": (
        """
        import asyncio
        import functools
        import inspect
        from functools import partial
        from openai import OpenAI

        client = OpenAI()
        accepted = set(inspect.signature(client.fine_tuning.jobs.create).parameters)
        print(inspect.getdoc(client.videos.create))
        help(client.evals.create)
        ok = callable(client.evals.create) and isinstance(client.evals.create, object)

        @functools.wraps(client.evals.create)
        def wrapper(*args, **kwargs): ...

        asyncio.to_thread(client.evals.create, name="x")
        partial(client.evals.create, name="x")
        retry(call=client.evals.create)

        def shadowed(help):
            help(client.evals.create)
        """,
        [(16, "OAI701", None), (17, "OAI701", None), (18, "OAI701", None), (21, "OAI701", None)],
    ),
    "a method the code replaces takes the replacement's arguments (OAI106)": (
        """
        import instructor
        from openai import AsyncOpenAI, OpenAI

        client = OpenAI()
        instructor.patch(client)
        user = client.chat.completions.create(model="m", response_model=dict, messages=[])
        aclient = AsyncOpenAI()
        aclient.chat.completions.create(model="m", response_model=dict, messages=[])

        other = OpenAI()
        _create = other.embeddings.create
        def create_with_retries(*args, retries=3, **kwargs):
            return _create(*args, **kwargs)
        other.embeddings.create = create_with_retries
        other.embeddings.create(model="m", input="x", retries=5)
        """,
        [(8, "OAI106", None)],
    ),
    "imports that cannot stop the module: suppress(ImportError), except Exception with another path": (
        """
        import contextlib
        from contextlib import suppress
        import openai
        with contextlib.suppress(ImportError):
            from openai.types.beta.vector_stores import file_batch_create_params
        with suppress(ModuleNotFoundError, KeyError):
            import openai.types.beta.vector_store
        with suppress(Exception):
            from openai.types.beta import vector_store_create_params
            reply = openai.ChatCompletion.create(model="m", messages=[])  # keep: swallowed, not a fallback
        try:
            from openai.types.beta import vector_store_create_params
        except Exception:
            vector_store_create_params = None
        try:
            from openai.types.beta import vector_store_create_params  # keep: the handler only raises
        except Exception:
            raise
        with suppress(KeyError):
            from openai.types.beta import vector_store_create_params  # keep
        """,
        [(10, "OAI101", "safe"), (16, "OAI110", None), (20, "OAI110", None)],
    ),
    "the SDK's version under another name, and a version helper of the file, guard v0 code": (
        """
        import openai
        from openai import __version__ as oai_version
        from openai.version import VERSION

        if oai_version < "1.66":
            from openai.types.beta.vector_store import VectorStore
        if VERSION.startswith("0."):
            openai.api_base = "https://proxy.example/v1"
            reply = openai.ChatCompletion.create(model="m", messages=[])

        def is_openai_v1() -> bool:
            return hasattr(openai, "OpenAI")

        def embed(text):
            if not is_openai_v1():
                return openai.Embedding.create(input=text, model="m")
            return openai.embeddings.create(input=text, model="m")

        def unrelated() -> bool:
            return True

        if not unrelated():
            openai.Embedding.create(input="x", model="m")
        """,
        [(23, "OAI101", "safe")],
    ),
    "a model class its decorator may replace is not proven a class (OAI307)": (
        """
        import functools
        from openai import OpenAI
        from pydantic import BaseModel
        from schema_tools import to_json_schema

        @to_json_schema
        class Answer(BaseModel):
            city: str

        @functools.total_ordering
        class Ranked(BaseModel):
            score: int

        client = OpenAI()
        client.chat.completions.create(model="m", messages=[], response_format=Answer)
        client.chat.completions.create(model="m", messages=[], response_format=Ranked)
        """,
        [(16, "OAI307", "safe")],
    ),
    "result rows and trace spans name the model that answered, requests the one to ask": (
        """
        results = [
            {"model": "gpt-4", "accuracy": 0.86, "latency_ms": 900},
            {"model": "gpt-3.5-turbo", "score": 0.71},
        ]
        span = {"name": "rerank", "startTime": "2026-05-12T03:01:01Z", "model": "gpt-4", "inputTokenCount": 9}
        row = Row(model="gpt-4", f1=0.5)
        request = {"model": "gpt-4", "messages": [], "max_tokens": 10}
        """,
        [(7, "OAI201", "display-only")],
    ),
    "a tokenizer picked for one class's model is not compared with another class's model": (
        """
        import tiktoken

        class Embedder:
            model: str = "text-embedding-3-small"

            def count(self, text):
                return len(tiktoken.encoding_for_model(self.model).encode(text))

        class Chat:
            model: str = "gpt-5.5"

            def count(self, text):
                return len(tiktoken.encoding_for_model(self.model).encode(text))

        class Counter:
            model: str = "gpt-5.5"

            def count(self, text):
                return len(tiktoken.get_encoding("cl100k_base").encode(text))
        """,
        [(19, "OAI402", "safe")],
    ),
    "import guard with a flag": (
        """
        try:
            import openai.error  # only openai<1 has it
            LEGACY = True
        except ImportError:
            LEGACY = False
        """,
        [],
    ),
    "azure client-level options": (
        """
        from openai import AzureOpenAI, BedrockOpenAI

        az = AzureOpenAI(api_version="2024-10-21", azure_endpoint="https://x.openai.azure.com")
        newer = az.with_options(api_version="2025-01-01", azure_ad_token="tok")
        region = BedrockOpenAI(aws_region="us-east-1").aws_region
        """,
        [],
    ),
    "attributes the code sets on a client": (
        """
        from openai import OpenAI

        client = OpenAI()
        client.default_model = "my-model"
        print(client.default_model)
        """,
        [],
    ),
    "*args and **kwargs annotated with a client class": (
        """
        from openai import OpenAI

        def pick(*clients: OpenAI, **named: OpenAI) -> list:
            return list(named.keys()) + [clients.count(None)]
        """,
        [],
    ),
    "nonlocal rebinding before the outer assignment": (
        """
        from openai import OpenAI
        import mylib

        def outer():
            def reset():
                nonlocal client
                client = mylib.Client()
            client = OpenAI()
            reset()
            return client.chat.completion.create()
        """,
        [],
    ),
    "parenthesised receivers keep fixes valid": (
        """
        import openai
        a = (openai.ChatCompletion).create(model="m", messages=[])
        b = (openai.error).RateLimitError
        """,
        [(2, "OAI101", "safe"), (3, "OAI102", "safe")],
    ),
    "v0 timeout= meant a retry deadline": (
        """
        import openai
        r = openai.ChatCompletion.create(model="m", messages=[], timeout=5)
        """,
        [(2, "OAI101", "unsafe")],
    ),
    "APIError now catches everything: unsafe": (
        """
        import openai
        try:
            ask()
        except openai.error.APIError:
            pass
        except openai.error.RateLimitError:
            backoff()
        """,
        [(4, "OAI102", "unsafe"), (6, "OAI102", "safe")],
    ),
    "constructing a v1 exception needs response and body": (
        """
        import openai
        from unittest import mock
        m = mock.Mock(side_effect=openai.error.RateLimitError("rate limited"))
        """,
        [(3, "OAI102", None)],
    ),
    "azure endpoint or unresolvable api_type: no base_url fix": (
        """
        import os
        import openai
        openai.api_type = os.environ["OPENAI_API_TYPE"]
        openai.api_base = "https://my-resource.openai.azure.com/"
        """,
        [(4, "OAI103", None)],
    ),
    "augmented assignment reads the missing setting": (
        """
        import openai
        openai.api_base += "/v1"
        """,
        [(2, "OAI103", None)],
    ),
    # Found by the real-world triage (benchmarks/triage.csv); each snippet is our own reproduction.
    "dunder names of the openai module exist in v1": (
        """
        from openai import __version__ as OPENAI_VERSION
        from openai import OpenAI, InvalidRequestError
        """,
        [(2, "OAI104", "unsafe")],
    ),
    "a handler that only raises is not an import fallback": (
        """
        def make_client():
            try:
                import openai
            except ImportError:
                raise ValueError("pip install openai")
            try:
                return openai.ChatCompletion
            except AttributeError:
                raise ValueError("upgrade openai")
        """,
        [(7, "OAI101", "unsafe")],
    ),
    "except Exception around an import that fails on v1 is a fallback": (
        """
        import openai

        try:
            import openai.error
            ERRORS = (openai.error.RateLimitError, openai.error.APIError)
        except Exception:
            ERRORS = (openai.RateLimitError, openai.APIError)

        try:
            reply = openai.ChatCompletion.create(model="m", messages=[])
        except Exception:
            reply = None
        """,
        [(10, "OAI101", "safe")],
    ),
    "a flag set by a version probe guards and/or operands and guard clauses": (
        """
        import openai

        try:
            from openai.error import RateLimitError
            from openai import Completion
            ERROR = None
        except ImportError:
            ERROR = ImportError("needs openai<1")


        class Legacy:
            completion_class = not ERROR and openai.Completion

            @classmethod
            def create(cls, **config):
                if ERROR:
                    raise ERROR
                try:
                    return openai.Completion.create(**config)
                except RateLimitError:
                    return None


        def unguarded(**config):
            return openai.ChatCompletion.create(**config)
        """,
        [(25, "OAI101", "unsafe")],
    ),
    "except clauses that name classes by attribute (OAI504 crashed on them)": (
        """
        import openai
        from openai import OpenAI

        client = OpenAI()
        stream = client.chat.completions.create(
            model="m", messages=[], stream=True, stream_options={"include_usage": True}
        )
        try:
            for chunk in stream:
                print(chunk.choices[0].delta)
        except openai.APIError:
            pass
        try:
            for chunk in stream:
                print(chunk.choices[0].delta)
        except (openai.APIError, IndexError):
            print(chunk.choices[0].delta)
        """,
        [(10, "OAI504", None), (17, "OAI504", None)],
    ),
    "v0 async calls are v1 calls for the streaming rules (one v0 -> v1 mapping)": (
        """
        import openai

        async def relay(messages):
            stream = await openai.ChatCompletion.acreate(model="m", messages=messages, stream=True)
            async for chunk in stream:
                yield chunk.choices[0].message.content
        """,
        [(4, "OAI101", None), (6, "OAI501", "safe")],
    ),
    "a client made with **kwargs whose dict literal sets another server's base_url (fp review 1)": (
        """
        from openai import OpenAI

        client_kwargs = {"base_url": "http://localhost:8080/v1", "api_key": "sk-no-key-required"}
        local = OpenAI(**client_kwargs)
        local.beta.assistants.create(model="gpt-4", name="local")
        local.chat.completions.create(model="gpt-4", messages=[])
        inline = OpenAI(**{"base_url": "http://localhost:8080/v1"})
        inline.chat.completions.create(model="gpt-4", messages=[])
        hosted = OpenAI(**{"base_url": "https://api.openai.com/v1", "timeout": 10})
        hosted.chat.completions.create(model="gpt-4", messages=[])
        """,
        [(10, "OAI201", "unsafe")],
    ),
    "with_options and copy with another server's base_url give that server's client (fp review 2)": (
        """
        from openai import AzureOpenAI, OpenAI

        local = OpenAI().with_options(base_url="http://localhost:8080/v1")
        local.chat.completions.create(model="gpt-4", messages=[])
        proxy = OpenAI().copy(base_url="http://localhost:8080/v1")
        proxy.beta.threads.create()
        again = proxy.with_options(timeout=5)
        again.chat.completions.create(model="gpt-4", messages=[])
        quick = OpenAI().with_options(timeout=5)
        quick.chat.completions.create(model="gpt-4", messages=[])
        same = OpenAI().copy(base_url=None)
        same.beta.threads.create()
        azure = AzureOpenAI(azure_endpoint="https://x.openai.azure.com").copy(base_url="http://localhost:1/v1")
        azure.chat.completions.create(model="gpt-4", messages=[])
        """,
        [(10, "OAI201", "unsafe"), (12, "OAI701", None)],
    ),
    "OPENAI_BASE_URL set by the module before a client is made without base_url (fp review 3)": (
        """
        import os
        from openai import OpenAI

        early = OpenAI()
        early.chat.completions.create(model="gpt-4", messages=[])
        os.environ["OPENAI_BASE_URL"] = "http://localhost:8080/v1"
        client = OpenAI()
        client.chat.completions.create(model="gpt-4", messages=[])
        explicit = OpenAI(base_url="https://api.openai.com/v1")
        explicit.chat.completions.create(model="gpt-4", messages=[])

        def make():
            return OpenAI(base_url=None)

        make().chat.completions.create(model="gpt-4", messages=[])
        del os.environ["OPENAI_BASE_URL"]
        hosted = OpenAI()
        hosted.chat.completions.create(model="gpt-4", messages=[])
        os.environ.setdefault("OPENAI_BASE_URL", "http://localhost:8080/v1")
        OpenAI().chat.completions.create(model="gpt-4", messages=[])
        os.environ.pop("OPENAI_BASE_URL")
        os.putenv("OPENAI_BASE_URL", "http://localhost:8080/v1")  # os.environ, which the SDK reads, is unchanged
        OpenAI().chat.completions.create(model="gpt-4", messages=[])
        if os.getenv("LOCAL"):
            os.environ["OPENAI_BASE_URL"] = "http://localhost:8080/v1"
        OpenAI().chat.completions.create(model="gpt-4", messages=[])
        """,
        [
            (5, "OAI201", "unsafe"),
            (10, "OAI201", "unsafe"),
            (18, "OAI201", "unsafe"),
            (23, "OAI201", "unsafe"),
            (26, "OAI201", "unsafe"),
        ],
    ),
    "a client given another server's base_url through the setter (fp review 4)": (
        """
        from openai import OpenAI

        client = OpenAI()
        client.chat.completions.create(model="gpt-4", messages=[])
        client.base_url = "http://localhost:8080/v1/"
        client.chat.completions.create(model="gpt-4", messages=[])

        def ask():
            return client.chat.completions.create(model="gpt-4", messages=[])

        other = OpenAI()
        other.chat.completions.create(model="gpt-4", messages=[])
        other.base_url = "https://api.openai.com/v1/"
        other.chat.completions.create(model="gpt-4", messages=[])
        """,
        [(4, "OAI201", "unsafe"), (12, "OAI201", "unsafe"), (14, "OAI201", "unsafe")],
    ),
    "a factory annotated -> OpenAI that returns another server's client (fp review 5)": (
        """
        from openai import OpenAI

        def get_client() -> OpenAI:
            return OpenAI(base_url="http://localhost:1234/v1", api_key="lm-studio")

        def get_hosted() -> OpenAI:
            return OpenAI()

        def get_either(local: bool) -> OpenAI:
            if local:
                return OpenAI(base_url="http://localhost:1234/v1")
            return OpenAI()

        def get_injected(factory) -> OpenAI:
            return factory()

        get_client().chat.completions.create(model="gpt-4", messages=[])
        get_hosted().chat.completions.create(model="gpt-4", messages=[])
        get_either(True).chat.completions.create(model="gpt-4", messages=[])
        get_injected(OpenAI).chat.completions.create(model="gpt-4", messages=[])
        """,
        [(18, "OAI201", "unsafe"), (20, "OAI201", "unsafe")],
    ),
    "a client configured by a provider is Bedrock's or Vertex's, not OpenAI's platform (fp review 6)": (
        """
        import openai
        from openai import AsyncOpenAI, OpenAI
        from openai.providers import bedrock, vertex

        client = OpenAI(provider=bedrock(region="us-east-1"))
        client.beta.assistants.list()
        aws = openai.providers.bedrock(region="us-east-1")
        AsyncOpenAI(provider=aws).beta.assistants.list()
        google = OpenAI(provider=vertex(project="p", location="global"))
        google.beta.assistants.list()
        google.chat.completions.create(model="gpt-4", messages=[])
        hosted = OpenAI(provider=None)
        hosted.beta.assistants.list()
        """,
        [(13, "OAI701", None)],
    ),
    "another library's call that passes a URL of another server in the same call (fp review 16)": (
        """
        import litellm
        from langchain_openai import ChatOpenAI

        LOCAL = "http://localhost:1234/v1"
        llm = ChatOpenAI(model="gpt-4", base_url=LOCAL, api_key="lm-studio")
        reply = litellm.completion(model="gpt-4", api_base="http://localhost:4000", messages=[])
        legacy = ChatOpenAI(model_name="gpt-4", openai_api_base="http://127.0.0.1:8000/v1")
        hosted = ChatOpenAI(model="gpt-4", base_url="https://api.openai.com/v1")
        unknown = litellm.completion(model="gpt-4", api_base=settings.url, messages=[])
        """,
        [(8, "OAI201", "display-only"), (9, "OAI201", "display-only")],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_review_regression(name: str) -> None:
    source, expected = CASES[name]
    source = textwrap.dedent(source).lstrip("\n")
    diagnostics = check_source(source, "case.py")
    found = [(d.start.row, d.code, d.fix.applicability.value if d.fix else None) for d in diagnostics]
    assert found == expected
    fixed, _ = apply_fixes(source, diagnostics, unsafe=True)
    ast.parse(fixed)


def test_augmented_assignment_message() -> None:
    [diagnostic] = check_source("import openai\nopenai.api_base += '/v1'\n", "x.py")
    assert "does not exist in openai>=1.0 (AttributeError)" in diagnostic.message


def run_flake8(path: Path, *extra: str) -> subprocess.CompletedProcess:  # type: ignore[type-arg]
    command = [sys.executable, "-m", "flake8", "--isolated", "--select", "OAI", *extra, str(path)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


@pytest.mark.slow
def test_flake8_reports_configuration_errors_without_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.lint-openai]\nselect = ["XYZ"]\n', encoding="utf-8")
    path = tmp_path / "a.py"
    path.write_text("import openai\nx = openai.ChatCompletion\n", encoding="utf-8")
    result = run_flake8(path)
    assert "Traceback" not in result.stderr
    assert "OAI001 lint-openai could not check this file" in result.stdout
    assert "unknown rule code or prefix 'XYZ'" in result.stdout
    (tmp_path / "pyproject.toml").write_text("[tool.lint-openai]\n", encoding="utf-8")
    result = run_flake8(path, "--lint-openai-today=2024-13-01")
    assert "Traceback" not in result.stderr and "expected a date as YYYY-MM-DD" in result.stdout


def test_flake8_honours_file_level_exemption(tmp_path: Path) -> None:
    path = tmp_path / "a.py"
    path.write_text("# lint-openai: noqa\nimport openai\nx = openai.ChatCompletion\n", encoding="utf-8")
    assert run_flake8(path).stdout == ""


@pytest.mark.slow
def test_pylint_single_message_enable(tmp_path: Path) -> None:
    path = tmp_path / "a.py"
    path.write_text("import openai\nx = openai.ChatCompletion\nopenai.api_base = 'x'\n", encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "pylint",
        "--load-plugins=lint_openai.pylint_plugin",
        "--disable=all",
        "--enable=removed-module-setting",
        "--score=n",
        str(path),
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert "W7103" in result.stdout and "W7101" not in result.stdout


def test_full_format_shows_the_right_line_with_form_feeds(tmp_path: Path) -> None:
    path = tmp_path / "a.py"
    path.write_text("import openai\n\x0c\ns = 'a\u2028b'\nx = openai.ChatCompletion\n", encoding="utf-8")
    out = io.StringIO()
    main(["check", str(path), "--output-format", "full"], out=out, err=io.StringIO())
    assert "4 | x = openai.ChatCompletion" in out.getvalue()


def test_undecodable_files_that_never_mention_the_sdk_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "latin.py").write_bytes(b"x = '\xff'\n")
    (tmp_path / "broken.py").write_text("def f(:\n", encoding="utf-8")
    out = io.StringIO()
    assert main(["check", str(tmp_path)], out=out, err=io.StringIO()) == 0


def test_an_internal_error_names_the_failing_rule_or_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    source = "import openai\nopenai.ChatCompletion.create(model='m')\n"
    rule = next(r for r in ALL_RULES if r.code == "OAI101")

    def broken(*args: object) -> None:
        raise ValueError("boom")

    monkeypatch.setattr(rule, "check", broken)
    with pytest.raises(InternalError) as raised:
        check_source(source, "case.py")
    assert (raised.value.rule, raised.value.row) == ("OAI101", 2)
    monkeypatch.undo()
    monkeypatch.setattr(ModelReferences, "visit", broken)
    with pytest.raises(InternalError) as raised:
        check_source(source, "case.py")
    assert raised.value.rule == "ModelReferences"


def test_a_model_is_deprecated_until_its_shutdown_day_then_retired() -> None:
    """Formerly OAI201's good example "the day before the shutdown" (now OAI202's bad example)."""
    source = (
        'from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-3.5-turbo", messages=[])\n'
    )
    for day, code in (("2026-10-22", "OAI202"), ("2026-10-23", "OAI201")):
        settings = Settings(today=datetime.date.fromisoformat(day))
        assert [d.code for d in check_source(source, "case.py", settings)] == [code]


def test_an_api_is_deprecated_until_its_shutdown_day_then_retired() -> None:
    """Formerly OAI701's good example "the day before the shutdown (OAI702)" (now OAI702's bad example)
    and OAI702's good example "after the shutdown: OAI701"."""
    source = (
        "from openai import OpenAI\n\nclient = OpenAI()\n"
        "run = client.beta.threads.runs.create(thread_id=thread.id, assistant_id=assistant.id)\n"
    )
    for day, code in (("2026-08-25", "OAI702"), ("2026-08-26", "OAI701"), ("2026-11-25", "OAI701")):
        settings = Settings(today=datetime.date.fromisoformat(day))
        assert [(d.code, d.start.row, d.start.column) for d in check_source(source, "case.py", settings)] == [
            (code, 4, 7)
        ]


def test_oai112_leaves_functions_and_max_tokens_to_oai304_and_oai305() -> None:
    """Formerly OAI112's good example "OAI304 and OAI305 report these" (one problem, one finding)."""
    source = (
        "from openai import OpenAI\n\nclient = OpenAI()\n"
        'reply = client.chat.completions.create(model="gpt-5.5", messages=messages, functions=[weather], max_tokens=50)\n'
    )
    settings = Settings(today=datetime.date(2026, 11, 25))
    found = [(d.code, d.start.row, d.start.column) for d in check_source(source, "case.py", settings)]
    assert found == [("OAI304", 4, 76), ("OAI305", 4, 97)]


def test_a_malformed_base_url_is_not_an_internal_error() -> None:
    """``urlsplit("http://[x")`` raises ValueError; the URL proves nothing, so model findings stay silent."""
    source = 'from openai import OpenAI\nc = OpenAI(base_url="http://[x")\nc.chat.completions.create(model="gpt-4", messages=[])\n'
    assert check_source(source, "a.py", Settings(today=datetime.date(2026, 11, 25))) == []


def test_full_format_after_fix_shows_the_fixed_lines(tmp_path: Path) -> None:
    path = tmp_path / "a.py"
    path.write_text(
        'import openai\nr = openai.ChatCompletion.create(model="gpt-4", messages=[])\n', encoding="utf-8"
    )
    out = io.StringIO()
    main(
        ["check", str(path), "--fix", "--output-format", "full", "--today", "2026-11-25"],
        out=out,
        err=io.StringIO(),
    )
    assert '2 | r = openai.chat.completions.create(model="gpt-4", messages=[])' in out.getvalue()


def test_a_syntax_error_is_placed_in_the_checked_text_not_the_file_on_disk(tmp_path: Path) -> None:
    """An editor's unsaved buffer (or a notebook cell) is checked under a path whose file on disk holds other
    text: CPython reads a tokenizer error's line from the named file, so the engine parses without the path."""
    source = "def f():\n        return 1\n    z = 1\n"
    on_disk = tmp_path / "app.py"
    on_disk.write_text("x = 1\n" * 3, encoding="utf-8")
    with pytest.raises(SyntaxError) as expected:
        compile(source, "<unknown>", "exec")
    (found,) = check_source(source, str(on_disk), Settings(), prefilter=False)
    assert found.code == "OAI001" and "unindent does not match" in found.message
    assert (found.start.row, found.start.column) == (expected.value.lineno, expected.value.offset)
