"""Imports point one way: cli → pipeline → stages → model. Checked by walking the import statements."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "claimcheck"

# The stages in pipeline order; a module may import only stages at or before its own.
ORDER = [
    "model",
    "errors",
    "settings",
    "lang",
    "values",
    "clean",
    "html",
    "ingest",
    "segment",
    "extract",
    "cache",
    "origins",
    "stories",
    "match",
    "judge",
    "pipeline",
    "cluster",
    "report",
    "evaluate",
    "learn",
    "baseline",
    "cli",
]


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "claimcheck" else ""


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            if node.module == "claimcheck":
                found.update(f"claimcheck.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_stages_never_import_a_later_stage() -> None:
    for path in PACKAGE.rglob("*.py"):
        own = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        if own not in ORDER:
            continue
        for module in _imports(path):
            stage = _stage(module)
            if stage in ORDER:
                assert ORDER.index(stage) <= ORDER.index(own), (
                    f"{path.name} ({own}) imports {module}"
                )


def test_only_cli_imports_click_and_only_renderers_import_rich() -> None:
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE).as_posix()
        modules = {m.split(".")[0] for m in _imports(path)}
        if "click" in modules:
            assert relative == "cli.py", relative
        if "rich" in modules:
            assert relative in ("cli.py", "report/table.py", "report/explain.py"), relative
