"""OAI3xx: chat requests shaped for another endpoint, or with parameters the model rejects."""
