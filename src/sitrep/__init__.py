"""sitrep: news reports of armed conflict in, ACLED-model events out."""

__version__ = "0.1.0"
