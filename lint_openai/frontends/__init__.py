"""Front-ends: the CLI, the flake8 and pylint plugins. Each only translates between its host and the engine."""
