"""Geoparsing: an offline gazetteer, candidate resolution and the event's location."""
