"""The analysis pipeline: stages that take and return plain data.

media → speech (transcribe → fillers/metrics → prosody) and presence side by side →
content → coach. Each stage is a function over dataclasses; `run.py` chains them and
reports progress. Words and user-facing sentences come from a language pack
(`language/`), English by default.
"""
