"""The command-line grammar of ``lint-openai`` (argparse)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Sequence

from lint_openai import __version__
from lint_openai.frontends.cli.output.formats import FORMAT_NAMES


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number, got {text!r}")
    return value


if TYPE_CHECKING:
    Commands = argparse._SubParsersAction[argparse.ArgumentParser]


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, given the terminal's width as ``shutil.get_terminal_size`` finds it (``COLUMNS``,
    else the terminal, else 80): argparse builds one for every argument it adds, and would import ``shutil``
    (with ``bz2`` and ``lzma``) for the width."""

    def __init__(
        self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: Optional[int] = None
    ) -> None:
        super().__init__(
            prog, indent_increment, max_help_position, _columns() - 2 if width is None else width
        )


def _columns() -> int:
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    stdout = sys.__stdout__
    try:
        return (os.get_terminal_size(stdout.fileno()).columns if stdout is not None else 0) or 80
    except (AttributeError, ValueError, OSError):
        return 80


def command_of(argv: Sequence[str]) -> Optional[str]:
    """The subcommand ``argv`` names (its first word, as the top level takes no option values), if known."""
    first = next((word for word in argv if not word.startswith("-")), None)
    return first if first in SUBCOMMANDS else None


def build_parser(command: Optional[str] = None) -> argparse.ArgumentParser:
    """The parser; with ``command``, only that subcommand (what parsing a command line naming it needs)."""
    parser = argparse.ArgumentParser(
        prog="lint-openai",
        description="Find code that breaks against the OpenAI Python SDK (openai>=1.0) and tiktoken.",
        formatter_class=HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"lint-openai {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, add in SUBCOMMANDS.items():
        if command in (None, name):
            add(commands)
    return parser


def _add_check(commands: Commands) -> None:
    check = _subcommand(commands, "check", "check files and directories (default: .)")
    check.add_argument("paths", nargs="*", help="files or directories; '-' reads source from stdin")
    check.add_argument("--select", action="append", help="rule codes or prefixes to enable (replaces config)")
    check.add_argument("--extend-select", action="append", help="rule codes or prefixes to enable as well")
    check.add_argument("--ignore", action="append", help="rule codes or prefixes to disable")
    check.add_argument(
        "--output-format",
        choices=sorted(FORMAT_NAMES),
        default="concise",
        help="how to print findings (default: concise)",
    )
    check.add_argument(
        "--output-file", "-o", type=Path, metavar="FILE", help="write the report to FILE instead of stdout"
    )
    check.add_argument("--today", help="pin today's date (YYYY-MM-DD) for model lifecycle rules")
    configuration = check.add_mutually_exclusive_group()
    configuration.add_argument(
        "--config", type=Path, help="use this pyproject.toml instead of discovering one"
    )
    configuration.add_argument(
        "--isolated", action="store_true", help="ignore every configuration file ([tool.lint-openai])"
    )
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument("--quiet", "-q", action="store_true", help="print findings only, no summary")
    check.add_argument("--statistics", action="store_true", help="print the number of findings per code")
    check.add_argument("--show-files", action="store_true", help="print the files that would be checked")
    check.add_argument(
        "--show-settings",
        action="store_true",
        help="print the settings the first file is checked with (as TOML), and the rules enabled for it",
    )
    check.add_argument("--stdin-filename", help="the path to report for source read from stdin")
    check.add_argument(
        "--exclude",
        action="append",
        metavar="PATTERN",
        help="files and directories to skip, replacing the default and configured excludes",
    )
    check.add_argument(
        "--extend-exclude",
        action="append",
        metavar="PATTERN",
        help="files and directories to skip as well as the excluded ones",
    )
    check.add_argument(
        "--per-file-ignores",
        action="append",
        metavar="PATTERN:CODES",
        help="codes to ignore in matching files, e.g. 'legacy/*.py:OAI101,OAI102' (replaces the configured table)",
    )
    check.add_argument(
        "--extend-per-file-ignores",
        action="append",
        metavar="PATTERN:CODES",
        help="like --per-file-ignores, added to the configured table",
    )
    check.add_argument(
        "--force-exclude",
        action="store_true",
        default=None,
        help="apply exclusions to files named explicitly too",
    )
    check.add_argument(
        "--no-respect-gitignore",
        dest="respect_gitignore",
        action="store_false",
        default=None,
        help="check files that .gitignore excludes",
    )
    check.add_argument(
        "--max-file-size",
        metavar="SIZE",
        help='skip larger files with an OAI001 finding (bytes, or "512KB", "2MB"; 0: no limit; default 2MB)',
    )
    check.add_argument(
        "--no-cache",
        action="store_true",
        help="neither read nor write the results cache (also: LINT_OPENAI_NO_CACHE=1; --fix and --diff never use it)",
    )
    check.add_argument(
        "--cache-dir",
        type=Path,
        metavar="DIR",
        help="where the results cache is (default: LINT_OPENAI_CACHE_DIR, else .lint_openai_cache in the project root)",
    )
    check.add_argument(
        "--jobs",
        "-j",
        type=_positive_int,
        help="check files on this many processes (default: the number of CPUs)",
    )
    kinds = check.add_argument_group("file kinds (directories; files named explicitly are always checked)")
    kinds.add_argument(
        "--notebooks",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="check Jupyter notebooks (.ipynb) found in directories (default: yes; config: notebooks)",
    )
    kinds.add_argument(
        "--config-files",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="check .env, YAML, TOML, JSON and INI files for model ids (default: no; config: config-files)",
    )
    fixing = check.add_argument_group("fixes")
    fixing.add_argument("--fix", action="store_true", help="apply safe fixes, then report what remains")
    fixing.add_argument("--unsafe-fixes", action="store_true", help="also apply (or offer) unsafe fixes")
    shown = fixing.add_mutually_exclusive_group()
    shown.add_argument(
        "--diff", action="store_true", help="print the fixes as a unified diff; change nothing"
    )
    shown.add_argument(
        "--show-fixes",
        action="store_true",
        help="list the fixes applied (with --fix) or available, per file and code",
    )
    fixing.add_argument("--fix-only", action="store_true", help="apply fixes and report nothing else")
    fixing.add_argument(
        "--add-noqa",
        action="store_true",
        help="add a '# noqa: CODE' directive to each line with a finding (to adopt lint-openai on existing code)",
    )

    _add_debug(check)


def _add_models(commands: Commands) -> None:
    listing = _subcommand(commands, "models", "list the model lifecycle data (status as of today)")
    listing.add_argument("pattern", nargs="?", help="only ids containing this text")
    listing.add_argument("--status", choices=("retired", "deprecated", "active"), help="only this status")
    listing.add_argument("--kind", help="only this kind (chat, completions, embeddings, image, ...)")
    listing.add_argument("--today", help="the date to compute status against (YYYY-MM-DD)")
    listing.add_argument("--output-format", choices=("table", "json"), default="table")
    listing.add_argument(
        "--config", type=Path, help="use this pyproject.toml (for models-override and today)"
    )
    listing.add_argument(
        "--refresh",
        action="store_true",
        help="read shutdown dates from GET /v1/models (needs OPENAI_API_KEY) and write an override file",
    )
    listing.add_argument(
        "--write",
        type=Path,
        default=Path(".lint-openai-models.json"),
        help="where --refresh writes (point models-override in [tool.lint-openai] at it)",
    )
    _add_debug(listing)


def _add_server(commands: Commands) -> None:
    server = _subcommand(
        commands,
        "server",
        'run the language server (LSP) on stdin/stdout (needs: pip install "lint-openai[server]")',
    )
    _add_debug(server)


def _add_clean(commands: Commands) -> None:
    clean = _subcommand(commands, "clean", "remove the results cache (the one `check` run here would use)")
    clean.add_argument("--cache-dir", type=Path, metavar="DIR", help="the cache to remove (as for check)")


def _add_rule(commands: Commands) -> None:
    rule = _subcommand(commands, "rule", "print the documentation of a rule")
    rule.add_argument("code", nargs="?", help="rule code or symbol, e.g. OAI101")
    rule.add_argument("--all", action="store_true", help="print every rule")
    _add_debug(rule)


def _add_debug(command: argparse.ArgumentParser) -> None:
    command.add_argument("--debug", action="store_true", help="show the traceback of an internal error")


def _subcommand(commands: Commands, name: str, description: str) -> argparse.ArgumentParser:
    return commands.add_parser(name, help=description, formatter_class=HelpFormatter)


SUBCOMMANDS = {
    "check": _add_check,
    "models": _add_models,
    "server": _add_server,
    "clean": _add_clean,
    "rule": _add_rule,
}
