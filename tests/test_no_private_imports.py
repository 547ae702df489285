"""No module of Tweespraak (nor of its tests and benchmarks) imports a library's private or
``internal`` modules: those change without notice between releases, as allauth's did."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OWN = {
    path.name
    for path in ROOT.iterdir()
    if path.is_dir() and ((path / "__init__.py").exists() or path.name in {"tests", "bench"})
}
SKIPPED = {".venv", "var", "node_modules", "staticfiles"}


def imported_modules(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module
            for alias in node.names:
                yield node.lineno, f"{node.module}.{alias.name}"


def is_private(module: str) -> bool:
    parts = module.split(".")
    if parts[0] in OWN:
        return False
    return any(
        part == "internal" or (part.startswith("_") and part != "__future__") for part in parts
    )


def test_it_finds_a_private_import():
    tree = ast.parse("from allauth.headless.internal.sessionkit import x\nimport a._b\n")
    assert [is_private(module) for _, module in imported_modules(tree)] == [True, True, True]


def test_no_module_imports_a_librarys_internals():
    found = []
    for path in ROOT.rglob("*.py"):
        if SKIPPED & set(path.relative_to(ROOT).parts):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [
            f"{path.relative_to(ROOT)}:{line} {module}"
            for line, module in imported_modules(tree)
            if is_private(module)
        ]
    assert found == []
