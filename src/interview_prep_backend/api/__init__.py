"""HTTP API (FastAPI): routes grouped by resource, services injected from app state."""
