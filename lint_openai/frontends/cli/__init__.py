"""The ``lint-openai`` command line."""
