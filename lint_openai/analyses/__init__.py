"""Per-file analyses: facts computed once per file for the rules that declare they need them."""
