"""``python -m lint_openai``."""

from __future__ import annotations

from lint_openai.frontends.cli.entry import main_entry

if __name__ == "__main__":
    main_entry()
