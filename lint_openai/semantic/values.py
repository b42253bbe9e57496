"""Abstract values: what the semantic model proves an expression to be.

Resolution is conservative: anything not proven is :data:`UNKNOWN` (a name whose reaching bindings
disagree, too), and rules only fire on proven values. Values are small frozen records (:mod:`lint_openai.records`), compared by value.
"""

from __future__ import annotations

import ast
from typing import Optional, Tuple

from lint_openai.records import record


class Value:
    """Base class of abstract values."""

    __slots__ = ()


@record
class _Opaque(Value):
    label: str

    def __repr__(self) -> str:
        return self.label


UNKNOWN = _Opaque("UNKNOWN")
"""Nothing is proven about the value."""

NONE = _Opaque("NONE")
"""The constant ``None`` (ignored when merging the bindings of a name: ``x = None`` then ``x = OpenAI()``)."""


@record
class Module(Value):
    """An imported module, e.g. ``openai``, ``openai.error``, ``tiktoken``, ``os``."""

    name: str


OPENAI = Module("openai")  # the SDK module itself


@record
class SdkClass(Value):
    """A class exported by the ``openai`` package (client classes, exceptions, ``Timeout``...)."""

    name: str


@record
class Client(Value):
    """An SDK client instance. ``cls`` is the client class, or ``"module"`` for the module-level client.

    ``other_server``: with a ``base_url`` not proven to be OpenAI's (a proxy, vLLM, Ollama...: given to
    the constructor or a copy, set through the setter or ``OPENAI_BASE_URL``) or a provider other than
    Bedrock (Vertex), whose model names are that server's own. ``provider=bedrock(...)`` makes a
    ``BedrockOpenAI``.
    """

    cls: str
    is_async: bool = False
    is_azure: bool = False
    other_server: bool = False

    @property
    def surface(self) -> str:
        """The client class whose members this client has (the module client is an ``OpenAI``)."""
        return "OpenAI" if self.cls == "module" else self.cls


@record
class Resource(Value):
    """A resource reached from a client: ``client.chat.completions`` has path ``("chat", "completions")``."""

    client: Client
    path: Tuple[str, ...]
    raw: bool = False


@record
class Method(Value):
    """A bound SDK method, e.g. ``client.chat.completions.create``."""

    client: Client
    path: Tuple[str, ...]
    raw: bool = False


@record
class V0Proxy(Value):
    """A removed v0 module-level class such as ``openai.ChatCompletion`` (an ``APIRemovedInV1Proxy``)."""

    symbol: str


@record
class V0Method(Value):
    """A method of a removed v0 class, e.g. ``openai.ChatCompletion.create``."""

    symbol: str
    method: str


@record
class ApiResult(Value):
    """The result of calling an SDK method (v1) or a v0 class method, tied to its call."""

    call: ast.Call
    path: Tuple[str, ...]
    client: Optional[Client]
    v0: bool = False
    raw: bool = False  # called through ``with_raw_response`` or ``with_streaming_response``


@record
class Part(Value):
    """A piece of an API result: ``resp.choices[0].message`` is ``Part(resp, ("choices", "[]", "message"))``.

    Path elements are attribute names, ``"[]"`` for an integer index or slice, ``"['key']"`` for a
    string subscript, and ``"<item>"`` for one item of an iteration.
    """

    result: ApiResult
    path: Tuple[str, ...]


@record
class Str(Value):
    """A string constant, with the literal(s) it comes from."""

    value: str
    origins: Tuple[ast.Constant, ...]


@record
class StrItems(Value):
    """The strings of a list, tuple or set literal (``MODELS = ["gpt-4o", "o3"]``). Iterated
    (``for model in MODELS``), ``each`` is set: the value is one of them at a time, none proven alone."""

    items: Tuple[Str, ...]
    each: bool = False


@record
class Function(Value):
    """A function defined in the file (or a library function the model knows by ``name``)."""

    name: str
    node: Optional[ast.AST] = None


@record
class LibraryName(Value):
    """A name imported from a library the model knows by its qualified name (``httpx.Client``,
    ``pydantic.BaseModel``): what it is, never what it does."""

    name: str


@record
class UserClass(Value):
    """A class defined in the file."""

    node: ast.ClassDef


@record
class Instance(Value):
    """An instance of a class defined in the file (including ``self`` in its methods)."""

    node: ast.ClassDef


@record
class Encoding(Value):
    """A tiktoken encoding: by name (``get_encoding``) or by model (``encoding_for_model``)."""

    call: ast.Call
    name: Optional[Str] = None
    model: Optional[Str] = None
