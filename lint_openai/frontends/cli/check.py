"""``lint-openai check``: discover files, check them, print findings, choose the exit code."""

from __future__ import annotations

import argparse
import io
from pathlib import Path
from typing import TYPE_CHECKING, List, Optional, Set, TextIO

from lint_openai.config.hosts import SettingsResolver, cli_options
from lint_openai.config.settings import ConfigError, Settings
from lint_openai.diagnostic import Diagnostic
from lint_openai.frontends.cli.cache.location import cache_directory, cache_disabled
from lint_openai.frontends.cli.discovery import FileKinds, excludes_for, iter_python_files
from lint_openai.frontends.cli.exit_status import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS
from lint_openai.frontends.cli.output.formats import MACHINE_FORMATS, formatter
from lint_openai.frontends.cli.output.report import Report, project_dir, statistics, summary, use_color
from lint_openai.frontends.cli.parallel import check_files, tasks_for
from lint_openai.frontends.cli.paths import MISSING, path_problem, resolved, resolved_all
from lint_openai.frontends.cli.results import FileResult, FixMode
from lint_openai.frontends.cli.show_settings import format_settings
from lint_openai.frontends.cli.stdin import fixed_bytes, read_stdin, write_bytes

if TYPE_CHECKING:
    from lint_openai.frontends.cli.cache.store import ResultsCache


class CheckCommand:
    """``lint-openai check``: discover files, check them, print findings, choose the exit code."""

    def __init__(self, args: argparse.Namespace, out: TextIO, err: TextIO) -> None:
        self.args = args
        self.out = out
        self.err = err
        self.settings = SettingsResolver(
            cli_options(
                select=args.select,
                extend_select=args.extend_select,
                ignore=args.ignore,
                today=args.today,
                config_file=args.config,
                isolated=args.isolated,
                exclude=args.exclude,
                extend_exclude=args.extend_exclude,
                per_file_ignores=args.per_file_ignores,
                extend_per_file_ignores=args.extend_per_file_ignores,
                force_exclude=args.force_exclude,
                respect_gitignore=args.respect_gitignore,
                notebooks=args.notebooks,
                config_files=args.config_files,
                max_file_size=args.max_file_size,
            )
        )
        self.fix_mode: Optional[FixMode] = None
        self._stdin_echo = b""  # what check - --fix prints
        if args.fix or args.fix_only or args.diff:
            self.fix_mode = FixMode(unsafe=args.unsafe_fixes, write=not args.diff)
        if args.add_noqa:
            if self.fix_mode is not None or args.paths == ["-"]:
                raise ConfigError("--add-noqa changes files: it takes no --fix, --fix-only, --diff or stdin")
            self.fix_mode = FixMode(noqa=True)

    def settings_for(self, path: Path) -> Settings:
        """Settings for a file: its nearest config (or ``--config``), overridden by the command line."""
        return self.settings.for_path(path)

    def run(self) -> int:
        if self.args.show_settings:
            self.out.write(self._show_settings())
            return EXIT_CLEAN
        if self.args.show_files:
            for path in self._discover():
                self.out.write(f"{path}\n")
            return EXIT_CLEAN
        stdin = self.args.paths == ["-"]
        results = self._check_stdin() if stdin else self._check_paths()
        diagnostics: List[Diagnostic] = [d for result in results for d in result.diagnostics]
        fixed = sum(result.fixed for result in results)
        for result in results:
            self._messages(result)
        report_stream = self._report_stream(stdin)
        if self.args.add_noqa:
            return self._finish_add_noqa(results, diagnostics, fixed, report_stream)
        if self.args.diff:
            self.out.write("".join(result.diff() for result in results))
            if not self.args.quiet:
                self.err.write(f"Would fix {fixed} error{'s' if fixed != 1 else ''}.\n")
        elif stdin and self.fix_mode:
            write_bytes(self.out, self._stdin_echo)
        if not self.args.diff and not self.args.fix_only:
            self._report(results, diagnostics, fixed, report_stream)
        elif self.args.fix_only:
            self._show_fixes(results, diagnostics, report_stream)
            if not self.args.quiet:
                report_stream.write(f"Fixed {fixed} error{'s' if fixed != 1 else ''}.\n")
        self._write_output_file(report_stream)
        return self._exit_code(results, diagnostics, fixed)

    def _messages(self, result: FileResult) -> None:
        """The per-file messages on stderr: internal errors, skipped files, fixes not applied or not written."""
        if result.internal_error:
            self.err.write(
                f"error: {result.internal_error} (this is a bug in lint-openai; please report it)\n"
            )
        if result.skipped:
            self.err.write(f"warning: {result.path}: skipped: {result.skipped}\n")
        if result.fix_error:
            self.err.write(f"warning: {result.path}: {result.fix_error}\n")
        if result.note and not self.args.quiet:
            self.err.write(f"note: {result.path}: {result.note}\n")
        if result.write_error:
            self.err.write(f"error: {result.path}: {result.write_error}\n")
        elif self.fix_mode and not self.fix_mode.noqa and result.unchecked:
            kept = (
                "printed unchanged" if self.args.paths == ["-"] and self.fix_mode.write else "left unchanged"
            )
            self.err.write(f"error: {result.path}: not fixed ({result.unchecked}); {kept}\n")

    def _show_fixes(self, results: List[FileResult], diagnostics: List[Diagnostic], stream: TextIO) -> None:
        """``--show-fixes``: the fixes applied, or available; on stderr beside a machine-readable report."""
        if not self.args.show_fixes:
            return
        from lint_openai.frontends.cli.output.fixes import (  # noqa: PLC0415 - only --show-fixes lists fixes
            format_applied_fixes,
            format_available_fixes,
        )

        if self.fix_mode is not None:
            listing = format_applied_fixes((result.path, result.fixed_codes) for result in results)
        else:
            listing = format_available_fixes(diagnostics, self.args.unsafe_fixes)
        (self.err if self.args.output_format in MACHINE_FORMATS else stream).write(listing)

    def _show_settings(self) -> str:
        """The settings of the first file to check (of the first path given, if it holds no file)."""
        if self.args.paths == ["-"]:
            path = Path(self.args.stdin_filename or "-")
        else:
            files = self._discover()
            path = files[0] if files else Path((self.args.paths or ["."])[0])
        return format_settings(resolved(path), self.settings_for(resolved(path)), self.args.isolated)

    def _finish_add_noqa(
        self, results: List[FileResult], diagnostics: List[Diagnostic], added: int, stream: TextIO
    ) -> int:
        """Report what no directive could suppress (parse errors), and how many directives were added."""
        if diagnostics:
            self._report(results, diagnostics, 0, stream)
        if not self.args.quiet:
            self.err.write(f"Added {added} noqa directive{'s' if added != 1 else ''}.\n")
        self._write_output_file(stream)
        return self._exit_code(results, diagnostics, 0)

    def _report_stream(self, stdin: bool) -> TextIO:
        """Where the report goes: ``--output-file`` (collected here first), else stdout; stderr when stdout
        carries the fixed source read from stdin."""
        if self.args.output_file:
            return io.StringIO()
        return self.err if stdin and self.fix_mode and self.fix_mode.write else self.out

    def _write_output_file(self, report: TextIO) -> None:
        if not self.args.output_file or not isinstance(report, io.StringIO):
            return  # with --output-file the report was collected in a StringIO (_report_stream)
        path = Path(self.args.output_file)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(report.getvalue(), encoding="utf-8")
        except OSError as error:
            raise ConfigError(f"--output-file: cannot write {path}: {error.strerror or error}") from None

    def _report(
        self, results: List[FileResult], diagnostics: List[Diagnostic], fixed: int, stream: TextIO
    ) -> None:
        report = Report(
            diagnostics,
            {result.path: _reported_source(result) for result in results},
            color=self.args.output_format in ("concise", "full")
            and not self.args.output_file
            and use_color(stream),
            unsafe_fixes=self.args.unsafe_fixes,
            root=project_dir(),
        )
        if self.args.statistics:
            stream.write(statistics(report))
        else:
            stream.write(formatter(self.args.output_format)(report))
        self._show_fixes(results, diagnostics, stream)
        if not self.args.quiet and self.args.output_format not in MACHINE_FORMATS:
            stream.write(summary(diagnostics, fixed, self.args.unsafe_fixes))

    def _exit_code(self, results: List[FileResult], diagnostics: List[Diagnostic], fixed: int) -> int:
        if any(result.internal_error for result in results):
            return EXIT_ERROR
        if self.args.exit_zero:
            return EXIT_CLEAN
        if self.fix_mode and any(result.write_error or result.unchecked for result in results):
            return EXIT_FINDINGS  # a file that could not be fixed (or its fixes not written) is never a pass
        if self.args.fix_only:
            return EXIT_CLEAN
        if self.args.diff:
            return EXIT_FINDINGS if fixed else EXIT_CLEAN
        return EXIT_FINDINGS if diagnostics else EXIT_CLEAN

    def _check_stdin(self) -> List[FileResult]:
        from lint_openai.frontends.cli.runner import check_data  # noqa: PLC0415 - the engine loads when needed

        shown = self.args.stdin_filename or "-"
        settings = self.settings_for(resolved(Path(self.args.stdin_filename or ".")))
        data = read_stdin()
        result = check_data(data, shown, settings, self.fix_mode)
        if self.fix_mode and self.fix_mode.write:
            self._stdin_echo, dropped = fixed_bytes(data, result)
            if dropped:  # the input is printed unchanged: report its own findings
                result = check_data(data, shown, settings)
                result.write_error = dropped
        return [result]

    def _discover(self) -> List[Path]:
        """The files to check, after exclusions and ``.gitignore``; every path must exist."""
        paths = [Path(p) for p in (self.args.paths or ["."])]
        problems = [(p, path_problem(p)) for p in paths]
        missing = [p for p, problem in problems if problem == MISSING]
        if missing:
            raise ConfigError(f"{MISSING}: {', '.join(str(p) for p in missing)}")
        for path, problem in problems:
            if problem:
                raise ConfigError(f"{path}: {problem}")
        files: List[Path] = []
        for path in paths:
            settings = self.settings_for(resolved(path))
            files.extend(
                iter_python_files(
                    [path],
                    excludes_for(settings),
                    force_exclude=settings.force_exclude,
                    respect_gitignore=settings.respect_gitignore,
                    project_root=settings.project_root,
                    kinds=FileKinds(notebooks=settings.notebooks, config_files=settings.config_files),
                )
            )
        return files

    def _check_paths(self) -> List[FileResult]:
        files = self._discover()
        if self.fix_mode and self.fix_mode.write:
            # One task per file: two names of it (a symlink, a path given twice) fixed in parallel would race.
            files = _first_of_each(files)
        settings = [self.settings_for(real) for real in resolved_all(files)]
        cache = self._results_cache()
        results = check_files(tasks_for(files, settings, self.fix_mode), self.args.jobs, cache)
        problem = cache.save() if cache is not None else None
        if problem:
            self.err.write(f"warning: {problem}\n")
        return results

    def _results_cache(self) -> Optional[ResultsCache]:
        """The results cache, for checking only: fixes, ``--diff`` and ``--add-noqa`` always check afresh (and
        stdin is never cached)."""
        if self.args.no_cache or cache_disabled() or self.fix_mode is not None:
            return None
        from lint_openai.frontends.cli.cache.store import ResultsCache  # noqa: PLC0415 - not with --no-cache

        return ResultsCache(cache_directory(self.args.cache_dir, self.settings_for(Path.cwd()).project_root))


def _first_of_each(files: List[Path]) -> List[Path]:
    """``files`` without later names of a file already listed (same resolved path), in order."""
    seen: Set[Path] = set()
    kept = []
    for file in files:
        real = resolved(file)
        if real not in seen:
            seen.add(real)
            kept.append(file)
    return kept


def _reported_source(result: FileResult) -> str:
    """The text the remaining findings point into: the fixed text once fixes were applied."""
    return result.fixed_source if result.fixed_source is not None else result.source or ""
