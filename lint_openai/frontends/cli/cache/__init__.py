"""The results cache of ``lint-openai check`` (like ruff's): the findings of a file, kept for as long as nothing
they depend on changes. :mod:`.store` keeps the entries, :mod:`.keys` says what they depend on, :mod:`.codec`
writes findings as JSON and :mod:`.location` says where the cache is.
"""
