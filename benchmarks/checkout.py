"""Run the `dakg` command of this checkout, whichever checkout the virtualenv's editable install points at.

    python benchmarks/checkout.py ingest FOLDER

An editable install (``make install``) maps ``dakg`` and its subpackages (``dakg.ingest`` is ``ingest/``, ...)
to the folders of the checkout it was made from. A second checkout that shares the virtualenv (a git worktree)
would run the first one's code through ``.venv/bin/dakg``. Here an import finder placed before every other maps
the same names, read from this checkout's ``pyproject.toml``, to this checkout's folders; modules inside them
are then found through the packages' own paths. Benchmarks that measure `dakg` start it this way.
"""

from __future__ import annotations

import importlib.util
import sys
import tomllib
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]


def command(*args: str) -> list[str]:
    """The command line that runs ``dakg *args`` from this checkout, with the current interpreter (isolated:
    neither ``PYTHONPATH`` nor this script's folder on ``sys.path``)."""
    return [sys.executable, "-I", str(Path(__file__).resolve()), *args]


class CheckoutFinder:
    """Finds ``dakg`` and the subpackages of the checkout's package-dir mapping in this checkout."""

    def __init__(self, repo: Path) -> None:
        config = tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8"))
        self.folders = {name: repo / folder for name, folder in config["tool"]["setuptools"]["package-dir"].items()}

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        folder = self.folders.get(fullname)
        if folder is None:
            return None
        return importlib.util.spec_from_file_location(
            fullname, folder / "__init__.py", submodule_search_locations=[str(folder)]
        )


def main() -> None:
    sys.meta_path.insert(0, CheckoutFinder(REPO))
    from dakg.cli import main as dakg

    sys.argv = ["dakg", *sys.argv[1:]]
    dakg()


if __name__ == "__main__":
    main()
