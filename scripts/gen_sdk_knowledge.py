"""Generate ``lint_openai/knowledge/data/sdk.json`` by introspecting the installed ``openai`` package.

Run ``python scripts/gen_sdk_knowledge.py`` after upgrading the SDK; ``tests/test_knowledge_sdk.py``
regenerates the data in memory and fails when the committed file is stale.

What is recorded (and nothing is typed by hand):
- the client classes and the modules they can be imported from;
- the resource tree of ``OpenAI``: every sub-resource, method (parameter names and kinds,
  return annotation) and public attribute, exactly as ``dir()``/``inspect`` report it;
- the public names of the ``openai`` module, its sub-modules, its module-level settings
  (the annotated assignments of ``openai/__init__.py``) and which names are exceptions;
- the removed v0 symbols (``openai.lib._old_api.SYMBOLS``).
"""

from __future__ import annotations

import ast
import functools
import importlib
import inspect
import json
import pkgutil
import sys
import types
import typing
from pathlib import Path
from typing import Any

OUTPUT = Path(__file__).resolve().parent.parent / "lint_openai" / "knowledge" / "data" / "sdk.json"
CLIENT_CLASS_NAMES = (
    "OpenAI",
    "AsyncOpenAI",
    "AzureOpenAI",
    "AsyncAzureOpenAI",
    "BedrockOpenAI",
    "AsyncBedrockOpenAI",
)
WRAPPER_ATTRIBUTES = ("with_raw_response", "with_streaming_response")
# Methods whose results rules inspect, and the pydantic models they return (non-streaming, streaming).
# tests/test_knowledge_sdk.py checks each pairing against the method's return annotation.
RESPONSE_TYPES = {
    "chat.completions.create": ("openai.types.chat.ChatCompletion", "openai.types.chat.ChatCompletionChunk"),
    "completions.create": ("openai.types.Completion", "openai.types.Completion"),
    "embeddings.create": ("openai.types.CreateEmbeddingResponse", None),
    "moderations.create": ("openai.types.ModerationCreateResponse", None),
    "images.generate": ("openai.types.ImagesResponse", None),
}
SHAPE_DEPTH = 5
PARAM_KINDS = {
    inspect.Parameter.POSITIONAL_ONLY: "positional_only",
    inspect.Parameter.POSITIONAL_OR_KEYWORD: "positional_or_keyword",
    inspect.Parameter.KEYWORD_ONLY: "keyword_only",
}


def _signature(function: Any) -> dict[str, Any]:
    signature = inspect.signature(function)
    params = []
    var_positional = var_keyword = False
    for index, param in enumerate(signature.parameters.values()):
        if index == 0 and param.name == "self":
            continue
        if param.kind is inspect.Parameter.VAR_POSITIONAL:
            var_positional = True
        elif param.kind is inspect.Parameter.VAR_KEYWORD:
            var_keyword = True
        else:
            required = param.default is inspect.Parameter.empty
            params.append([param.name, PARAM_KINDS[param.kind], required])
    returns = signature.return_annotation
    return {
        "params": params,
        "var_positional": var_positional,
        "var_keyword": var_keyword,
        "returns": None if returns is inspect.Signature.empty else str(returns),
        # Unwrapped: Python 3.12+ also sees async methods behind a decorator that marks them (`deprecated`).
        "is_async": inspect.iscoroutinefunction(inspect.unwrap(function)),
    }


def _import(dotted_name: str) -> Any:
    module, _, name = dotted_name.rpartition(".")
    return getattr(importlib.import_module(module), name)


def _field_tree(annotation: Any, depth: int = 0) -> Any:
    """The field tree of a response type: dicts for models, ``{"[]": item}`` for lists, leaf type names.

    A leaf ends with ``?`` when the field may be ``None`` (``Optional``).
    """
    pydantic_base = importlib.import_module("openai").BaseModel
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, getattr(types, "UnionType", typing.Union)):
        members = [a for a in args if a is not type(None)]
        shapes = [_field_tree(member, depth) for member in members]
        shape = shapes[0] if all(s == shapes[0] for s in shapes) else "union"
        if len(members) < len(args) and isinstance(shape, str):
            return shape.rstrip("?") + "?"
        return shape
    if origin is typing.Annotated:
        return _field_tree(args[0], depth)
    if origin in (list, typing.List):
        return {"[]": _field_tree(args[0], depth + 1)} if depth < SHAPE_DEPTH else "list"
    if origin is typing.Literal:
        return "literal"
    if isinstance(annotation, type) and issubclass(annotation, pydantic_base):
        if depth >= SHAPE_DEPTH:
            return "object"
        return {
            name: _field_tree(field.annotation, depth + 1) for name, field in annotation.model_fields.items()
        }
    return getattr(annotation, "__name__", str(annotation))


def _message_params() -> dict[str, Any]:
    """For each chat message role: the keys its TypedDict declares, and which are ``Required``."""
    union = _import("openai.types.chat.ChatCompletionMessageParam")
    roles = {}
    for message_type in typing.get_args(union):
        raw: dict[str, str] = {}
        for klass in reversed(message_type.__mro__):
            for key, value in getattr(klass, "__annotations__", {}).items():
                raw[key] = getattr(value, "__forward_arg__", str(value))
        role = raw["role"].split('"')[1] if '"' in raw["role"] else raw["role"].split("'")[1]
        roles[role] = {
            "type": message_type.__name__,
            "required": sorted(key for key, text in raw.items() if text.startswith("Required[")),
            "keys": sorted(raw),
        }
    return dict(sorted(roles.items()))


def _response_shapes() -> dict[str, Any]:
    shapes = {}
    for method, (response, chunk) in RESPONSE_TYPES.items():
        shapes[method] = {
            "response_type": response,
            "chunk_type": chunk,
            "response": _field_tree(_import(response)),
            "chunk": _field_tree(_import(chunk)) if chunk else None,
        }
    return shapes


def _stream_attributes(openai: Any) -> list[str]:
    """Public attributes of a ``Stream`` instance (what ``create(..., stream=True)`` returns)."""
    httpx = importlib.import_module("httpx2")
    response = httpx.Response(200, request=httpx.Request("GET", "https://example"))
    stream = openai.Stream(
        cast_to=object, response=response, client=openai.OpenAI(api_key="sk-introspection")
    )
    return sorted(name for name in dir(stream) if not name.startswith("_"))


def _resource_tree(instance: Any) -> dict[str, Any]:
    """Describe the public surface of a client or resource instance, recursively."""
    cls = type(instance)
    resources: dict[str, Any] = {}
    methods: dict[str, Any] = {}
    attributes: list[str] = []
    names = {n for n in dir(cls) if not n.startswith("_")}
    names |= {n for n in vars(instance) if not n.startswith("_")}
    for name in sorted(names):
        static = inspect.getattr_static(instance, name)
        if name in WRAPPER_ATTRIBUTES:
            attributes.append(name)
        elif isinstance(static, functools.cached_property):
            resources[name] = _resource_tree(getattr(instance, name))
        elif inspect.isfunction(static):
            methods[name] = _signature(static)
        else:
            attributes.append(name)
    return {"resources": resources, "methods": methods, "attributes": attributes}


def _example_client(openai: Any, name: str) -> Any:
    """An instance of a client class, made without network access."""
    kwargs: dict[str, Any] = {"api_key": "sk-introspection"}
    if "Azure" in name:
        kwargs.update(api_version="2024-10-21", azure_endpoint="https://example.openai.azure.com")
    if "Bedrock" in name:
        kwargs["aws_region"] = "us-east-1"
    return getattr(openai, name)(**kwargs)


def _shape(tree: dict[str, Any]) -> Any:
    """The names of a tree without signatures, to compare sync and async clients."""
    return (
        {name: _shape(sub) for name, sub in tree["resources"].items()},
        sorted(tree["methods"]),
    )


def _client_import_paths(openai: Any) -> dict[str, list[str]]:
    importlib.import_module("openai.lib.azure")
    importlib.import_module("openai.lib.bedrock")
    classes = {getattr(openai, name): name for name in CLIENT_CLASS_NAMES}
    paths: dict[str, list[str]] = {name: [] for name in CLIENT_CLASS_NAMES}
    for module_name, module in sorted(sys.modules.items()):
        if module is None or not (module_name == "openai" or module_name.startswith("openai.")):
            continue
        for attr, value in sorted(vars(module).items()):
            if isinstance(value, type) and value in classes:
                paths[classes[value]].append(f"{module_name}.{attr}")
    return paths


def _module_settings(openai: Any) -> list[str]:
    """Names the ``openai`` module declares with an annotated assignment (the module client's settings)."""
    tree = ast.parse(Path(openai.__file__).read_text(encoding="utf-8"))
    settings = {
        node.target.id
        for node in tree.body
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)
    }
    return sorted(name for name in settings if not name.startswith("_"))


def _submodules(openai: Any) -> list[str]:
    return sorted(info.name for info in pkgutil.iter_modules(openai.__path__))


def _public_names(openai: Any) -> dict[str, str]:
    """Each public name of the ``openai`` module and what it is."""
    old_api = importlib.import_module("openai.lib._old_api")
    names: dict[str, str] = {}
    for name in dir(openai):
        if name.startswith("_"):
            continue
        value = getattr(openai, name)
        if name in old_api.SYMBOLS:
            kind = "removed_v0_proxy"
        elif inspect.ismodule(value):
            kind = "module"
        elif isinstance(value, type) and issubclass(value, BaseException):
            kind = "exception"
        elif isinstance(value, type):
            kind = "class"
        elif callable(value) and not hasattr(value, "__load__"):
            kind = "function"
        elif type(value).__name__.endswith("Proxy"):
            kind = "resource"
        else:
            kind = "value"
        names[name] = kind
    return dict(sorted(names.items()))


def build() -> dict[str, Any]:
    """Introspect the installed SDK and return the knowledge document."""
    openai = importlib.import_module("openai")
    old_api = importlib.import_module("openai.lib._old_api")
    sync_tree = _resource_tree(openai.OpenAI(api_key="sk-introspection"))
    async_tree = _resource_tree(openai.AsyncOpenAI(api_key="sk-introspection"))
    if _shape(sync_tree) != _shape(async_tree):
        raise SystemExit("OpenAI and AsyncOpenAI resource trees differ; teach the generator about it")
    async_methods = _async_method_paths(async_tree)
    clients = {}
    import_paths = _client_import_paths(openai)
    for name in CLIENT_CLASS_NAMES:
        top = _resource_tree(_example_client(openai, name))
        clients[name] = {
            "async": name.startswith("Async"),
            "azure": "Azure" in name,
            "import_paths": import_paths[name],
            # Client-level members differ between classes (Azure's with_options takes api_version...).
            "methods": top["methods"],
            "attributes": top["attributes"],
        }
    public = _public_names(openai)
    return {
        "generated_by": "scripts/gen_sdk_knowledge.py",
        "openai_version": openai.__version__,
        "client_classes": clients,
        "client_tree": sync_tree,
        "async_method_paths_checked": len(async_methods),
        "module_names": public,
        "module_settings": _module_settings(openai),
        "module_resources": sorted(n for n, kind in public.items() if kind == "resource"),
        "submodules": _submodules(openai),
        "removed_v0_symbols": list(old_api.SYMBOLS),
        "response_shapes": _response_shapes(),
        "message_params": _message_params(),
        "stream_attributes": _stream_attributes(openai),
    }


def _async_method_paths(tree: dict[str, Any], prefix: str = "") -> list[str]:
    paths = [prefix + name for name, sig in tree["methods"].items() if sig["is_async"]]
    for name, sub in tree["resources"].items():
        paths += _async_method_paths(sub, f"{prefix}{name}.")
    return paths


def render(document: dict[str, Any]) -> str:
    """Serialise the knowledge document exactly as it is committed."""
    return json.dumps(document, indent=1, sort_keys=True) + "\n"


def main() -> None:
    OUTPUT.write_text(render(build()), encoding="utf-8")
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
