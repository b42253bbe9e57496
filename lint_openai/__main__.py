"""``python -m lint_openai``."""

from __future__ import annotations

import sys

from lint_openai.frontends.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
