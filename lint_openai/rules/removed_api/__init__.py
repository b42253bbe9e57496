"""OAI1xx: the v0 SDK surface removed in openai>=1.0, and names the v1 SDK does not have."""
