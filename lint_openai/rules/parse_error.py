"""OAI001: files that cannot be read as Python. Reported by the engine itself."""

from __future__ import annotations

from lint_openai.rules.base import Rule, bad


class ParseError(Rule):
    """## What it does
    Reports a file that cannot be checked: it cannot be read (permissions, a dangling symlink), does
    not decode (bad bytes for its PEP 263 encoding), contains null bytes, is nested too deeply for
    Python's parser, or is not valid Python syntax for the running interpreter. A module larger than
    the `max-file-size` setting (default 2 MiB) is reported instead of being checked, in every front-end.

    ## Why is this bad?
    Nothing in the file can be checked, so a CI gate would otherwise pass it silently. The other files
    are still checked; the message gives the parser's own error and location.

    ## Fix safety
    There is no fix.
    """

    code = "OAI001"
    symbol = "parse-error"
    summary = "file cannot be read, decoded or parsed"
    sources = ("Python's own parser (`ast.parse`) and PEP 263 decoding (`tokenize.detect_encoding`)",)
    examples = (
        bad(
            """
            import openai

            def broken(:
                pass
            """,
            (3, 12, 3, 12, "SyntaxError: invalid syntax"),
        ),
    )


RULES = (ParseError(),)
