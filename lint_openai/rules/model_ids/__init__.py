"""OAI2xx: retired and deprecated models, and models sent to an endpoint that does not serve them."""
