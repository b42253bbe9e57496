"""The ``lint-openai`` command line. Translates engine diagnostics to text; holds no rule logic."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Dict, List, Optional, Sequence, TextIO

from . import __version__
from .diagnostic import Diagnostic
from .discovery import DEFAULT_EXCLUDES, iter_python_files
from .docs import render_rule
from .knowledge.models import models_with_overrides
from .models_command import (
    default_client_factory,
    fetch_shutdown_dates,
    format_table,
    model_rows,
    write_override,
)
from .output import FORMATTERS, MACHINE_FORMATS, Report, statistics, summary, use_color
from .parallel import check_files, tasks_for
from .rules import find_rule
from .runner import FileResult, FixMode, check_data
from .selection import validate_selectors
from .settings import ConfigError, Settings, load_config_file, load_settings, parse_date

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _codes(values: Optional[List[str]]) -> Optional[List[str]]:
    """Flatten repeated, comma-separated code options (``--select OAI101,OAI102 --select OAI2``)."""
    if values is None:
        return None
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


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
        choices=sorted(FORMATTERS),
        default="concise",
        help="how to print findings (default: concise)",
    )
    check.add_argument("--today", help="pin today's date (YYYY-MM-DD) for model lifecycle rules")
    check.add_argument("--config", type=Path, help="use this pyproject.toml instead of discovering one")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument("--quiet", "-q", action="store_true", help="print findings only, no summary")
    check.add_argument("--statistics", action="store_true", help="print the number of findings per code")
    check.add_argument("--show-files", action="store_true", help="print the files that would be checked")
    check.add_argument("--stdin-filename", help="the path to report for source read from stdin")
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
        "--jobs",
        "-j",
        type=_positive_int,
        help="check files on this many processes (default: the number of CPUs)",
    )
    fixing = check.add_argument_group("fixes")
    fixing.add_argument("--fix", action="store_true", help="apply safe fixes, then report what remains")
    fixing.add_argument("--unsafe-fixes", action="store_true", help="also apply (or offer) unsafe fixes")
    fixing.add_argument(
        "--diff", action="store_true", help="print the fixes as a unified diff; change nothing"
    )
    fixing.add_argument("--fix-only", action="store_true", help="apply fixes and report nothing else")

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

    commands.add_parser(
        "server",
        help='run the language server (LSP) on stdin/stdout (needs: pip install "lint-openai[server]")',
    )

    rule = commands.add_parser("rule", help="print the documentation of a rule")
    rule.add_argument("code", nargs="?", help="rule code or symbol, e.g. OAI101")
    rule.add_argument("--all", action="store_true", help="print every rule")
    return parser


class CheckCommand:
    """``lint-openai check``: discover files, check them, print findings, choose the exit code."""

    def __init__(self, args: argparse.Namespace, out: TextIO, err: TextIO) -> None:
        self.args = args
        self.out = out
        self.err = err
        self.select = _codes(args.select)
        self.extend_select = _codes(args.extend_select)
        self.ignore = _codes(args.ignore)
        for option, codes in (
            ("--select", self.select),
            ("--extend-select", self.extend_select),
            ("--ignore", self.ignore),
        ):
            if codes:
                validate_selectors(codes, option)
        self.today = parse_date(args.today, "--today") if args.today else None
        self.fixed_config = load_config_file(args.config.resolve()) if args.config else None
        self._settings_cache: Dict[Path, Settings] = {}
        self.fix_mode: Optional[FixMode] = None
        if args.fix or args.fix_only or args.diff:
            self.fix_mode = FixMode(unsafe=args.unsafe_fixes, write=not args.diff)

    def settings_for(self, path: Path) -> Settings:
        """Settings for a file: its nearest config (or ``--config``), overridden by the command line."""
        directory = path.parent if not path.is_dir() else path
        if directory not in self._settings_cache:
            base = self.fixed_config or load_settings(directory)
            self._settings_cache[directory] = base.with_host_options(
                tuple(self.select or ()),
                tuple(self.extend_select or ()),
                tuple(self.ignore or ()),
                self.today,
            )
        return self._settings_cache[directory]

    def run(self) -> int:
        if self.args.show_files:
            for path in self._discover():
                self.out.write(f"{path}\n")
            return EXIT_CLEAN
        stdin = self.args.paths == ["-"]
        results = self._check_stdin() if stdin else self._check_paths()
        diagnostics: List[Diagnostic] = [d for result in results for d in result.diagnostics]
        fixed = sum(result.fixed for result in results)
        for result in results:
            if result.internal_error:
                self.err.write(
                    f"error: {result.internal_error} (this is a bug in lint-openai; please report it)\n"
                )
            if result.fix_error:
                self.err.write(f"warning: {result.path}: {result.fix_error}\n")
        report_stream = self.err if stdin and self.fix_mode and self.fix_mode.write else self.out
        if self.args.diff:
            self.out.write("".join(result.diff() for result in results))
            if not self.args.quiet:
                self.err.write(f"Would fix {fixed} error{'s' if fixed != 1 else ''}.\n")
        elif stdin and self.fix_mode:
            self.out.write(results[0].fixed_source or results[0].source or "")
        if not self.args.diff and not self.args.fix_only:
            self._report(results, diagnostics, fixed, report_stream)
        elif self.args.fix_only and not self.args.quiet:
            report_stream.write(f"Fixed {fixed} error{'s' if fixed != 1 else ''}.\n")
        return self._exit_code(results, diagnostics, fixed)

    def _report(
        self, results: List[FileResult], diagnostics: List[Diagnostic], fixed: int, stream: TextIO
    ) -> None:
        report = Report(
            diagnostics,
            {result.path: result.source or "" for result in results},
            color=self.args.output_format in ("concise", "full") and use_color(stream),
            unsafe_fixes=self.args.unsafe_fixes,
        )
        if self.args.statistics:
            stream.write(statistics(report))
        else:
            stream.write(FORMATTERS[self.args.output_format](report))
        if not self.args.quiet and self.args.output_format not in MACHINE_FORMATS:
            stream.write(summary(diagnostics, fixed, self.args.unsafe_fixes))

    def _exit_code(self, results: List[FileResult], diagnostics: List[Diagnostic], fixed: int) -> int:
        if any(result.internal_error for result in results):
            return EXIT_ERROR
        if self.args.exit_zero or self.args.fix_only:
            return EXIT_CLEAN
        if self.args.diff:
            return EXIT_FINDINGS if fixed else EXIT_CLEAN
        return EXIT_FINDINGS if diagnostics else EXIT_CLEAN

    def _check_stdin(self) -> List[FileResult]:
        shown = self.args.stdin_filename or "-"
        settings = self.settings_for(Path(self.args.stdin_filename or ".").resolve())
        return [check_data(sys.stdin.buffer.read(), shown, settings, self.fix_mode)]

    def _discover(self) -> List[Path]:
        """The files to check, after exclusions and ``.gitignore``; every path must exist."""
        paths = [Path(p) for p in (self.args.paths or ["."])]
        missing = [p for p in paths if not p.exists() and not p.is_symlink()]
        if missing:
            raise ConfigError(f"no such file or directory: {', '.join(str(p) for p in missing)}")
        files: List[Path] = []
        for path in paths:
            settings = self.settings_for(path.resolve())
            excludes = (*(settings.exclude or DEFAULT_EXCLUDES), *settings.extend_exclude)
            force = settings.force_exclude if self.args.force_exclude is None else self.args.force_exclude
            gitignore = (
                settings.respect_gitignore
                if self.args.respect_gitignore is None
                else self.args.respect_gitignore
            )
            files.extend(
                iter_python_files(
                    [path],
                    excludes,
                    force_exclude=force,
                    respect_gitignore=gitignore,
                    project_root=settings.project_root,
                )
            )
        return files

    def _check_paths(self) -> List[FileResult]:
        files = self._discover()
        settings = [self.settings_for(file.resolve()) for file in files]
        return check_files(tasks_for(files, settings, self.fix_mode), self.args.jobs)


def _models_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    settings = load_config_file(args.config.resolve()) if args.config else load_settings(Path.cwd())
    today = parse_date(args.today, "--today") if args.today else settings.effective_today()
    if args.refresh:
        try:
            dates = fetch_shutdown_dates(default_client_factory())
        except Exception as error:  # the SDK's own errors (no key, network) end the command cleanly
            raise ConfigError(f"--refresh failed: {type(error).__name__}: {error}") from None
        write_override(args.write, dates, today)
        known = sum(1 for value in dates.values() if value)
        err.write(
            f"wrote {args.write}: {len(dates)} models, {known} with a shutdown date; "
            f'set models-override = "{args.write}" in [tool.lint-openai] to use it\n'
        )
        return EXIT_CLEAN
    table = models_with_overrides(settings.model_shutdown_dates, settings.models_override_source)
    rows = model_rows(table, today, args.status, args.kind, args.pattern)
    if args.output_format == "json":
        out.write(json.dumps(rows, indent=1) + "\n")
    else:
        out.write(format_table(rows))
    return EXIT_CLEAN


def _rule_command(args: argparse.Namespace, out: TextIO) -> int:
    from .rules import ALL_RULES

    if args.all:
        out.write("\n".join(render_rule(rule) for rule in ALL_RULES))
        return EXIT_CLEAN
    if not args.code:
        raise ConfigError("give a rule code (e.g. OAI101) or --all")
    try:
        rule = find_rule(args.code)
    except KeyError:
        raise ConfigError(f"unknown rule {args.code!r}") from None
    out.write(render_rule(rule))
    return EXIT_CLEAN


SERVER_PACKAGES = ("pygls", "lsprotocol", "cattrs", "attrs")


def _server_command(err: TextIO) -> int:
    """``lint-openai server``: pygls is imported only here, so the linter runs without it."""
    try:
        from .frontends.server.app import serve
    except ModuleNotFoundError as error:
        if (error.name or "").split(".")[0] not in SERVER_PACKAGES:
            raise
        err.write(
            f"lint-openai: error: the language server needs the 'server' extra ({error}); "
            'install it with: pip install "lint-openai[server]"\n'
        )
        return EXIT_ERROR
    return serve()


def main(argv: Optional[Sequence[str]] = None, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Run the command line; returns the exit code (0 clean, 1 findings, 2 usage or internal error)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "rule":
            return _rule_command(args, out)
        if args.command == "models":
            return _models_command(args, out, err)
        if args.command == "check":
            return CheckCommand(args, out, err).run()
        if args.command == "server":
            return _server_command(err)
        parser.print_help(out)
        return EXIT_CLEAN
    except ConfigError as error:
        err.write(f"lint-openai: error: {error}\n")
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_CLEAN
    except KeyboardInterrupt:
        return 130


def main_entry() -> None:
    """Console-script entry point."""
    sys.exit(main())
