"""VAPID keys for Web Push.

From the environment (``VAPID_PRIVATE_KEY``: the 32-byte private value, ``VAPID_PUBLIC_KEY``:
the uncompressed P-256 point, both base64url, as ``web-push generate-vapid-keys`` prints them).
The embedded default generates a pair once into ``var/`` (like the dev secrets); production
without keys sends no push at all and tells the PWA so (an empty public key).
"""

import json
from dataclasses import dataclass
from functools import cache

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.conf import settings
from py_vapid import Vapid
from py_vapid.utils import b64urlencode


@dataclass(frozen=True)
class VapidKeys:
    public_key: str
    private_key: str
    subject: str


def generate_key_pair() -> tuple[str, str]:
    """(public, private) as base64url strings in the formats described above."""
    key = ec.generate_private_key(ec.SECP256R1())
    private = b64urlencode(key.private_numbers().private_value.to_bytes(32, "big"))
    public = b64urlencode(
        key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
    )
    return public, private


def _dev_key_pair() -> tuple[str, str]:
    path = settings.VAR_DIR / "vapid-keys.json"
    if path.exists():
        stored = json.loads(path.read_text())
        return stored["public_key"], stored["private_key"]
    public, private = generate_key_pair()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"public_key": public, "private_key": private}))
    path.chmod(0o600)
    return public, private


@cache
def _generated_dev_keys() -> tuple[str, str]:
    return _dev_key_pair()


def vapid_keys() -> VapidKeys | None:
    """The keys to sign with, or None when push is switched off (production without keys)."""
    public, private = settings.VAPID_PUBLIC_KEY, settings.VAPID_PRIVATE_KEY
    if not (public and private):
        if settings.IS_PRODUCTION:
            return None
        public, private = _generated_dev_keys()
    return VapidKeys(public_key=public, private_key=private, subject=settings.VAPID_SUBJECT)


def vapid_signer(keys: VapidKeys) -> Vapid:
    return Vapid.from_raw(keys.private_key.encode())
