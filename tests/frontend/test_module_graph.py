"""The PWA's modules import one way: screens/ (one per route) use parts/ (shared pieces) and the
core modules; no screen imports another screen, no part imports a screen, and nothing imports in
a circle."""

import re
from pathlib import Path

JS = Path(__file__).resolve().parents[2] / "frontend" / "static" / "frontend" / "js"
IMPORT = re.compile(r'^\s*import\s[^"\']*["\'](\.{1,2}/[^"\']+)["\']', re.M)


def imports_of(path: Path) -> set[Path]:
    return {
        (path.parent / target).resolve()
        for target in IMPORT.findall(path.read_text(encoding="utf-8"))
        if not target.startswith("../../vendor/")
    }


def graph() -> dict[Path, set[Path]]:
    return {path.resolve(): imports_of(path) for path in JS.rglob("*.js")}


def cycle_in(edges: dict[Path, set[Path]]) -> list[Path] | None:
    state: dict[Path, str] = {}
    stack: list[Path] = []

    def visit(node: Path) -> list[Path] | None:
        state[node] = "open"
        stack.append(node)
        for target in edges.get(node, ()):
            if state.get(target) == "open":
                return [*stack[stack.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        stack.pop()
        state[node] = "done"
        return None

    for node in edges:
        if node not in state and (found := visit(node)):
            return found
    return None


def test_it_finds_a_cycle():
    a, b = Path("/a.js"), Path("/b.js")
    assert cycle_in({a: {b}, b: {a}}) == [a, b, a]
    assert cycle_in({a: {b}, b: set()}) is None


def test_every_import_points_at_a_file_that_exists():
    missing = [
        f"{source.relative_to(JS)} -> {target}"
        for source, targets in graph().items()
        for target in targets
        if not target.exists()
    ]
    assert missing == []


def test_no_screen_imports_another_screen_and_no_part_imports_a_screen():
    screens = (JS / "screens").resolve()
    wrong = [
        f"{source.relative_to(JS)} -> {target.relative_to(JS)}"
        for source, targets in graph().items()
        if source.parent in (screens, (JS / "parts").resolve())
        for target in targets
        if target.parent == screens
    ]
    assert wrong == []


def test_the_modules_import_without_a_cycle():
    assert cycle_in(graph()) is None
