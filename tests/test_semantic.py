"""Resolution of names and expressions to SDK values: what is proven and what is not."""

from __future__ import annotations

import ast
import textwrap
from typing import List, Optional

import pytest

from lint_openai import knowledge
from lint_openai.engine import check_source
from lint_openai.semantic import binder as binder_module
from lint_openai.semantic.binder import Binder
from lint_openai.semantic.exceptions import caught_expressions, caught_names, is_handled
from lint_openai.semantic.methods import endpoint, plain_path
from lint_openai.semantic.model import SemanticModel
from lint_openai.semantic.values import (
    NONE,
    UNKNOWN,
    ApiResult,
    Client,
    Method,
    Module,
    Part,
    Resource,
    SdkClass,
    Str,
    StrItems,
    V0Method,
    V0Proxy,
    Value,
)


def value_of(source: str, expression: str, function: Optional[str] = None) -> Value:
    """Resolve ``expression`` at the end of ``source`` (inside ``function`` if given)."""
    tree = ast.parse(textwrap.dedent(source))
    model = SemanticModel(tree)
    Binder(model, frozenset()).run()
    scope = model.module_scope
    if function:
        node = next(
            n
            for n in ast.walk(tree)
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name == function
        )
        scope = model.scopes[node]
    return model.resolve(ast.parse(expression, mode="eval").body, scope)


CLIENT = Client("OpenAI")
ASYNC = Client("AsyncOpenAI", is_async=True)
AZURE = Client("AzureOpenAI", is_azure=True)


@pytest.mark.parametrize(
    ("source", "expression", "expected"),
    [
        ("import openai", "openai", Module("openai")),
        ("import openai as oa", "oa.ChatCompletion", V0Proxy("ChatCompletion")),
        ("import openai.error", "openai", Module("openai")),
        ("from openai import error", "error", Module("openai.error")),
        ("from openai import OpenAI", "OpenAI()", CLIENT),
        ("from openai import Client", "Client()", CLIENT),
        ("import openai", "openai.AsyncOpenAI()", ASYNC),
        ("from openai.lib.azure import AzureOpenAI", "AzureOpenAI()", AZURE),
        (
            "from openai import OpenAI as O\nc = O()",
            "c.chat.completions",
            Resource(CLIENT, ("chat", "completions")),
        ),
        (
            "from openai import OpenAI\nc = OpenAI()",
            "c.chat.completions.create",
            Method(CLIENT, ("chat", "completions", "create")),
        ),
        (
            "from openai import OpenAI\nc = OpenAI().with_options(timeout=1)",
            "c.models",
            Resource(CLIENT, ("models",)),
        ),
        ("import openai", "openai.Timeout", SdkClass("Timeout")),
        ("import os\nMODEL = os.getenv('M', 'gpt-4o')", "MODEL", "gpt-4o"),
        ("import os\nMODEL = os.environ.get('M', default='gpt-4o')", "MODEL", "gpt-4o"),
        ("from os import getenv\nMODEL = getenv('M') or 'gpt-4o'", "MODEL", "gpt-4o"),
        ("M = 'a'\nM = 'b'", "M", "b"),
        ("M = 'a'\nif x:\n    M = 'a'", "M", "a"),
        ("from openai import OpenAI\nc = None\nc = OpenAI()", "c", CLIENT),
        (
            "from openai import OpenAI\nimport anthropic\nc = OpenAI()\nc = anthropic.Anthropic()",
            "c",
            UNKNOWN,
        ),
        ("import anthropic as openai", "openai.ChatCompletion", UNKNOWN),
        ("import openai\nopenai = None", "openai", NONE),
        ("try:\n    import openai\nexcept ImportError:\n    openai = None", "openai", Module("openai")),
        ("from openai import OpenAI\na, b = OpenAI(), 1", "a", CLIENT),
        ("from openai import OpenAI\na, b = make()", "a", UNKNOWN),
        ("import openai\nwith openai.OpenAI() as c:\n    pass", "c", CLIENT),
    ],
)
def test_module_level_resolution(source: str, expression: str, expected: object) -> None:
    value = value_of(source, expression)
    if isinstance(expected, str):
        assert isinstance(value, Str) and value.value == expected
    else:
        assert value == expected


def test_self_attributes_and_annotations() -> None:
    source = """
        from typing import Optional
        import openai

        class Base:
            def __init__(self):
                self.client = openai.AsyncOpenAI()

        class Bot(Base):
            backup: "openai.OpenAI"

            def __init__(self, fallback: Optional[openai.OpenAI] = None):
                super().__init__()
                self.fallback = fallback

            async def ask(self):
                return self.client, self.fallback, self.backup

            @staticmethod
            def static(self):
                return self.client
    """
    assert value_of(source, "self.client", "ask") == ASYNC
    assert value_of(source, "self.fallback", "ask") == CLIENT
    assert value_of(source, "self.backup", "ask") == CLIENT
    assert value_of(source, "self.client", "static") == UNKNOWN


def test_functions_returning_clients() -> None:
    source = """
        import functools
        from openai import OpenAI

        def annotated() -> OpenAI:
            return make()

        @functools.lru_cache
        def cached():
            return OpenAI()

        def generator():
            yield OpenAI()
    """
    assert value_of(source, "annotated()") == CLIENT
    assert value_of(source, "cached()") == CLIENT
    assert value_of(source, "generator()") == UNKNOWN


def test_scopes_globals_and_shadowing() -> None:
    source = """
        from openai import OpenAI
        client = OpenAI()

        def uses_global():
            return client

        def shadows(client):
            return client

        def declares_global():
            global client
            client = OpenAI()

        class Holder:
            client = "not a client"

            def method(self):
                return client
    """
    assert value_of(source, "client", "uses_global") == CLIENT
    assert value_of(source, "client", "shadows") == UNKNOWN
    assert value_of(source, "client", "method") == CLIENT


def test_streams_and_parts() -> None:
    source = """
        from openai import OpenAI
        client = OpenAI()
        stream = client.chat.completions.create(model="m", messages=[], stream=True)
        for chunk in stream:
            pass
        for index, item in enumerate(stream):
            pass
    """
    chunk = value_of(source, "chunk.choices[0].delta")
    assert isinstance(chunk, Part) and chunk.path == ("<item>", "choices", "[]", "delta")
    item = value_of(source, "item")
    assert isinstance(item, Part) and item.path == ("<item>",)
    assert isinstance(value_of(source, "stream"), ApiResult)
    assert value_of(source, "stream.model_dump()") == UNKNOWN


def test_string_annotation_that_does_not_parse() -> None:
    assert value_of("def f(c: 'not valid(('):\n    pass", "c", "f") == UNKNOWN


# ---------------------------------------------------------------------------------------------- flow
def revealed(source: str, *, cells: bool = False) -> List[Value]:
    """The value of the argument of every ``reveal(...)`` call in ``source``, in source order."""
    tree = ast.parse(textwrap.dedent(source))
    model = SemanticModel(tree, cells=cells)
    Binder(model, frozenset()).run()
    calls = sorted(
        (
            node
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "reveal"
        ),
        key=lambda call: (call.lineno, call.col_offset),
    )
    return [model.resolve(call.args[0], model.scope_of(call)) for call in calls]


def shown(value: Value) -> object:
    """A value as the cases below write it: a string's text, a client's class, an API method path."""
    if isinstance(value, Str):
        return value.value
    if isinstance(value, Client):
        return value.cls
    if isinstance(value, ApiResult):
        return ".".join(value.path)
    if isinstance(value, Part):
        return (".".join(value.result.path), *value.path)
    if isinstance(value, StrItems):
        return ("one of" if value.each else "all of", *(item.value for item in value.items))
    return value


FLOW_CASES = {
    "straight-line code kills earlier bindings": (
        """
        M = 'a'
        reveal(M)
        M = 'b'
        reveal(M)
        """,
        ["a", "b"],
    ),
    "a read sees the old value while the new one is computed": (
        """
        M = 'a'
        M = M.upper()
        reveal(M)
        N = 'x'
        N = reveal(N)
        """,
        [UNKNOWN, "x"],
    ),
    "branches that disagree merge to UNKNOWN": (
        """
        if cond:
            M = 'a'
            reveal(M)
        else:
            M = 'b'
            reveal(M)
        reveal(M)
        """,
        ["a", "b", UNKNOWN],
    ),
    "branches that agree keep the value": (
        """
        M = 'a'
        if cond:
            M = 'a'
        reveal(M)
        """,
        ["a"],
    ),
    "an if without else merges with the value before it": (
        """
        M = 'a'
        if cond:
            M = 'b'
        reveal(M)
        """,
        [UNKNOWN],
    ),
    "elif chains": (
        """
        if a:
            M = 'x'
        elif b:
            M = 'x'
        else:
            M = 'x'
        reveal(M)
        """,
        ["x"],
    ),
    "a branch that returns takes no part in the join": (
        """
        def f(cond):
            M = 'a'
            if cond:
                M = 'b'
                return M
            reveal(M)
            if cond:
                raise ValueError(M)
            else:
                M = 'c'
            reveal(M)
        """,
        ["a", "c"],
    ),
    "None bindings are ignored when merging": (
        """
        from openai import OpenAI
        client = None
        if ready:
            client = OpenAI()
        reveal(client)
        """,
        ["OpenAI"],
    ),
    "a loop body sees bindings from later in the loop (back edge)": (
        """
        from openai import OpenAI
        import anthropic
        client = OpenAI()
        for item in items:
            reveal(client)
            client = anthropic.Anthropic()
        reveal(client)
        """,
        [UNKNOWN, UNKNOWN],
    ),
    "a loop that does not rebind keeps the value": (
        """
        from openai import OpenAI
        client = OpenAI()
        for item in items:
            reveal(client)
        while more():
            reveal(client)
        reveal(client)
        """,
        ["OpenAI", "OpenAI", "OpenAI"],
    ),
    "a loop variable rebound by a later loop": (
        """
        from openai import OpenAI
        client = OpenAI()
        chat = client.chat.completions.create(model="m", messages=[], stream=True)
        for chunk in chat:
            reveal(chunk)
        legacy = client.completions.create(model="m", prompt="p", stream=True)
        for chunk in legacy:
            reveal(chunk)
        reveal(chunk)
        """,
        [
            ("chat.completions.create", "<item>"),
            ("completions.create", "<item>"),
            UNKNOWN,
        ],
    ),
    "a previous iteration's value through the back edge only": (
        """
        previous = None
        for word in words:
            reveal(previous)
            previous = 'seen'
        """,
        ["seen"],
    ),
    "continue sends its values back to the loop head": (
        """
        M = 'a'
        for item in items:
            reveal(M)
            if item:
                M = 'b'
                continue
            M = 'a'
        """,
        [UNKNOWN],
    ),
    "break values reach the code after the loop, not the loop head": (
        """
        M = 'a'
        for item in items:
            reveal(M)
            if item:
                M = 'b'
                break
        reveal(M)
        """,
        ["a", UNKNOWN],
    ),
    "for-else runs on the normal exit only": (
        """
        for item in items:
            M = 'found'
            break
        else:
            M = 'found'
        reveal(M)
        """,
        ["found"],
    ),
    "while True ends only through break": (
        """
        M = 'a'
        while True:
            M = 'b'
            if done():
                break
        reveal(M)
        """,
        ["b"],
    ),
    "nested loops": (
        """
        M = 'a'
        for row in rows:
            for cell in row:
                reveal(M)
            M = 'b'
        reveal(M)
        """,
        [UNKNOWN, UNKNOWN],
    ),
    "a handler may start after any part of the try body": (
        """
        M = 'a'
        try:
            M = 'b'
            work()
            M = 'c'
        except ValueError:
            reveal(M)
        reveal(M)
        """,
        [UNKNOWN, UNKNOWN],
    ),
    "try/except import fallback": (
        """
        try:
            from openai import OpenAI
            client = OpenAI()
        except ImportError:
            client = None
        reveal(client)
        """,
        ["OpenAI"],
    ),
    "else continues the try body; finally follows every path": (
        """
        try:
            M = 'a'
        except ValueError:
            M = 'b'
            raise
        else:
            reveal(M)
            M = 'c'
        finally:
            reveal(M)
        reveal(M)
        """,
        ["a", UNKNOWN, "c"],
    ),
    "what finally binds is seen after the statement": (
        """
        try:
            M = 'a'
        finally:
            M = 'b'
        reveal(M)
        """,
        ["b"],
    ),
    "a handler that re-raises takes no part in the join": (
        """
        try:
            M = 'a'
        except ValueError:
            M = 'b'
            raise
        reveal(M)
        """,
        ["a"],
    ),
    "the name of an except clause is unbound after it": (
        """
        error = 'before'
        try:
            work()
        except ValueError as error:
            reveal(error)
        reveal(error)
        """,
        [UNKNOWN, "before"],
    ),
    "with binds its target": (
        """
        import openai
        with openai.OpenAI() as client:
            reveal(client)
        reveal(client)
        """,
        ["OpenAI", "OpenAI"],
    ),
    "walrus in a condition": (
        """
        if (M := 'a'):
            reveal(M)
        reveal(M)
        """,
        ["a", "a"],
    ),
    "walrus in a right operand may not run": (
        """
        M = 'a'
        ok = cond and (M := 'b')
        reveal(M)
        N = 'x'
        ok = (N := 'y') or cond
        reveal(N)
        """,
        [UNKNOWN, "y"],
    ),
    "walrus in a conditional expression": (
        """
        M = 'a'
        value = (M := 'b') if cond else None
        reveal(M)
        """,
        [UNKNOWN],
    ),
    "walrus in a comprehension binds in the enclosing scope": (
        """
        M = 'a'
        found = [M := word for word in words]
        reveal(M)
        """,
        [UNKNOWN],
    ),
    "comprehension variables stay in the comprehension": (
        """
        from openai import OpenAI
        client = OpenAI()
        stream = client.chat.completions.create(model="m", messages=[], stream=True)
        chunk = 'text'
        pieces = [reveal(chunk) for chunk in stream]
        reveal(chunk)
        pairs = [reveal(x) for x in ['a'] for x in ['b']]
        """,
        [("chat.completions.create", "<item>"), "text", ("one of", "b")],
    ),
    "a comprehension reads the enclosing names where it runs": (
        """
        M = 'a'
        values = [reveal(M) for _ in items]
        M = 'b'
        """,
        ["a"],
    ),
    "match cases merge; an irrefutable case leaves no fall-through": (
        """
        M = 'a'
        match command:
            case 'x':
                M = 'b'
            case other:
                M = 'b'
        reveal(M)
        N = 'a'
        match command:
            case 'x':
                N = 'b'
        reveal(N)
        """,
        ["b", UNKNOWN],
    ),
    "del unbinds": (
        """
        M = 'a'
        del M
        reveal(M)
        """,
        [UNKNOWN],
    ),
    "augmented assignment rebinds": (
        """
        M = 'a'
        M += 'b'
        reveal(M)
        """,
        [UNKNOWN],
    ),
    "a function sees the module's names as they are when the module has run": (
        """
        from openai import OpenAI
        client = None

        def ask():
            return reveal(client)

        client = OpenAI()
        """,
        ["OpenAI"],
    ),
    "a function sees the last binding of a rebound module name": (
        """
        from openai import OpenAI
        client = OpenAI()
        resp = client.chat.completions.create(model="m", messages=[])

        def show():
            return reveal(resp)

        resp = client.embeddings.create(model="m", input="x")
        """,
        ["embeddings.create"],
    ),
    "a read before the local binding does not see the global": (
        """
        M = 'global'

        def f():
            reveal(M)
            M = 'local'
            reveal(M)
        """,
        [UNKNOWN, "local"],
    ),
    "global declarations merge every binding of the name": (
        """
        from openai import OpenAI
        _client = None

        def get_client():
            global _client
            if _client is None:
                _client = OpenAI()
            return reveal(_client)

        def other():
            return reveal(_client)
        """,
        ["OpenAI", "OpenAI"],
    ),
    "nonlocal declarations merge every binding of the name": (
        """
        from openai import OpenAI

        def outer():
            client = None

            def connect():
                nonlocal client
                client = OpenAI()

            connect()
            return reveal(client)
        """,
        ["OpenAI"],
    ),
    "a closure sees every binding of an enclosing function's name": (
        """
        def outer():
            M = 'a'

            def inner():
                return reveal(M)

            M = 'b'
        """,
        [UNKNOWN],
    ),
    "class bodies run in order, and read module names not bound in them yet": (
        """
        M = 'module'

        class A:
            reveal(M)
            M = 'a'
            reveal(M)
            M = 'b'

        reveal(A.M)
        reveal(A().M)
        """,
        ["module", "a", "b", "b"],
    ),
    "methods do not see class names": (
        """
        M = 'module'

        class A:
            M = 'class'

            def method(self):
                return reveal(M)
        """,
        ["module"],
    ),
    "lambda bodies are deferred; their defaults are not": (
        """
        M = 'a'
        f = lambda x=reveal(M): reveal(M)
        M = 'b'
        """,
        ["a", "b"],
    ),
    "decorators and defaults run before the function name is bound": (
        """
        M = 'a'

        def f(model=reveal(M)):
            pass

        M = 'b'
        """,
        ["a"],
    ),
    "a name imported for type checking only": (
        """
        from typing import TYPE_CHECKING
        if TYPE_CHECKING:
            from openai import OpenAI

        def build() -> "OpenAI":
            return make()

        reveal(build())
        """,
        ["OpenAI"],
    ),
}


@pytest.mark.parametrize("name", list(FLOW_CASES))
def test_flow_sensitive_resolution(name: str) -> None:
    source, expected = FLOW_CASES[name]
    assert [shown(value) for value in revealed(source)] == expected


def test_notebook_cells_run_in_any_order() -> None:
    """A notebook's module: a read also sees what later cells bind (as at a loop's back edge), while
    straight-line code still kills earlier bindings and branches still merge."""
    once = "reveal(M)\nM = 'a'\nreveal(M)\n"
    assert [shown(value) for value in revealed(once, cells=True)] == ["a", "a"]
    assert [shown(value) for value in revealed(once)] == [UNKNOWN, "a"]
    source = """
        reveal(M)
        M = 'a'
        reveal(M)
        M = 'b'
        reveal(M)
        if cond:
            M = 'c'
        reveal(M)
        """
    assert [shown(value) for value in revealed(source, cells=True)] == [UNKNOWN, "a", "b", UNKNOWN]
    later = "reveal(client)\nfrom openai import OpenAI\nclient = OpenAI()\n"
    assert [shown(value) for value in revealed(later, cells=True)] == ["OpenAI"]
    assert [shown(value) for value in revealed(later)] == [UNKNOWN]


def test_notebook_cells_reach_findings_through_later_imports() -> None:
    module = 'c = openai.Completion.create(model="m", prompt="x")\nimport openai\n'
    assert [d.code for d in check_source(module, "nb.ipynb", cells=True)] == ["OAI101"]
    assert check_source(module, "script.py") == []


def test_reaching_bindings_carry_their_position() -> None:
    source = "M = 'a'\nif cond:\n    M = 'b'\nprint(M)\n"
    tree = ast.parse(source)
    model = SemanticModel(tree)
    Binder(model, frozenset()).run()
    (read,) = [n for n in model.references["M"] if n.lineno == 4]
    assert [(b.kind, b.position) for b in model.reaching(read)] == [("value", (1, 0)), ("value", (3, 4))]
    assert model.reaching(ast.Name("print", ast.Load())) == ()


def test_binder_records_reads_scopes_and_calls() -> None:
    source = """
        import openai

        def ask(client):
            return client.chat.completions.create(model=MODEL)

        class Bot:
            def run(self):
                return [ask(x) for x in self.items]
    """
    tree = ast.parse(textwrap.dedent(source))
    model = SemanticModel(tree)
    Binder(model, frozenset()).run()
    assert [n.lineno for n in model.references["client"]] == [5]
    assert {n.attr for n in model.attribute_loads["completions"]} == {"completions"}
    assert model.called_names == {"ask"}
    function = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == "ask")
    call = function.body[0].value  # type: ignore[attr-defined]
    assert model.scope_of(call) is model.scopes[function]
    assert model.scope_of(function) is model.module_scope
    element = next(n for n in ast.walk(tree) if isinstance(n, ast.ListComp)).elt
    assert model.scope_of(element).kind == "comprehension"


def test_attribute_and_keyword_values_are_walked_inline() -> None:
    """The walk descends into ``x.attr`` and ``name=value`` without a handler (the hot loop does it inline):
    their one child, ``value``, is walked with them as its parent."""
    assert ast.Attribute not in binder_module._HANDLERS and ast.keyword not in binder_module._HANDLERS
    tree = ast.parse("client.chat.completions.create(model=pick(name=MODEL).id, **extra)")
    model = SemanticModel(tree)
    Binder(model, frozenset()).run()
    inline = [node for node in ast.walk(tree) if isinstance(node, (ast.Attribute, ast.keyword))]
    assert len(inline) == 7
    assert all(model.parents[node.value] is node for node in inline)
    assert {node.id for node in model.loads} == {"client", "pick", "MODEL", "extra"}


def test_flow_is_linear_in_the_number_of_branches() -> None:
    """Many rebinding branches in one scope: every read resolves, and the work does not blow up."""
    body = "".join(
        f"if c{i}:\n    M = 'v{i % 3}'\nelse:\n    M = 'v{i % 3}'\nreveal(M)\n" for i in range(300)
    )
    straight = [shown(v) for v in revealed(body)]
    assert straight == [f"v{i % 3}" for i in range(300)]
    looped = [
        shown(v) for v in revealed("for item in items:\n    reveal(M)\n" + textwrap.indent(body, "    "))
    ]
    assert looped == ["v2", *straight]  # the loop head sees the last value, through the back edge


def test_one_v0_to_v1_method_mapping() -> None:
    v0 = knowledge.v0()
    assert v0.v1_method("ChatCompletion", "create") == "chat.completions.create"
    assert v0.v1_method("ChatCompletion", "acreate") == "chat.completions.create"
    assert v0.is_async_method("ChatCompletion", "acreate")
    assert not v0.is_async_method("ChatCompletion", "create")
    assert v0.v1_method("Image", "acreate") == v0.v1_method("Image", "create") == "images.generate"
    assert v0.v1_method("ChatCompletion", "stream") is None
    assert endpoint(V0Method("Embedding", "acreate")) == "embeddings.create"
    raw = Method(CLIENT, ("chat", "completions", "with_raw_response", "create"))
    assert plain_path(raw) == ("chat", "completions", "create")
    assert endpoint(raw) == "chat.completions.create"
    assert endpoint(Method(CLIENT, ("beta", "chat", "completions", "create"))) == "chat.completions.create"


def test_handled_exceptions() -> None:
    source = """
        import openai
        try:
            first()
        except (openai.APIError, IndexError) as error:
            second()
        except:
            third()
        try:
            fourth()
        finally:
            fifth()

        def later():
            sixth()
    """
    tree = ast.parse(textwrap.dedent(source))
    model = SemanticModel(tree)
    Binder(model, frozenset()).run()
    calls = {n.func.id: n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
    handlers = [n for n in ast.walk(tree) if isinstance(n, ast.ExceptHandler)]
    assert [caught_names(handler) for handler in handlers] == [{"APIError", "IndexError"}, {"BaseException"}]
    assert [len(caught_expressions(handler)) for handler in handlers] == [2, 0]
    assert is_handled(model, calls["first"], {"IndexError"})
    assert is_handled(model, calls["first"], {"BaseException"})
    assert not is_handled(model, calls["first"], {"KeyError"})  # names are the catching classes
    assert not is_handled(model, calls["second"], {"IndexError"})  # a handler's body is not guarded by it
    assert not is_handled(model, calls["fourth"], {"Exception"})  # finally catches nothing
    assert not is_handled(model, calls["sixth"], {"BaseException"})


def test_scope_of_every_kind_of_node() -> None:
    source = """
        @decorate(first)
        def outer(x=default_value) -> result_type:
            inner_call(x)
            handler = lambda y=lambda_default: lambda_body(y)
            return [element for item in outer_iterable for part in item.parts if part.ok]

        class Holder(base_class):
            attribute = class_value
    """
    tree = ast.parse(textwrap.dedent(source))
    model = SemanticModel(tree)
    Binder(model, frozenset()).run()
    names = {n.id: n for n in ast.walk(tree) if isinstance(n, ast.Name)}
    function = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef))
    lambda_node = next(n for n in ast.walk(tree) if isinstance(n, ast.Lambda))
    comprehension = next(n for n in ast.walk(tree) if isinstance(n, ast.ListComp))
    holder = next(n for n in ast.walk(tree) if isinstance(n, ast.ClassDef))
    expected = {
        "first": model.module_scope,
        "default_value": model.module_scope,
        "result_type": model.module_scope,
        "inner_call": model.scopes[function],
        "lambda_default": model.scopes[function],
        "lambda_body": model.scopes[lambda_node],
        "outer_iterable": model.scopes[function],
        "element": model.scopes[comprehension],
        "item": model.scopes[comprehension],
        "part": model.scopes[comprehension],
        "base_class": model.module_scope,
        "class_value": model.scopes[holder],
    }
    assert {name: model.scope_of(names[name]) for name in expected} == expected


# Where applications keep model ids (issue 15, item 6): what the semantic model proves about them.
DECLARED_VALUE_CASES = {
    "an enum member's .value is the string it was given": (
        """
        import enum
        from enum import StrEnum
        class Tier(enum.Enum):
            OLD = "gpt-4-0613"
        class Sub(Tier):
            pass
        class Name(StrEnum):
            A = "a"
        reveal(Tier.OLD.value)
        reveal(Name.A.value)
        reveal(Name.A)
        """,
        ["gpt-4-0613", "a", "a"],
    ),
    "a .value of a plain class attribute is not an enum's value": (
        """
        class Plain:
            OLD = "gpt-4-0613"
        class NotEnum(Unknown):
            OLD = "x"
        reveal(Plain.OLD.value)
        reveal(NotEnum.OLD.value)
        """,
        [UNKNOWN, UNKNOWN],
    ),
    "lists of strings, their items and their iteration": (
        """
        MODELS = ["a", "b"]
        reveal(MODELS)
        reveal(MODELS[1])
        reveal(MODELS[-1])
        reveal(MODELS[5])
        for m in MODELS:
            reveal(m)
        for t in ("c",):
            reveal(t)
        reveal([m for m in {"d"}][0])
        reveal(["a", 1])
        reveal([])
        """,
        [
            ("all of", "a", "b"),
            "b",
            "b",
            UNKNOWN,
            ("one of", "a", "b"),
            ("one of", "c"),
            UNKNOWN,
            UNKNOWN,
            UNKNOWN,
        ],
    ),
    "field and option declarations have their default as value": (
        """
        from dataclasses import field
        import typer
        from pydantic import Field
        reveal(Field("gpt-4o", description="x"))
        reveal(Field(default="gpt-4o"))
        reveal(Field(..., examples=["gpt-4o"]))
        reveal(field(default="gpt-4o"))
        reveal(typer.Option("gpt-4o", "--model"))
        reveal(unknown.Field("gpt-4o"))
        """,
        ["gpt-4o", "gpt-4o", UNKNOWN, "gpt-4o", "gpt-4o", UNKNOWN],
    ),
}


@pytest.mark.parametrize("name", list(DECLARED_VALUE_CASES))
def test_declared_values(name: str) -> None:
    source, expected = DECLARED_VALUE_CASES[name]
    assert [shown(value) for value in revealed(source)] == expected
