"""OAI7xx: platform lifecycle beyond model ids: requests into APIs that are shut down or going."""
