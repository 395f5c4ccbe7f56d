"""Running analyses outside the request: a queue interface and its implementations."""
