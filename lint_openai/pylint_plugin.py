"""pylint's entry point (``pylint --load-plugins=lint_openai.pylint_plugin``): the front-end lives in
:mod:`lint_openai.frontends.pylint`."""

from __future__ import annotations

from lint_openai.frontends.pylint import register

__all__ = ["register"]
