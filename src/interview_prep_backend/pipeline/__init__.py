"""The analysis pipeline: stages that take and return plain data.

media → speech (transcribe → fillers/metrics → prosody) → result. Each stage is a
function over dataclasses; `run.py` chains them and reports progress.
"""
