"""mypy over the whole project, with the module names the package really has.

The brief's folders sit at the top of the repository (``api/``, ``ingest/``, ...) and are the subpackages of
``dakg`` through setuptools' ``package-dir`` mapping in ``pyproject.toml``. mypy finds modules by walking the
file system, where ``api/deps.py`` would be ``api.deps``; so this script reads the same mapping and
hands mypy every file with its real module name (``dakg.api.deps``), plus ``tests/`` and ``benchmarks/``.
Options come from ``[tool.mypy]`` in ``pyproject.toml``; the exit status is mypy's.

    python scripts/typecheck.py        # what `make typecheck` runs
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

from mypy import build
from mypy.errors import CompileError
from mypy.main import process_options
from mypy.modulefinder import BuildSource

ROOT = Path(__file__).resolve().parents[1]
EXTRA_PACKAGES = {"tests": "tests", "benchmarks": "benchmarks"}


def sources() -> list[BuildSource]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    mapping: dict[str, str] = {**config["tool"]["setuptools"]["package-dir"], **EXTRA_PACKAGES}
    found: dict[str, BuildSource] = {}
    for package, folder in mapping.items():
        base = ROOT / folder
        for path in sorted(base.rglob("*.py")):
            parts = [p for p in path.relative_to(base).with_suffix("").parts if p != "__init__"]
            module = ".".join([package, *parts])
            found[module] = BuildSource(str(path.relative_to(ROOT)), module, None, base_dir=str(ROOT))
    return list(found.values())


def main() -> int:
    _, options = process_options(["--config-file", str(ROOT / "pyproject.toml"), "-c", "pass"])
    try:
        result = build.build(sources(), options)
    except CompileError as exc:
        print("\n".join(exc.messages), file=sys.stderr)
        return 2
    for line in result.errors:
        print(line)
    files = len({s.path for s in sources()})
    if result.errors:
        errors = sum(1 for line in result.errors if ": error:" in line)
        print(f"Found {errors} errors (checked {files} source files)")
        return 1
    print(f"Success: no issues found in {files} source files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
