"""Everything the server uses from the rest of lint-openai, imported in one place.

The server holds no rule logic: it calls the engine and translates. When modules move, only the
imports below change.
"""

from __future__ import annotations

from ... import __version__
from ...diagnostic import Applicability, Diagnostic, Edit, Location
from ...docs import doc_sections
from ...engine import InternalError, check_source
from ...fix import applicable, fix_source
from ...noqa import NOQA_INLINE, is_suppressed
from ...output import docs_url
from ...rules import PARSE_ERROR, RULES_BY_CODE
from ...rules.base import Rule
from ...settings import ConfigError, Settings, forget_config_files, load_settings, settings_from_mapping
from ...source import LineIndex

PARSE_ERROR_CODE = PARSE_ERROR.code

__all__ = [
    "NOQA_INLINE",
    "PARSE_ERROR_CODE",
    "RULES_BY_CODE",
    "Applicability",
    "ConfigError",
    "Diagnostic",
    "Edit",
    "InternalError",
    "LineIndex",
    "Location",
    "Rule",
    "Settings",
    "__version__",
    "applicable",
    "check_source",
    "doc_sections",
    "docs_url",
    "fix_source",
    "forget_config_files",
    "is_suppressed",
    "load_settings",
    "settings_from_mapping",
]
