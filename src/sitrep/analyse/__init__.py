"""Analyses over the store: figure tracks, storylines, the situation report, charts."""
