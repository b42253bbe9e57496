"""OAI6xx: v1 response objects handled like v0 dictionaries, and fields read from the wrong choice type."""
