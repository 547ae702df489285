"""Encryption at rest for what people write: MultiFernet over ``FIELD_ENCRYPTION_KEYS``.

The first key encrypts; every key decrypts, so a new key can be put in front and old rows
re-encrypted later (``manage.py rotate_field_keys``).
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.db import models


@lru_cache(maxsize=4)
def _fernet_for(keys: tuple[str, ...]) -> MultiFernet:
    if not keys or not all(keys):
        raise ValueError("FIELD_ENCRYPTION_KEYS is empty.")
    return MultiFernet([Fernet(key.encode()) for key in keys])


def fernet() -> MultiFernet:
    return _fernet_for(tuple(settings.FIELD_ENCRYPTION_KEYS))


def encrypt(value: Any) -> str:
    return fernet().encrypt(json.dumps(value).encode()).decode()


def decrypt(token: str) -> Any:
    return json.loads(fernet().decrypt(token.encode()))


def is_under_newest_key(token: str) -> bool:
    try:
        Fernet(settings.FIELD_ENCRYPTION_KEYS[0].encode()).decrypt(token.encode())
    except InvalidToken:
        return False
    return True


def rotate(token: str) -> str:
    return fernet().rotate(token.encode()).decode()


class EncryptedJSONField(models.TextField):
    """Any JSON value, stored as a Fernet token. Not searchable or orderable, by design."""

    description = "JSON value encrypted at rest"

    def from_db_value(self, value: str | None, expression, connection) -> Any:
        if value is None:
            return None
        return decrypt(value)

    def to_python(self, value: Any) -> Any:
        return value

    def get_prep_value(self, value: Any) -> str | None:
        if value is None:
            return None
        return encrypt(value)

    def value_to_string(self, obj) -> str:
        return json.dumps(self.value_from_object(obj))
