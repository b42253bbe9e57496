"""``lint-openai clean``: remove the results cache that ``lint-openai check`` would use from here."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from lint_openai.config.hosts import SettingsResolver
from lint_openai.frontends.cli.cache.location import cache_directory, clean
from lint_openai.frontends.cli.exit_status import EXIT_CLEAN


def clean_command(args: argparse.Namespace, err: TextIO) -> int:
    """Remove the cache's files (only those: a ``--cache-dir`` may hold other things) and its directory."""
    directory = cache_directory(args.cache_dir, SettingsResolver().for_path(Path.cwd()).project_root)
    if clean(directory):
        err.write(f"Removed the results cache in {directory}\n")
    else:
        err.write(f"No results cache in {directory}\n")
    return EXIT_CLEAN
