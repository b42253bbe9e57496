"""The semantic layer: scopes, bindings and abstract values, built in one walk; rules ask it questions."""
