"""The command-line grammar of ``lint-openai`` (argparse)."""

from __future__ import annotations

import argparse
from pathlib import Path

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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lint-openai",
        description="Find code that breaks against the OpenAI Python SDK (openai>=1.0) and tiktoken.",
    )
    parser.add_argument("--version", action="version", version=f"lint-openai {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="check files and directories (default: .)")
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

    check.add_argument("--debug", action="store_true", help="show the traceback of an internal error")
    _add_other_commands(commands)
    return parser


def _add_other_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``models``, ``server`` and ``rule`` subcommands."""
    listing = commands.add_parser("models", help="list the model lifecycle data (status as of today)")
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

    server = commands.add_parser(
        "server",
        help='run the language server (LSP) on stdin/stdout (needs: pip install "lint-openai[server]")',
    )

    clean = commands.add_parser("clean", help="remove the results cache (the one `check` run here would use)")
    clean.add_argument("--cache-dir", type=Path, metavar="DIR", help="the cache to remove (as for check)")

    rule = commands.add_parser("rule", help="print the documentation of a rule")
    rule.add_argument("code", nargs="?", help="rule code or symbol, e.g. OAI101")
    rule.add_argument("--all", action="store_true", help="print every rule")
    for command in (listing, server, rule):
        command.add_argument("--debug", action="store_true", help="show the traceback of an internal error")
