"""Event extraction: articles in, coded Event drafts out (see events.py)."""
