"""Docs that cannot drift: what the README says the tools do, they do."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from dakg.cli import app

from .conftest import CliResult

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def settings_table() -> dict[str, str]:
    """The README's settings table: variable -> its documented default."""
    rows = re.findall(r"^\| `(DAKG_[A-Z0-9_]+)` \| (.+?) \|", README, flags=re.M)
    assert rows, "no settings table in the README"
    return dict(rows)


def test_every_setting_is_documented_with_the_default_dakg_settings_prints(
    cli: Callable[..., CliResult], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    printed = cli("settings")
    assert printed.code == 0
    shown = dict(line.split("=", 1) for line in printed.out.splitlines() if not line.startswith(" "))
    documented = settings_table()
    assert list(documented) == list(shown)  # the same settings, in the same order
    for name, default in documented.items():
        expected = {"(empty)": "", "(unset)": ""}.get(default, default.strip("`").replace("~", str(tmp_path)))
        assert shown[name] == expected, name


def test_every_make_target_the_readme_names_exists() -> None:
    targets = set(re.findall(r"^make ([a-z0-9-]+)", README, flags=re.M))
    assert {"demo", "test", "fast"} <= targets
    for target in sorted(targets):
        dry = subprocess.run(["make", "-n", target], cwd=REPO, capture_output=True, text=True, timeout=60, check=False)
        assert dry.returncode == 0, (target, dry.stderr)


def test_every_command_is_documented_and_every_documented_command_runs(cli: Callable[..., CliResult]) -> None:
    names = {c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands}
    names |= {g.name or "" for g in app.registered_groups}
    assert {"serve", "demo", "ingest", "db", "extract", "eval", "remove", "settings"} <= names
    assert [n for n in sorted(names) if f"dakg {n}" not in README] == []
    groups = {g.name for g in app.registered_groups}
    documented = re.findall(r"^\.venv/bin/dakg ([a-z0-9-]+)(?: ([a-z0-9-]+))?", README, flags=re.M)
    assert len(documented) >= 10
    for command, sub in documented:
        words = [command, sub] if command in groups else [command]
        result = cli(*words, "--help")
        assert result.code == 0, (words, result.err)
