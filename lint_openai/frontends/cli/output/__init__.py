"""Output formats of ``lint-openai check``."""
