"""Tests stand on their own: no test module imports ``bench`` (what both need lives in
``tests/support/``), and none imports a ``conftest`` (shared helpers live in
``tests/factories.py`` and ``tests/support/``; conftests only define fixtures)."""

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def imported_modules(path: Path, root: Path = TESTS.parent) -> list[tuple[int, str]]:
    """Every module ``path`` imports, at any depth, relative imports resolved."""
    package = path.relative_to(root).parent.parts
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            found.append((node.lineno, module))
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
    return found


def offending(predicate) -> list[str]:
    return [
        f"{path.relative_to(TESTS.parent)}:{line} imports {module}"
        for path in sorted(TESTS.rglob("*.py"))
        for line, module in imported_modules(path)
        if predicate(module)
    ]


def imports_bench(module: str) -> bool:
    return module == "bench" or module.startswith("bench.")


def imports_a_conftest(module: str) -> bool:
    return "conftest" in module.split(".")


def test_the_checks_see_absolute_relative_and_nested_imports(tmp_path):
    package = tmp_path / "tests" / "sessions"
    package.mkdir(parents=True)
    (package / "test_x.py").write_text(
        "import bench.common\nfrom .conftest import connect\ndef f():\n    from bench import data\n"
    )
    modules = [module for _, module in imported_modules(package / "test_x.py", tmp_path)]
    assert [m for m in modules if imports_bench(m)] == ["bench.common", "bench", "bench.data"]
    assert [m for m in modules if imports_a_conftest(m)] == [
        "tests.sessions.conftest",
        "tests.sessions.conftest.connect",
    ]


def test_no_test_module_imports_bench():
    assert offending(imports_bench) == []


def test_no_test_module_imports_a_conftest():
    assert offending(imports_a_conftest) == []
