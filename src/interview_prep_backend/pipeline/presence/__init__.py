"""Presence half of the pipeline: what the camera saw of the candidate's face."""
