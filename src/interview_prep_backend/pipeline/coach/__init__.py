"""Coaching: scores, strengths and improvements tied to evidence, from any coach."""
