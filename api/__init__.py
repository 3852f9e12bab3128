"""The REST API (import as ``dakg.api``): ``create_app(settings)`` builds the FastAPI application."""

from dakg.api.app import create_app

__all__ = ["create_app"]
