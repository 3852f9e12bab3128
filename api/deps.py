"""Named dependencies: the store and the settings are created once at start-up and shared by every request."""

from __future__ import annotations

from typing import Annotated, cast

from fastapi import Depends, Request

from dakg.config import Settings
from dakg.store import GraphStore


def get_store(request: Request) -> GraphStore:
    return cast(GraphStore, request.app.state.store)


def get_app_settings(request: Request) -> Settings:
    return cast(Settings, request.app.state.settings)


StoreDep = Annotated[GraphStore, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
