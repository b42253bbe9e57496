"""OAI5xx: streaming loops that read the wrong field, treat chunks as text, or crash on ``None``."""
