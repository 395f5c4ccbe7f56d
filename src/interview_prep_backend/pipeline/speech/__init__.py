"""Speech half of the pipeline: transcription, filler and delivery metrics, prosody."""
