"""OAI4xx: tiktoken encodings that miscount tokens for the models the code uses, and model names
tiktoken cannot map."""
