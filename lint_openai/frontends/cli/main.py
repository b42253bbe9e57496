"""The ``lint-openai`` command line: dispatch to the subcommands. Holds no rule logic."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Optional, Sequence, TextIO

from lint_openai.config.hosts import HostOptions, SettingsResolver
from lint_openai.config.settings import ConfigError, parse_date
from lint_openai.frontends.cli.check import CheckCommand
from lint_openai.frontends.cli.clean import clean_command
from lint_openai.frontends.cli.collector import resume
from lint_openai.frontends.cli.exit_status import EXIT_CLEAN, EXIT_ERROR
from lint_openai.frontends.cli.parser import build_parser, command_of
from lint_openai.rules.registry import all_rules, find_rule


def _models_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    # The model table and its output load for this command only.
    from lint_openai.frontends.cli.list_models import (  # noqa: PLC0415
        default_client_factory,
        fetch_shutdown_dates,
        format_table,
        model_rows,
        write_override,
    )
    from lint_openai.knowledge.model_lifecycle import models_with_overrides  # noqa: PLC0415

    settings = SettingsResolver(HostOptions(config_file=args.config)).for_path(Path.cwd())
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
        import json  # noqa: PLC0415 - this output only

        out.write(json.dumps(rows, indent=1) + "\n")
    else:
        out.write(format_table(rows))
    return EXIT_CLEAN


def _rule_command(args: argparse.Namespace, out: TextIO) -> int:
    from lint_openai.rules.docs import render_rule  # noqa: PLC0415 - documentation for this command only

    if args.all:
        out.write("\n".join(render_rule(rule) for rule in all_rules()))
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
        from lint_openai.frontends.server.app import serve  # noqa: PLC0415 - optional: the `server` extra
    except ModuleNotFoundError as error:
        if (error.name or "").split(".")[0] not in SERVER_PACKAGES:
            raise
        err.write(
            f"lint-openai: error: the language server needs the 'server' extra ({error}); "
            'install it with: pip install "lint-openai[server]"\n'
        )
        return EXIT_ERROR
    resume()  # a long-running process: every lint makes garbage (start-up ran with the collector paused)
    return serve()


def main(argv: Optional[Sequence[str]] = None, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Run the command line; returns the exit code (0 clean, 1 findings, 2 usage or internal error)."""
    words = sys.argv[1:] if argv is None else argv
    parser = build_parser(command_of(words))
    args = parser.parse_args(words)
    try:
        if args.command == "rule":
            return _rule_command(args, out)
        if args.command == "models":
            return _models_command(args, out, err)
        if args.command == "check":
            return CheckCommand(args, out, err).run()
        if args.command == "clean":
            return clean_command(args, err)
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
    except Exception as error:  # the last resort: one line, never a traceback (unless --debug)
        return _unexpected(error, err, getattr(args, "debug", False))


def _unexpected(error: Exception, err: TextIO, debug: bool) -> int:
    """Report an error nothing else handled: the traceback with ``--debug``, else one line."""
    if debug:
        import traceback  # noqa: PLC0415 - loaded when an error needs it

        err.write("".join(traceback.format_exception(type(error), error, error.__traceback__)))
    if isinstance(error, OSError):  # the environment (a name too long, a device error), not a bug
        err.write(f"lint-openai: error: {error}\n")
    else:
        err.write(
            f"lint-openai: error: internal error: {type(error).__name__}: {error} "
            "(this is a bug in lint-openai; run with --debug for the traceback)\n"
        )
    return EXIT_ERROR
