"""The console script ``lint-openai`` (and ``python -m lint_openai``): start-up with the collector paused
(:mod:`.collector`), the command, then a fast exit once the output is flushed (:func:`.streams.exit_now`)."""

from __future__ import annotations

from lint_openai.frontends.cli.collector import pause


def main_entry() -> None:
    """Console-script entry point."""
    pause()
    # Imported here, with the collector paused: the whole command line and what it loads at start-up.
    from lint_openai.frontends.cli.main import main  # noqa: PLC0415
    from lint_openai.frontends.cli.streams import exit_now, make_streams_lossless  # noqa: PLC0415

    make_streams_lossless()
    exit_now(main())
