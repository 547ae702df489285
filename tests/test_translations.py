"""Compiled catalogs are committed (no GNU gettext needed) and must match their sources."""

import importlib.util
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location(
    "compile_messages", ROOT / "scripts/compile_messages.py"
)
compile_messages = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(compile_messages)

CATALOGS = compile_messages.catalogs()


def test_there_are_dutch_catalogs():
    assert any(p.parts[-3] == "nl" for p in CATALOGS)


@pytest.mark.parametrize("po_path", CATALOGS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_message_is_translated(po_path):
    catalog = polib.pofile(str(po_path))
    untranslated = [e.msgid for e in catalog.untranslated_entries() + catalog.fuzzy_entries()]
    assert untranslated == []


@pytest.mark.parametrize("po_path", CATALOGS, ids=lambda p: str(p.relative_to(ROOT)))
def test_compiled_catalog_is_up_to_date(po_path):
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"run `make messages` to compile {po_path}"
    assert polib.mofile(str(mo_path)) and mo_path.read_bytes() == compile_messages.compiled(po_path)
