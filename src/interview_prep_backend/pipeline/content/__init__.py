"""Content half: what the answer says, judged against the question."""
