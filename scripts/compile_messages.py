"""Compile every gettext catalog (.po → .mo) in pure Python, so no machine needs GNU gettext.

The compiled .mo files are committed; a test fails when one is out of date with its .po.
"""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[1]
SKIP = {".venv", "var", "node_modules"}


def catalogs() -> list[Path]:
    return sorted(
        p
        for p in ROOT.glob("**/locale/*/LC_MESSAGES/*.po")
        if not SKIP & set(p.relative_to(ROOT).parts)
    )


def compiled(po_path: Path) -> bytes:
    catalog = polib.pofile(str(po_path))
    # Fuzzy entries are guesses by the tooling, not translations: leave them out.
    for entry in catalog.fuzzy_entries():
        catalog.remove(entry)
    return catalog.to_binary()


def main() -> int:
    for po_path in catalogs():
        po_path.with_suffix(".mo").write_bytes(compiled(po_path))
        print(f"compiled {po_path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
