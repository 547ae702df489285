"""Production settings: refuse to start half-configured; pass check --deploy cleanly."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[1]

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "project.settings.production",
    "SECRET_KEY": "x" * 20 + "a-production-grade-secret-key-with-enough-entropy-1234567890",
    "ALLOWED_HOSTS": "tweespraak.example",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/test",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
}


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in PRODUCTION_ENV and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_passes_with_no_warnings_under_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "FIELD_ENCRYPTION_KEYS"]
)
def test_production_refuses_to_start_without(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr


def test_seed_demo_refuses_under_production_settings():
    result = _manage("seed_demo", env=PRODUCTION_ENV)
    assert result.returncode != 0
    assert "refuses to run under production" in result.stderr


def test_embedded_default_uses_sqlite_memory_layer_and_console_email():
    env = {"TWEESPRAAK_VAR_DIR": str(ROOT / "var" / "settings-test")}
    for name in (
        "DATABASE_URL",
        "REDIS_URL",
        "SECRET_KEY",
        "FIELD_ENCRYPTION_KEYS",
        "EMAIL_BACKEND",
    ):
        env[name] = ""
    code = (
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE']);"
        "print(s.CHANNEL_LAYERS['default']['BACKEND']);"
        "print(s.CACHES['default']['BACKEND']);"
        "print(s.EMAIL_BACKEND);"
        "print(bool(s.SECRET_KEY), bool(s.FIELD_ENCRYPTION_KEYS[0]))"
    )
    result = _manage(
        "shell",
        "--no-imports",
        "-c",
        code,
        env={**env, "DJANGO_SETTINGS_MODULE": "project.settings.base"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:5] == [
        "django.db.backends.sqlite3",
        "channels.layers.InMemoryChannelLayer",
        "django.core.cache.backends.locmem.LocMemCache",
        "django.core.mail.backends.console.EmailBackend",
        "True True",
    ]
