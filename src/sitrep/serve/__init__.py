"""The web workspace and HTTP API (``sitrep serve``): ``create_app(store, token=None)``."""
from .app import create_app

__all__ = ["create_app"]
