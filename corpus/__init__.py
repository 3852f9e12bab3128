"""The bundled demo corpus (``demo/``): documents written for this project, shipped as package data."""
