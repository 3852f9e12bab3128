"""Docs that cannot drift: every setting and every CLI command is in the README."""

from __future__ import annotations

import re
from pathlib import Path

from dakg.cli import app
from dakg.config import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_in_the_readme_table() -> None:
    documented = set(re.findall(r"^\| `(DAKG_[A-Z0-9_]+)` \|", README, flags=re.M))
    expected = {f"DAKG_{name.upper()}" for name in Settings.model_fields}
    assert documented == expected


def test_the_two_commands_are_in_the_readme() -> None:
    assert "make demo" in README
    assert "make test" in README


def test_every_top_level_command_is_mentioned() -> None:
    names = {c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands}
    names |= {g.name or "" for g in app.registered_groups}
    assert {"serve", "demo", "ingest", "db"} <= names
    missing = [n for n in names if f"dakg {n}" not in README]
    assert not missing, f"commands not in README: {missing}"
