"""LLM coach over any OpenAI-compatible endpoint (DeepSeek by default)."""
