"""Adapters to the outside: object storage now; AWS and LLM services later."""
