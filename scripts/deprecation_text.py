"""Classify what an SDK docstring says about deprecation (helpers for ``gen_api_knowledge.py``).

The SDK words deprecations in a handful of ways; each is a pattern below. Text that mentions deprecation
in any other way is "unclassified": the generator stops on it unless the hand-written sources explain it,
so a reworded docstring is noticed instead of silently dropped.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Optional

from sdk_introspect import sentences

# A sentence that deprecates the documented parameter itself.
SELF_DEPRECATION = (
    re.compile(r"^\**Deprecated\b"),  # "Deprecated in favor of `tools`.", "**Deprecated:** use `summary` ..."
    re.compile(r"\bDeprecated: use\b"),  # "Geography for the project. Deprecated: use `residency` ..."
    re.compile(r"\b(?:value|field|parameter) is (?:now )?deprecated\b"),
    re.compile(r"^This field is being replaced by\b"),
    re.compile(r"^Legacy [\w ]+ parameter for retired\b"),
)
# A following sentence that belongs to the deprecation note (what to do instead, what still works).
CONTINUATIONS = ("Use ", "Unsupported ", "This parameter remains", "This field is retained", "Do not provide")
MENTION = re.compile(r"deprecat|being replaced|legacy|retired", re.I)
VALUES_HEADING = "Deprecated values:"
_VALUE_ITEM = re.compile(r'((?:"[^"]+", )*"[^"]+"): (.+)', re.S)
_CODE_NAME = re.compile(r"`([A-Za-z_][\w.]*)`")

# What a method's own description (or @deprecated message) says about the endpoint's lifetime.
SCHEDULED = re.compile(r"scheduled to (?:permanently )?shut down on ([A-Z][a-z]+ \d{1,2}, \d{4})")
RETIRED = re.compile(r"\b(?:endpoint|API) is retired\b")


@dataclass
class DocDeprecation:
    """What one parameter or field docstring says.

    ``note`` is the sentence that deprecates the parameter itself (plus a following sentence that says
    what to use instead or what still works);
    ``values`` are the "Deprecated values:" items as (values, note); ``mention`` is set when the text
    talks about deprecation in a way no pattern covers.
    """

    note: Optional[str] = None
    values: list[tuple[list[str], str]] = field(default_factory=list)
    mention: Optional[str] = None

    @property
    def deprecates(self) -> bool:
        return self.note is not None or bool(self.values)

    def replacement_names(self, own_name: str) -> list[str]:
        """Code-formatted names in the note, in order, without the parameter's own name."""
        names = [] if self.note is None else _CODE_NAME.findall(self.note)
        return list(dict.fromkeys(n for n in names if n != own_name))


def classify(text: str) -> DocDeprecation:
    """Read one parameter/field docstring (lines stripped and joined with newlines)."""
    main, _, values_block = text.partition(VALUES_HEADING)
    result = DocDeprecation(values=deprecated_values(values_block))
    parts = sentences(main)
    for index, sentence in enumerate(parts):
        if any(p.search(sentence) for p in SELF_DEPRECATION):
            following = parts[index + 1] if index + 1 < len(parts) else ""
            result.note = f"{sentence} {following}" if following.startswith(CONTINUATIONS) else sentence
            return result
    if MENTION.search(main):
        result.mention = " ".join(main.split())
    return result


def deprecated_values(block: str) -> list[tuple[list[str], str]]:
    """The items of a "Deprecated values:" section: ``- "a", "b": note``."""
    items = []
    for raw in re.split(r"^- ", block.strip(), flags=re.M):
        item = " ".join(raw.split())
        if not item:
            continue
        match = _VALUE_ITEM.fullmatch(item)
        if not match:
            raise SystemExit(f"cannot parse a deprecated-values item {item!r}; teach deprecation_text.py")
        items.append((re.findall(r'"([^"]+)"', match.group(1)), match.group(2)))
    return items


@dataclass(frozen=True)
class Statement:
    """A sentence of a method's description or @deprecated message about the endpoint's shutdown."""

    text: str
    date: Optional[str]


def lifecycle_statements(text: str) -> list[Statement]:
    """Sentences saying the endpoint is retired or is scheduled to shut down (with the ISO date)."""
    found = []
    for sentence in sentences(text):
        match = SCHEDULED.search(sentence)
        if match:
            day = datetime.datetime.strptime(match.group(1), "%B %d, %Y").date().isoformat()
            found.append(Statement(sentence, day))
        elif RETIRED.search(sentence):
            found.append(Statement(sentence, None))
    return found
