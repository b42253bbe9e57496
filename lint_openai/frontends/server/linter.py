"""Everything the server uses from the rest of lint-openai, imported in one place.

The server holds no rule logic: it calls the engine and translates. When modules move, only the
imports below change.
"""

from __future__ import annotations

from lint_openai import __version__
from lint_openai.config.hosts import HostOptions, SettingsResolver
from lint_openai.config.pyproject import forget_config_files, settings_from_mapping
from lint_openai.config.settings import ConfigError, Settings
from lint_openai.diagnostic import Applicability, Diagnostic, Edit, Location
from lint_openai.engine import InternalError, check_source
from lint_openai.fix import applicable, fix_source
from lint_openai.frontends.documents import add_cell_noqa, by_cell, check_cells, fix_cells
from lint_openai.frontends.size_limit import oversized
from lint_openai.rules.base import DEPRECATION, Rule
from lint_openai.rules.docs import doc_sections
from lint_openai.rules.registry import PARSE_ERROR, RULES_BY_CODE
from lint_openai.source.lines import LineIndex
from lint_openai.source.noqa_add import NoqaOutcome, add_noqa
from lint_openai.source.notebook import CodeSpan, Notebook, notebook_from_cells

PARSE_ERROR_CODE = PARSE_ERROR.code

__all__ = [
    "DEPRECATION",
    "PARSE_ERROR_CODE",
    "RULES_BY_CODE",
    "Applicability",
    "CodeSpan",
    "ConfigError",
    "Diagnostic",
    "Edit",
    "HostOptions",
    "InternalError",
    "LineIndex",
    "Location",
    "NoqaOutcome",
    "Notebook",
    "Rule",
    "Settings",
    "SettingsResolver",
    "__version__",
    "add_cell_noqa",
    "add_noqa",
    "applicable",
    "by_cell",
    "check_cells",
    "check_source",
    "doc_sections",
    "fix_cells",
    "fix_source",
    "forget_config_files",
    "notebook_from_cells",
    "oversized",
    "settings_from_mapping",
]
