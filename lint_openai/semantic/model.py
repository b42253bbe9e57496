"""What names mean: the resolution of expressions to abstract values.

The :class:`SemanticModel` is filled by :mod:`lint_openai.semantic.binder` in one walk of the tree and then
answers questions from rules (``resolve``, ``string_value``...). Resolution is flow-sensitive: a read of
a name sees the bindings that reach it (:mod:`lint_openai.semantic.flow`), and its value is the value they
all agree on (``None`` bindings aside), else ``UNKNOWN``. A function body sees the names of enclosing
scopes as they are when the module (or class body) has run, as ruff's deferred function bodies do; names
of an enclosing function, and names also bound through ``global``/``nonlocal``, merge every binding.
Nothing in the linted code is imported or executed.
"""

from __future__ import annotations

import ast
import functools
import urllib.parse
from typing import Dict, FrozenSet, Iterable, List, Optional, Set, Tuple, Union

from lint_openai import knowledge
from lint_openai.records import replace
from lint_openai.semantic.calls import first_argument, keyword_value
from lint_openai.semantic.environment import EnvironmentWrite, environment_writes
from lint_openai.semantic.flow import flatten
from lint_openai.semantic.scopes import (
    EMPTY,
    AttributeAssignment,
    Binding,
    ClassInfo,
    Defs,
    ImportedName,
    LoopHead,
    Param,
    Scope,
)
from lint_openai.semantic.values import (
    NONE,
    OPENAI,
    UNKNOWN,
    ApiResult,
    Client,
    Encoding,
    Function,
    Instance,
    LibraryName,
    Method,
    Module,
    Part,
    Resource,
    SdkClass,
    Str,
    StrItems,
    UserClass,
    V0Method,
    V0Proxy,
    Value,
)

MAX_DEPTH = 120


TIKTOKEN_FUNCTIONS = frozenset(
    {"get_encoding", "encoding_for_model", "encoding_name_for_model", "list_encoding_names"}
)


ENV_GETTERS = frozenset({"os.getenv", "os.environ.get"})


AZURE_API_TYPES = frozenset({"azure", "azure_ad", "azuread"})


def is_azure_api_type(value: Optional[Str]) -> bool:
    """An ``api_type`` value that may be Azure's: one the file cannot show counts (no model findings)."""
    return value is None or value.value.lower() in AZURE_API_TYPES


CLIENT_COPIES = (("with_options",), ("copy",))  # methods that return a new client with other options
# Clients that read ``OPENAI_BASE_URL`` and take ``provider=``; with ``provider=bedrock(...)`` each is
# configured as Amazon Bedrock's client, as the SDK's ``BedrockOpenAI`` classes are.
BEDROCK_SURFACES = {"OpenAI": "BedrockOpenAI", "AsyncOpenAI": "AsyncBedrockOpenAI"}
# The SDK's provider factories (``openai.providers``), by each path they are imported through.
PROVIDER_FACTORIES = {
    "openai.providers.bedrock": "openai.providers.bedrock",
    "openai.providers.bedrock.bedrock": "openai.providers.bedrock",
    "openai.providers.vertex": "openai.providers.vertex",
    "openai.providers.vertex.vertex": "openai.providers.vertex",
}

# What the binder recorded at a read of a name: what reaches it in its own scope (when that scope runs its
# own code), or ``(scope, reaching)`` for each scope of the same flow the name could come from.
LoadRecord = Union[Defs, Tuple[Tuple[Scope, Defs], ...]]


# Libraries whose imported names are values (``LibraryName``): the SDK's HTTP transports, pydantic, and the
# standard modules whose functions only inspect what they are given (``semantic/inspection.py``).
NAMED_LIBRARIES = frozenset(
    {"httpx", "httpx2", "pydantic", "pydantic_settings", "enum", "typer", "click", "dataclasses"}
    | {"inspect", "pydoc", "functools", "typing", "asyncio", "instructor", "langsmith", "contextlib"}
)
# Calls that declare a default value (a field, a command-line option): their value is the default, where it
# is a string. ``Field("gpt-4o", description=...)``, ``typer.Option("gpt-4o", "--model")``.
DEFAULT_CARRIERS = frozenset(
    {"pydantic.Field", "pydantic.fields.Field", "pydantic_settings.Field", "typer.Option", "typer.Argument"}
)
KEYWORD_DEFAULT_CARRIERS = frozenset({"dataclasses.field"})  # ``field(default="gpt-4o")``
MAX_ITEMS = 256  # a longer literal of strings is a data table, not a list of models to try
# The kinds of value whose attributes can be SDK methods (:meth:`SemanticModel.attribute`): a client or a
# resource, and an object or class of the file, whose members may hold one (``self._create``).
METHOD_RECEIVERS = (Client, Resource, Instance, UserClass)


class SemanticModel:
    """Bindings of one module and the resolution of expressions to :mod:`values`."""

    def __init__(self, tree: ast.Module, *, cells: bool = False, sdk_imports: bool = True) -> None:
        """``cells``: the module is a notebook's code cells, which may run in any order. ``sdk_imports=False``:
        ``import openai`` finds a local module (a sibling ``openai.py``), whose names mean nothing known."""
        self.sdk = knowledge.sdk()
        self.tree = tree
        self.cells = cells
        self.sdk_imports = sdk_imports
        self.module_scope = Scope("module", tree, None)
        self.scopes: Dict[ast.AST, Scope] = {tree: self.module_scope}
        self.classes: Dict[ast.ClassDef, ClassInfo] = {}
        self.parents: Dict[ast.AST, ast.AST] = {}
        # The scope of each node that starts a scope's code (a body statement, a comprehension's part):
        # any other node is evaluated in the scope of its nearest such ancestor.
        self.node_scopes: Dict[ast.AST, Scope] = {tree: self.module_scope}
        self.loads: Dict[ast.Name, LoadRecord] = {}
        self.called_names: Set[str] = set()  # names called somewhere (``name(...)``)
        self.attribute_assignments: List[AttributeAssignment] = []
        self._nonlocal_bindings: List[Tuple[Scope, str, Binding]] = []
        # Names bound at least once by each kind of binding anywhere in the file (cheap pre-checks).
        self.names_by_binding_kind: Dict[str, Set[str]] = {}
        self.names_assigned_attribute: Dict[str, Set[str]] = {}  # attribute -> names assigned ``x.<attr>``
        self._expr_cache: Dict[ast.AST, Value] = {}
        self._name_cache: Dict[FrozenSet[Binding], Value] = {}
        self._heads: Dict[LoopHead, FrozenSet[Binding]] = {}
        self._finals: Dict[Tuple[Scope, str], FrozenSet[Binding]] = {}
        self._in_progress: set[object] = set()
        self._depth = 0
        self._cutoffs = 0  # times a depth limit or a cycle cut resolution short
        self._module_client: Optional[Client] = None
        self.loop_heads: List[LoopHead] = []  # every loop head of the walk (the binder hands them over)

    # ------------------------------------------------------------------ building
    def bind(self, scope: Scope, name: str, binding: Binding) -> Optional[Scope]:
        """Record a binding of ``name``; returns the scope whose flow it rebinds, or ``None`` when it is
        made from another flow (``global`` in a function, ``nonlocal``: resolved after the walk)."""
        home: Optional[Scope] = scope
        if name in scope.global_names and scope is not self.module_scope:
            scope = self.module_scope
            scope.add_foreign(name, binding)
            home = None
        elif name in scope.nonlocal_names:
            self._nonlocal_bindings.append((scope, name, binding))
            return None
        kind = binding.kind
        expr = binding.expr
        if kind in ("value", "annotated") and type(expr) is ast.Attribute:
            _add(self.names_assigned_attribute, expr.attr, name)
        found = scope.bindings.get(name)
        if found is None:
            scope.bindings[name] = [binding]
        else:
            found.append(binding)
        names = self.names_by_binding_kind.get(kind)
        if names is None:
            self.names_by_binding_kind[kind] = {name}
        else:
            names.add(name)
        return home

    def resolve_nonlocal_bindings(self) -> None:
        """Attach ``nonlocal`` bindings to the enclosing function scope that owns the name.

        Done after the walk, because an inner function may come before the outer assignment.
        """
        for scope, name, binding in self._nonlocal_bindings:
            outer = scope.parent
            while outer is not None and (outer.kind == "class" or name not in outer.bindings):
                outer = outer.parent
            target = outer if outer is not None and outer.kind != "module" else scope
            target.bindings.setdefault(name, []).append(binding)
            target.add_foreign(name, binding)
        self._nonlocal_bindings.clear()

    def release(self) -> None:
        """Break the reference cycles of the file's scopes, bindings and loop heads once every question is
        answered (:meth:`Scope.release`); the model is unusable afterwards."""
        for scope in self.scopes.values():
            scope.release()
        for head in self.loop_heads:
            head.release()

    # ------------------------------------------------------------------ queries
    def parent(self, node: ast.AST) -> Optional[ast.AST]:
        return self.parents.get(node)

    def descendants(self, scope: Scope) -> List[Scope]:
        """``scope`` and every scope nested in it."""
        found = [scope]
        index = 0
        while index < len(found):
            found.extend(self._children.get(found[index], ()))
            index += 1
        return found

    @functools.cached_property
    def _children(self) -> Dict[Scope, List[Scope]]:
        children: Dict[Scope, List[Scope]] = {}
        for scope in self.scopes.values():
            if scope.parent is not None:
                children.setdefault(scope.parent, []).append(scope)
        return children

    @functools.cached_property
    def references(self) -> Dict[str, List[ast.Name]]:
        """Every read of each name outside annotations, in walk order (indexed on first use from the
        binder's records)."""
        found: Dict[str, List[ast.Name]] = {}
        for node in self.loads:  # annotations aside: their names are types, resolved as typing does
            found.setdefault(node.id, []).append(node)
        return found

    @functools.cached_property
    def attribute_loads(self) -> Dict[str, List[ast.Attribute]]:
        """Every read ``x.<attr>``, by attribute name (indexed on first use from the binder's records)."""
        found: Dict[str, List[ast.Attribute]] = {}
        for node in self.parents:  # every node but the module, in the order the binder scheduled them
            if type(node) is ast.Attribute and type(node.ctx) is ast.Load:
                found.setdefault(node.attr, []).append(node)
        return found

    def scope_of(self, node: ast.AST) -> Scope:
        """The scope ``node`` is evaluated in (a default or a decorator: the enclosing one)."""
        node_scopes = self.node_scopes
        parents = self.parents
        current: Optional[ast.AST] = node
        while current is not None:
            found = node_scopes.get(current)
            if found is not None:
                return found
            current = parents.get(current)
        return self.module_scope

    def reaching(self, node: ast.Name, scope: Optional[Scope] = None) -> Tuple[Binding, ...]:
        """The bindings that reach this read of a name, in the order of the walk (empty: none, or a builtin)."""
        found = self._reaching(node.id, scope or self.scope_of(node), self.loads.get(node))
        return tuple(sorted(found, key=_walk_order)) if found else ()

    def single_value_binding(self, node: ast.Name, scope: Optional[Scope] = None) -> Optional[ast.AST]:
        """The expression of the one ``name = <expression>`` binding that reaches this read, if exactly one does."""
        found = self.reaching(node, scope)
        if len(found) == 1 and found[0].kind == "value":
            return found[0].expr
        return None

    def _reaching(
        self, name: str, scope: Scope, record: Optional[LoadRecord]
    ) -> Optional[FrozenSet[Binding]]:
        """The bindings a read of ``name`` in ``scope`` sees (``None``: not bound in this file)."""
        target = self.lookup_scope(name, scope)
        if target is None:
            return None
        if record is None:
            return self._final(target, name)  # not a read the binder saw: the value once the code has run
        if isinstance(record, frozenset):  # a read in its owner's own scope
            if target is scope:
                found = flatten(record, self._heads)
                return self._with_foreign(found, target, name) if target.foreign else found
            return self._final(target, name)
        for index, (chain_scope, defs) in enumerate(record):
            if chain_scope is not target:
                continue
            found = flatten(defs, self._heads)
            if not found and target.kind == "class":
                # Not bound in the class body yet: the read sees the enclosing scopes' name.
                outer = self._lookup_outside(name, target)
                return self._reaching(name, outer, record[index + 1 :]) if outer is not None else None
            return self._with_foreign(found, target, name)
        return self._final(target, name)

    def _lookup_outside(self, name: str, scope: Scope) -> Optional[Scope]:
        current = scope.parent
        while current is not None and current.kind == "class":
            current = current.parent
        return current

    def _final(self, scope: Scope, name: str) -> FrozenSet[Binding]:
        """What ``name`` holds once the code of ``scope`` has run (every binding, for a function)."""
        key = (scope, name)
        found = self._finals.get(key)
        if found is None:
            final = scope.final
            if final is None:
                found = frozenset(scope.bindings.get(name, ()))
            else:
                found = self._with_foreign(flatten(final.get(name, EMPTY), self._heads), scope, name)
            self._finals[key] = found
        return found

    @staticmethod
    def _with_foreign(found: FrozenSet[Binding], scope: Scope, name: str) -> FrozenSet[Binding]:
        foreign = scope.foreign.get(name)
        return found.union(foreign) if foreign else found

    def lookup_scope(self, name: str, scope: Scope) -> Optional[Scope]:
        """The scope whose binding of ``name`` a load in ``scope`` sees (``None``: builtin/undefined)."""
        if name in scope.global_names:
            return self.module_scope if name in self.module_scope.bindings else None
        current: Optional[Scope] = scope
        first = True
        while current is not None:
            if current.kind == "class" and not first:
                current = current.parent
                continue
            if name in current.bindings and name not in current.nonlocal_names:
                return current
            current = current.parent
            first = False
        return None

    def resolve(self, expr: Optional[ast.AST], scope: Scope) -> Value:
        """The abstract value of ``expr`` evaluated in ``scope``."""
        if expr is None:
            return UNKNOWN
        cached = self._expr_cache.get(expr)
        if cached is not None:
            return cached
        if self._depth > MAX_DEPTH or expr in self._in_progress:
            self._cutoffs += 1
            return UNKNOWN
        cutoffs = self._cutoffs
        self._depth += 1
        self._in_progress.add(expr)
        try:
            value = self._resolve(expr, scope)
        finally:
            self._depth -= 1
            self._in_progress.discard(expr)
        if self._cutoffs == cutoffs:  # a value computed under a cut-off depends on the order of queries
            self._expr_cache[expr] = value
        return value

    def _resolve(self, expr: ast.AST, scope: Scope) -> Value:
        if type(expr) is ast.Name:
            return self.resolve_name(expr.id, scope, expr)
        if type(expr) is ast.Attribute:
            base = self.resolve(expr.value, scope)
            if expr.attr == "value" and type(base) is Str and self._enum_member_value(base):
                return base  # ``Model.GPT4.value``: the string the member was given
            return self.attribute(base, expr.attr)
        if type(expr) is ast.Call:
            return self.call(self.resolve(expr.func, scope), expr, scope)
        if type(expr) is ast.Constant:
            constant = expr.value
            if isinstance(constant, str):
                return Str(constant, (expr,))
            return NONE if constant is None else UNKNOWN
        if type(expr) is ast.Await or type(expr) is ast.NamedExpr:
            return self.resolve(expr.value, scope)
        if type(expr) is ast.Subscript:
            return self.subscript(self.resolve(expr.value, scope), expr.slice)
        if type(expr) is ast.IfExp:
            return merge([self.resolve(expr.body, scope), self.resolve(expr.orelse, scope)])
        if type(expr) is ast.List or type(expr) is ast.Tuple or type(expr) is ast.Set:
            return self._string_items(expr.elts, scope)
        if type(expr) is ast.BoolOp and isinstance(expr.op, ast.Or):
            # ``os.getenv("MODEL") or "gpt-4o"``: the literal is the value whenever the rest is unset.
            last = self.resolve(expr.values[-1], scope)
            return last if isinstance(last, Str) else UNKNOWN
        return UNKNOWN

    def _string_items(self, elements: List[ast.expr], scope: Scope) -> Value:
        """A literal of strings only (each proven), else ``UNKNOWN``."""
        if not elements or len(elements) > MAX_ITEMS:
            return UNKNOWN
        items = []
        for element in elements:
            value = self.resolve(element, scope)
            if type(value) is not Str:
                return UNKNOWN
            items.append(value)
        return StrItems(tuple(items))

    def _enum_member_value(self, value: Str) -> bool:
        """Every literal of ``value`` is assigned to a member in the body of an ``enum.Enum`` class."""
        for origin in value.origins:
            statement = self.parent(origin)
            owner = self.parent(statement) if isinstance(statement, ast.Assign) else None
            if not isinstance(owner, ast.ClassDef) or not self._is_enum(owner):  # an Assign's parent: a body
                return False
        return True

    def _is_enum(self, node: ast.ClassDef, depth: int = 0) -> bool:
        """A class with ``enum.Enum`` (``StrEnum``, ``IntEnum``...) among its bases, or a subclass of one."""
        info = self.classes.get(node)
        if info is None or depth > 8:
            return False
        for base in node.bases:
            value = self.resolve(base, info.outer)
            if type(value) is LibraryName and value.name.startswith("enum."):
                return True
            if type(value) is UserClass and value.node is not node and self._is_enum(value.node, depth + 1):
                return True
        return False

    def resolve_name(self, name: str, scope: Scope, node: Optional[ast.Name] = None) -> Value:
        """The value of a read of ``name`` in ``scope`` (at ``node``, or once the code has run)."""
        found = self._reaching(name, scope, self.loads.get(node) if node is not None else None)
        if found is None:
            return UNKNOWN
        value = self.value_of_bindings(found)
        if (
            type(value) is Client
            and not value.other_server
            and node is not None
            and self._base_url_sets
            and self._base_url_set_before(node, scope, found)
        ):
            return replace(value, other_server=True)
        return value

    @functools.cached_property
    def _base_url_sets(self) -> List[AttributeAssignment]:
        """``name.base_url = <value>`` assignments (the SDK clients' ``base_url`` has a setter)."""
        return [
            item
            for item in self.attribute_assignments
            if item.target.attr == "base_url"
            and type(item.target.value) is ast.Name
            and item.value is not None
        ]

    def _base_url_set_before(self, node: ast.Name, scope: Scope, found: FrozenSet[Binding]) -> bool:
        """Whether the client that this read of a name holds was given another server's ``base_url``
        before it: ``client.base_url = "http://localhost:8080/v1"`` on the same bindings, earlier in the
        same flow, or anywhere in the code a function body runs after."""
        for item in self._base_url_sets:
            target = item.target.value
            if target is node or not isinstance(target, ast.Name) or target.id != node.id:
                continue
            if item.scope.owner is scope.owner and (target.lineno, target.col_offset) > (
                node.lineno,
                node.col_offset,
            ):
                continue  # set after this read
            seen = self._reaching(target.id, item.scope, self.loads.get(target))
            if seen == found and item.value is not None and not self._is_openai_url(item.value, item.scope):
                return True
        return False

    def value_of_bindings(self, bindings: FrozenSet[Binding]) -> Value:
        """The value several bindings agree on (see :func:`merge`)."""
        cached = self._name_cache.get(bindings)
        if cached is not None:
            return cached
        if bindings in self._in_progress:
            self._cutoffs += 1
            return UNKNOWN
        cutoffs = self._cutoffs
        self._in_progress.add(bindings)
        try:
            value = merge([self.evaluate(binding) for binding in sorted(bindings, key=_walk_order)])
        finally:
            self._in_progress.discard(bindings)
        if self._cutoffs == cutoffs:
            self._name_cache[bindings] = value
        return value

    def string_value(self, expr: Optional[ast.AST], scope: Scope) -> Optional[Str]:
        """The constant string ``expr`` is proven to hold, with its source literal(s)."""
        value = self.resolve(expr, scope)
        return value if isinstance(value, Str) else None

    # ------------------------------------------------------------------ bindings
    def evaluate(self, binding: Binding) -> Value:
        kind = binding.kind
        extra = binding.extra
        if kind == "value":
            return self.resolve(binding.expr, binding.scope)
        if kind == "annotated":
            value = self.resolve(binding.expr, binding.scope) if binding.expr else UNKNOWN
            if value is UNKNOWN and isinstance(extra, ast.AST):
                value = self.annotation_value(extra, binding.scope)
            return value
        if kind == "iter":
            return self.iterate(self.resolve(binding.expr, binding.scope))
        if kind == "enter":
            value = self.resolve(binding.expr, binding.scope)
            return value if isinstance(value, (Client, ApiResult)) else UNKNOWN
        if kind == "param" and isinstance(extra, Param):
            return self._parameter_value(binding, extra)
        if kind == "import" and isinstance(extra, str):
            return Module(extra) if self._imports_known(extra) else UNKNOWN
        if kind == "from" and isinstance(extra, ImportedName):
            if not self._imports_known(extra.module):
                return UNKNOWN
            return self.attribute(Module(extra.module), extra.name)
        if kind == "def" and isinstance(binding.expr, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return Function(binding.expr.name, binding.expr)
        if kind == "class" and isinstance(binding.expr, ast.ClassDef):
            return UserClass(binding.expr)
        return UNKNOWN

    def _imports_known(self, module: str) -> bool:
        """Whether an import of ``module`` reaches what its name says (not a local ``openai`` module)."""
        return self.sdk_imports or module.partition(".")[0] != "openai"

    def _parameter_value(self, binding: Binding, param: Param) -> Value:
        self_class = binding.scope.self_class
        if param.role == "self" and self_class is not None:
            return Instance(self_class)
        if param.role == "cls" and self_class is not None:
            return UserClass(self_class)
        outer = binding.scope.parent or binding.scope
        if param.arg.annotation is not None:
            declared = self.annotation_value(param.arg.annotation, outer)
            if declared is not UNKNOWN:
                return declared
        if param.default is not None:
            value = self.resolve(param.default, outer)
            if isinstance(value, Str):
                return value
        return UNKNOWN

    def annotation_value(self, annotation: Optional[ast.AST], scope: Scope) -> Value:
        """The value a parameter or variable annotated with ``annotation`` holds (clients only)."""
        members = [value for value in self._annotation_members(annotation, scope) if value is not NONE]
        clients = [value for value in members if isinstance(value, Client)]
        if members and len(clients) == len(members):
            # ``Union[AsyncOpenAI, AsyncAzureOpenAI]`` may be an Azure client: say so (no model ids, no
            # OpenAI platform lifecycle), as the more cautious of the two.
            return next((client for client in clients if client.is_azure), clients[0])
        return UNKNOWN

    def _annotation_members(self, annotation: Optional[ast.AST], scope: Scope) -> Iterable[Value]:
        if annotation is None:
            return
        if isinstance(annotation, ast.Constant):
            if annotation.value is None:
                yield NONE
                return
            if isinstance(annotation.value, str) and len(annotation.value) < 200:
                try:
                    parsed = ast.parse(annotation.value.strip(), mode="eval").body
                except (SyntaxError, ValueError, RecursionError, MemoryError):
                    return
                self._adopt(parsed, annotation)
                yield from self._annotation_members(parsed, scope)
            return
        if isinstance(annotation, ast.BinOp) and isinstance(annotation.op, ast.BitOr):
            yield from self._annotation_members(annotation.left, scope)
            yield from self._annotation_members(annotation.right, scope)
            return
        if isinstance(annotation, ast.Subscript):
            container = annotation.value
            name = container.attr if isinstance(container, ast.Attribute) else getattr(container, "id", "")
            if name in ("Optional", "Union"):
                inner = annotation.slice
                items = inner.elts if isinstance(inner, ast.Tuple) else [inner]
                for item in items:
                    yield from self._annotation_members(item, scope)
            else:
                yield UNKNOWN
            return
        value = self.resolve(annotation, scope)
        yield self.call(value, None, scope) if isinstance(value, SdkClass) else value

    def _adopt(self, parsed: ast.AST, anchor: ast.AST) -> None:
        """Give nodes parsed from a string annotation the position of the string."""
        for node in ast.walk(parsed):
            if hasattr(node, "lineno"):
                ast.copy_location(node, anchor)

    # ------------------------------------------------------------------ operations
    @property
    def module_client(self) -> Client:
        """The ``openai`` module-level client; Azure when the file sets ``openai.api_type``/``azure_endpoint``."""
        if self._module_client is None:
            is_azure = other_server = False
            for assignment in self.openai_module_assignments():
                name = assignment.target.attr
                if name == "azure_endpoint":
                    is_azure = True
                elif name == "api_type":
                    # An api_type that cannot be resolved may be Azure: assume so (no model findings, no fixes).
                    value = self.string_value(assignment.value, assignment.scope)
                    is_azure = is_azure or is_azure_api_type(value)
                elif name == "base_url" and assignment.value is not None:
                    other_server = other_server or not self._is_openai_url(assignment.value, assignment.scope)
            self._module_client = Client(
                "module", is_async=False, is_azure=is_azure, other_server=other_server
            )
        return self._module_client

    def _is_openai_url(self, expr: ast.AST, scope: Scope) -> bool:
        """Unless ``expr`` is proven to be a URL of another server (a proxy, vLLM, Ollama...), it is OpenAI.

        ``None`` and ``os.getenv("OPENAI_BASE_URL")`` (unset in most deployments) count as OpenAI; so
        do its regional hosts (``eu.api.openai.com``).
        """
        url = self.string_value(expr, scope)
        if url is None:
            # An environment variable without a default is unset in most deployments: OpenAI's URL.
            # Any other value the file cannot show (a parameter, a setting) may be another server.
            func = self.resolve(expr.func, scope) if isinstance(expr, ast.Call) else None
            return (isinstance(expr, ast.Constant) and expr.value is None) or (
                isinstance(func, Function) and func.name in ENV_GETTERS
            )
        return is_openai_url(url.value)

    def openai_module_assignments(self) -> List[AttributeAssignment]:
        """Assignments ``openai.<name> = ...`` in the file."""
        return [
            item
            for item in self.attribute_assignments
            if self.resolve(item.target.value, item.scope) == OPENAI
        ]

    def attribute(self, base: Value, name: str) -> Value:
        """The value of ``<base>.<name>``."""
        if base is UNKNOWN:
            return UNKNOWN  # the commonest case: an object the file does not show
        if type(base) is Module:
            return self._module_attribute(base.name, name)
        if type(base) is Client:
            return self._client_member(base, (), name, raw=False)
        if type(base) is Resource:
            return self._client_member(base.client, base.path, name, raw=base.raw)
        if type(base) is V0Proxy:
            return V0Method(base.symbol, name)
        if type(base) is ApiResult:
            return Part(base, (name,))
        if type(base) is Part:
            return Part(base.result, (*base.path, name))
        if type(base) is LibraryName:
            return LibraryName(f"{base.name}.{name}")
        if type(base) is Instance:
            return self._member_of_class(base.node, name, instance=True)
        if type(base) is UserClass:
            return self._member_of_class(base.node, name, instance=False)
        return UNKNOWN

    def _client_member(self, client: Client, path: Tuple[str, ...], name: str, *, raw: bool) -> Value:
        """``<client or resource at path>.<name>``: a resource, a method, or a raw/streaming wrapper."""
        member = self.sdk.member_kind(path, name, client.surface)
        if member == "wrapper":
            return Resource(client, path, raw=True)
        if member == "resource":
            return Resource(client, (*path, name), raw)
        if member == "method":
            return Method(client, (*path, name), raw)
        return UNKNOWN

    def _module_attribute(self, module: str, name: str) -> Value:
        if module == "openai":
            return self._openai_attribute(name)
        if module == "os":
            if name == "environ":
                return Module("os.environ")
            return Function("os.getenv") if name == "getenv" else UNKNOWN
        if module == "os.environ":
            return Function("os.environ.get") if name == "get" else UNKNOWN
        if module == "tiktoken":
            return Function(f"tiktoken.{name}") if name in TIKTOKEN_FUNCTIONS else UNKNOWN
        qualified = f"{module}.{name}"
        if qualified in PROVIDER_FACTORIES:
            return Function(PROVIDER_FACTORIES[qualified])
        if module.partition(".")[0] in NAMED_LIBRARIES:
            return LibraryName(qualified)
        client_class = self.sdk.client_class_at(qualified)
        if client_class is not None:
            return SdkClass(client_class)
        if module == "openai.error":
            return SdkClass(f"openai.error.{name}")
        if module.startswith("openai.") and name in ("lib", "azure", "bedrock", "_client"):
            return Module(qualified)
        return UNKNOWN

    def _openai_attribute(self, name: str) -> Value:
        kind = self.sdk.module_names.get(name)
        if kind == "removed_v0_proxy":
            return V0Proxy(name)
        if kind == "resource":
            return Resource(self.module_client, (name,))
        if kind in ("class", "exception"):
            return SdkClass(self.sdk.client_class_at(f"openai.{name}") or name)
        if kind == "function":
            return Function(f"openai.{name}")
        if kind == "module" or name in self.sdk.submodules or name == "error":
            return Module(f"openai.{name}")
        return UNKNOWN

    def _member_of_class(self, node: ast.ClassDef, name: str, instance: bool, depth: int = 0) -> Value:
        info = self.classes.get(node)
        if info is None or depth > 8:
            return UNKNOWN
        key = ("member", node, name, instance)
        if key in self._in_progress:
            return UNKNOWN
        self._in_progress.add(key)
        try:
            bindings = self._final(info.scope, name) if name in info.scope.bindings else frozenset()
            if instance and name in info.attrs:
                bindings = bindings.union(info.attrs[name])
            if bindings:
                return self.value_of_bindings(bindings)
            for base in node.bases:
                base_value = self.resolve(base, info.outer)
                if isinstance(base_value, UserClass):
                    found = self._member_of_class(base_value.node, name, instance, depth + 1)
                    if found is not UNKNOWN:
                        return found
            return UNKNOWN
        finally:
            self._in_progress.discard(key)

    def call(self, func: Value, call: Optional[ast.Call], scope: Scope) -> Value:
        """The value of calling ``func`` (``call`` is ``None`` for a type in an annotation)."""
        if func is UNKNOWN:
            return UNKNOWN
        if type(func) is SdkClass:
            info = self.sdk.client_classes.get(func.name)
            if info is None:
                return UNKNOWN
            client = Client(func.name, is_async=info["async"], is_azure=info["azure"])
            return self._configured_client(client, call, scope, made=True) if call is not None else client
        if call is None:
            return UNKNOWN
        if type(func) is Method:
            if func.path in CLIENT_COPIES:
                return self._configured_client(func.client, call, scope, made=False)
            return ApiResult(call, func.path, func.client, raw=func.raw)
        if type(func) is V0Method:
            return ApiResult(call, (func.symbol, func.method), None, v0=True)
        if type(func) is Function:
            return self._call_function(func, call, scope)
        if type(func) is UserClass:
            return Instance(func.node)
        if type(func) is LibraryName:
            return self._declared_default(func.name, call, scope)
        return UNKNOWN

    # ------------------------------------------------------------------ clients
    def _configured_client(self, client: Client, call: ast.Call, scope: Scope, *, made: bool) -> Client:
        """The client a constructor call (``made``) or ``copy``/``with_options`` call gives.

        Another server (a proven ``base_url``, ``OPENAI_BASE_URL`` set by the module before a constructor
        without one, a provider other than Bedrock) marks it ``other_server``; a copy keeps what its
        original is (an Azure copy stays Azure), and only a proven new server changes it.
        """
        provider = self.keyword_argument(call, "provider", scope)
        if provider is not None and not _is_none(provider):
            if client.surface in BEDROCK_SURFACES and self._is_bedrock_provider(provider, scope):
                return replace(client, cls=BEDROCK_SURFACES[client.surface])  # Amazon Bedrock's client
            return replace(client, other_server=True)  # Vertex, or a provider the file cannot show
        base_url = self.keyword_argument(call, "base_url", scope)
        if base_url is not None and not _is_none(base_url):
            if not self._is_openai_url(base_url, scope):
                return replace(client, other_server=True)
        elif made and client.surface in BEDROCK_SURFACES and self._environment_elsewhere(call, scope):
            return replace(client, other_server=True)
        return client

    def keyword_argument(self, call: ast.Call, name: str, scope: Scope) -> Optional[ast.AST]:
        """The expression passed as keyword ``name``: written in the call, or in a ``**`` dict literal."""
        found = keyword_value(call, name)
        if found is not None:
            return found
        for keyword in call.keywords:
            mapping = self.dict_literal(keyword.value, scope) if keyword.arg is None else None
            if mapping is not None:
                for key, value in zip(mapping.keys, mapping.values):
                    if isinstance(key, ast.Constant) and key.value == name:
                        return value
        return None

    def bound_value(self, expr: ast.AST, scope: Scope) -> ast.AST:
        """The expression a name stands for when the one binding that reaches this read is a plain
        assignment; else ``expr``."""
        if not isinstance(expr, ast.Name):
            return expr
        found = self.single_value_binding(expr, scope)
        return found if found is not None else expr

    def dict_literal(self, expr: ast.AST, scope: Scope) -> Optional[ast.Dict]:
        """The dict literal ``expr`` is, directly or through a name whose one reaching binding is one."""
        value = self.bound_value(expr, scope)
        return value if isinstance(value, ast.Dict) else None

    def _is_bedrock_provider(self, provider: ast.AST, scope: Scope) -> bool:
        """``provider=bedrock(...)`` (``openai.providers.bedrock``), directly or through a name."""
        provider = self.bound_value(provider, scope)
        if not isinstance(provider, ast.Call):
            return False
        return self.resolve(provider.func, scope) == Function(PROVIDER_FACTORIES["openai.providers.bedrock"])

    def _environment_elsewhere(self, call: ast.Call, scope: Scope) -> bool:
        """Whether ``OPENAI_BASE_URL``, which a constructor without ``base_url`` reads, is proven set to
        another server when ``call`` runs: by the module's top-level statements before the one holding
        the call. Code in a function may run once any of them has: any such value counts there."""
        writes = self._base_url_writes
        if not writes:
            return False
        deferred = scope.owner is not self.module_scope
        end = len(self.tree.body)
        if not deferred:
            statement: Optional[ast.AST] = call
            while statement is not None and self.parents.get(statement) is not self.tree:
                statement = self.parents.get(statement)
            if isinstance(statement, ast.stmt):
                end = self.tree.body.index(statement)
        value: Optional[ast.AST] = None
        for write in writes:
            if write.position >= end:
                break
            if write.kind == "unset":
                value = None
            elif write.kind == "set" or value is None:
                value = write.value
            if deferred and value is not None and not self._is_openai_url(value, self.module_scope):
                return True
        return value is not None and not self._is_openai_url(value, self.module_scope)

    @functools.cached_property
    def _base_url_writes(self) -> List[EnvironmentWrite]:
        """Top-level writes of ``os.environ["OPENAI_BASE_URL"]``."""
        return [
            write
            for write in environment_writes(self.tree, "OPENAI_BASE_URL")
            if self.resolve(write.environ, self.module_scope) == Module("os.environ")
        ]

    def _declared_default(self, name: str, call: ast.Call, scope: Scope) -> Value:
        """The string default of a field or option declaration (``Field("gpt-4o")``), else ``UNKNOWN``."""
        if name in DEFAULT_CARRIERS:
            default = first_argument(call, "default")
        elif name in KEYWORD_DEFAULT_CARRIERS:
            default = keyword_value(call, "default")
        else:
            return UNKNOWN
        value = self.resolve(default, scope) if default is not None else UNKNOWN
        return value if type(value) is Str else UNKNOWN

    def _call_function(self, func: Function, call: ast.Call, scope: Scope) -> Value:
        name = func.name
        if name in ENV_GETTERS:
            default = call.args[1] if len(call.args) > 1 else keyword_value(call, "default")
            value = self.resolve(default, scope) if default is not None else UNKNOWN
            return value if isinstance(value, Str) else UNKNOWN
        if name == "tiktoken.get_encoding":
            return Encoding(call, name=self.string_value(first_argument(call, "encoding_name"), scope))
        if name in ("tiktoken.encoding_for_model",):
            return Encoding(call, model=self.string_value(first_argument(call, "model_name"), scope))
        if isinstance(func.node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return self._return_value(func.node)
        return UNKNOWN

    def _return_value(self, node: ast.AST) -> Value:
        scope = self.scopes.get(node)
        if scope is None or scope.is_generator:
            return UNKNOWN
        returned = [self.resolve(value, scope) for value in scope.returns]
        clients = [value for value in returned if type(value) is Client]
        if clients and len(clients) == len([value for value in returned if value is not NONE]):
            # What it returns says more than its annotation (``-> OpenAI`` on a local server's client);
            # of several clients, the more cautious (Azure, another server), as for a ``Union``.
            return next((client for client in clients if client.is_azure or client.other_server), clients[0])
        returns_annotation = getattr(node, "returns", None)
        if returns_annotation is not None:
            declared = self.annotation_value(returns_annotation, scope.parent or scope)
            if declared is not UNKNOWN:
                return declared
        if not scope.returns:
            return UNKNOWN
        return merge(returned)

    def subscript(self, base: Value, index: ast.AST) -> Value:
        if isinstance(base, (ApiResult, Part)):
            if isinstance(index, ast.Constant) and isinstance(index.value, str):
                step = f"[{index.value!r}]"
            else:
                step = "[]"
            if isinstance(base, ApiResult):
                return Part(base, (step,))
            return Part(base.result, (*base.path, step))
        if type(base) is StrItems and not base.each:
            position = _integer(index)
            if position is not None and -len(base.items) <= position < len(base.items):
                return base.items[position]
        return UNKNOWN

    def iterate(self, iterable: Value) -> Value:
        if type(iterable) is StrItems and not iterable.each:
            return StrItems(iterable.items, each=True)
        if isinstance(iterable, ApiResult):
            return Part(iterable, ("<item>",))
        if isinstance(iterable, Part):
            return Part(iterable.result, (*iterable.path, "<item>"))
        return UNKNOWN


def _is_none(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def _integer(node: ast.AST) -> Optional[int]:
    """The integer a subscript's index is written as (``0``, ``-1``), if it is one."""
    sign = 1
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        node, sign = node.operand, -1
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return sign * node.value
    return None


def _walk_order(binding: Binding) -> int:
    return binding.seq


def _add(index: Dict[str, Set[str]], key: str, name: str) -> None:
    names = index.get(key)
    if names is None:
        index[key] = {name}
    else:
        names.add(name)


def merge(values: List[Value]) -> Value:
    """The value several bindings agree on; ``None`` bindings are ignored, disagreement is UNKNOWN."""
    proper = [value for value in values if value is not NONE]
    if not proper:
        return NONE if values else UNKNOWN
    first = proper[0]
    if all(value == first for value in proper[1:]):
        return first
    strings = [value for value in proper if isinstance(value, Str)]
    if len(strings) == len(proper) and all(value.value == strings[0].value for value in strings):
        origins: Tuple[ast.Constant, ...] = ()
        for value in strings:
            origins += tuple(o for o in value.origins if o not in origins)
        return Str(strings[0].value, origins)
    return UNKNOWN


def is_openai_url(url: str) -> bool:
    """Whether a URL is on one of OpenAI's hosts (``api.openai.com``, regional ``eu.api.openai.com``)."""
    try:
        host = (urllib.parse.urlsplit(url.strip()).hostname or "").lower()
    except ValueError:  # not a URL at all ("http://[x"): no proof it is OpenAI's
        return False
    return host == "openai.com" or host.endswith(".openai.com")
