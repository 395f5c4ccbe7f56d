"""AWS adapters (Transcribe, Rekognition), used only with ENABLE_EXTERNAL_APIS=true."""
