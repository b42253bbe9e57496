"""Configuration: settings, their sources (``pyproject.toml``, host options) and rule selection."""
