"""Issue 24: one voice. Each concept has one word per language (docs/content-guide.md's
glossary); a retired word or a quoted calque must not come back in a catalog, the manifest or
the library file."""

import json
import re
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "frontend" / "static" / "frontend" / "i18n"
LIBRARY = ROOT / "exercises" / "starter_library.json"
MANIFEST = ROOT / "frontend" / "static" / "frontend" / "manifest.webmanifest"

RETIRED = {
    "nl": [
        r"\b(ons|jullie|het|een|als) koppel\b",
        r"\bkoppel beëindigen",
        r"\bsamen delen\b",
        r"\bsamen bekijken\b",
        r"\bingeleverd\b",
        r"\binlever",
        r"persoonlijke check\b",
        r"tweestapsaanmelding",
        r"\beerst hulp\b",
        r"überhaupt",
    ],
    "en": [
        r"\bend (our|the) couple\b",
        r"what to be told about",
        r"over the fence",
        r"alive in you",
        # "the other" for "your partner"; "one of you ..., the other ..." stays fine.
        r"^(?!.*\bone of you\b).*\bthe other\b(?! (day|way|side|person|people|hand)\b)",
        r"send me emails at all",
    ],
}


def _po_texts() -> dict[str, list[str]]:
    texts = {"nl": [], "en": []}
    for po_path in sorted(ROOT.glob("**/locale/nl/LC_MESSAGES/django.po")):
        if ".venv" in po_path.parts:
            continue
        for entry in polib.pofile(str(po_path)):
            texts["nl"].append(entry.msgstr)
            texts["en"].append(entry.msgid)
    return texts


def _library_texts() -> dict[str, list[str]]:
    texts = {"nl": [], "en": []}

    def walk(node):
        if isinstance(node, dict):
            if set(node) == {"nl", "en"}:
                for language in texts:
                    texts[language].append(node[language])
                return
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(LIBRARY.read_text()))
    return texts


def _sources() -> dict[str, dict[str, list[str]]]:
    catalogs = {
        lang: list(json.loads((I18N / f"{lang}.json").read_text()).values()) for lang in RETIRED
    }
    return {"PWA catalog": catalogs, "server catalogs": _po_texts(), "library": _library_texts()}


@pytest.mark.parametrize("language", sorted(RETIRED))
@pytest.mark.parametrize("source", ["PWA catalog", "server catalogs", "library"])
def test_no_retired_term_comes_back(source, language):
    texts = _sources()[source][language]
    assert len(texts) > 20
    found = [
        (pattern, text)
        for pattern in RETIRED[language]
        for text in texts
        if re.search(pattern, text, re.IGNORECASE)
    ]
    assert found == []


def test_the_glossary_test_would_catch_a_retired_term():
    assert re.search(RETIRED["nl"][0], "Ons koppel beëindigen", re.IGNORECASE)
    assert re.search(RETIRED["en"][4], "so the other doesn't have to", re.IGNORECASE)
    assert not re.search(RETIRED["en"][4], "on the other hand", re.IGNORECASE)
    assert not re.search(RETIRED["en"][4], "one of you talks, the other listens", re.IGNORECASE)


def test_the_manifest_shows_no_text_in_one_language_only():
    manifest = json.loads(MANIFEST.read_text())
    assert manifest["name"] == manifest["short_name"] == "Tweespraak"
    assert "description" not in manifest


def test_the_glossary_is_written_down():
    guide = (ROOT / "docs" / "content-guide.md").read_text()
    assert "## Glossary" in guide
    for word in ("stel", "onthullen", "vastzetten", "check-in", "tweestapsverificatie"):
        assert f"**{word}" in guide
