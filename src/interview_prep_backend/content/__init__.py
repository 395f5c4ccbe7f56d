"""Interview content: the question bank."""
