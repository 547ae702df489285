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


def encrypt(value: Any, *, pad_to: int | None = None) -> str:
    """``pad_to`` fills the JSON with trailing spaces to that many bytes before encrypting, so
    every value of the field encrypts to the same length and a token's size tells nothing."""
    plain = json.dumps(value).encode()
    if pad_to is not None:
        if len(plain) > pad_to:
            raise ValueError(f"{len(plain)} bytes do not fit the fixed size of {pad_to}.")
        plain = plain.ljust(pad_to)
    return fernet().encrypt(plain).decode()


def decrypt(token: str) -> Any:
    # JSON allows trailing whitespace: padded and unpadded values read alike.
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
    """Any JSON value, stored as a Fernet token. Not searchable or orderable, by design.

    ``pad_to`` (bytes) makes every stored token the same length, for fields whose length would
    otherwise tell a database reader something (an outcome, a pause state, a report).
    """

    description = "JSON value encrypted at rest"

    def __init__(self, *args: Any, pad_to: int | None = None, **kwargs: Any) -> None:
        self.pad_to = pad_to
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.pad_to is not None:
            kwargs["pad_to"] = self.pad_to
        return name, path, args, kwargs

    def from_db_value(self, value: str | None, expression, connection) -> Any:
        if value is None:
            return None
        return decrypt(value)

    def to_python(self, value: Any) -> Any:
        return value

    def get_prep_value(self, value: Any) -> str | None:
        if value is None:
            return None
        return encrypt(value, pad_to=self.pad_to)

    def value_to_string(self, obj) -> str:
        return json.dumps(self.value_from_object(obj))
