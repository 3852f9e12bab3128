"""Endpoint groups of the API."""
