"""Extraction: one module per record kind; ``pipeline`` runs them in order."""
