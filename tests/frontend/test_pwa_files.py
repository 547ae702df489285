"""The manifest and the service worker: served at the root with the right headers."""

import json
import re
from pathlib import Path

import pytest
from django.test import Client

from frontend.views import STATIC_DIR

pytestmark = pytest.mark.django_db


def test_the_manifest_is_served_as_a_web_app_manifest():
    response = Client().get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "Tweespraak"
    assert manifest["short_name"] == "Tweespraak"
    assert manifest["display"] == "standalone"
    assert manifest["start_url"] == "/"
    assert manifest["scope"] == "/"
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["theme_color"])


def test_the_manifest_icons_exist_as_real_pngs_including_maskable_192_and_512():
    manifest = json.loads((STATIC_DIR / "manifest.webmanifest").read_text())
    pngs = {
        (icon["sizes"], icon["purpose"])
        for icon in manifest["icons"]
        if icon["type"] == "image/png"
    }
    assert {
        ("192x192", "any"),
        ("512x512", "any"),
        ("192x192", "maskable"),
        ("512x512", "maskable"),
    } <= pngs
    client = Client()
    for icon in manifest["icons"]:
        response = client.get(icon["src"])
        assert response.status_code == 200, icon["src"]
        body = b"".join(response.streaming_content)
        if icon["type"] == "image/png":
            assert body[:8] == b"\x89PNG\r\n\x1a\n"
            width, height = int.from_bytes(body[16:20], "big"), int.from_bytes(body[20:24], "big")
            assert f"{width}x{height}" == icon["sizes"]


def test_the_service_worker_is_served_at_the_root_uncached_with_root_scope():
    response = Client().get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert response["Cache-Control"] == "no-cache"


def test_the_service_worker_precaches_every_shell_file_and_nothing_personal():
    source = (STATIC_DIR / "sw.js").read_text()
    listed = set(re.findall(r'"(/static/frontend/[^"]+)"', source))
    on_disk = {
        "/static/frontend/" + str(path.relative_to(STATIC_DIR))
        for path in STATIC_DIR.rglob("*")
        if path.is_file()
        and path.suffix in {".js", ".css", ".json", ".png", ".svg"}
        and path.name != "sw.js"
    }
    assert listed == on_disk
    for prefix in ("/api/", "/_allauth/", "/ws/"):
        assert f'"{prefix}"' in source
        assert not any(url.startswith(prefix) for url in listed)


def test_both_string_tables_have_the_same_keys_and_cover_every_key_the_code_uses():
    tables = {
        lang: json.loads((STATIC_DIR / "i18n" / f"{lang}.json").read_text())
        for lang in ("en", "nl")
    }
    assert tables["en"].keys() == tables["nl"].keys()
    assert all(value.strip() for table in tables.values() for value in table.values())
    used = set()
    for path in Path(STATIC_DIR / "js").rglob("*.js"):
        used |= set(re.findall(r'\bt\(\s*"([a-z_.]+)"', path.read_text()))
    assert used - tables["en"].keys() == set()
