"""Rules: one rule per module, grouped by family (``removed_api`` = OAI1xx, ``model_ids`` = OAI2xx, ...).

:mod:`lint_openai.rules.registry` collects them.
"""
