"""A Web Push service's view for the tests: what arrived, the VAPID signature on it, and the
decrypted text a browser would read."""

from __future__ import annotations

import base64
import json
from collections import deque
from dataclasses import dataclass, field

import http_ece
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from notifications.models import PushSubscription

VAPID_SUBJECT = "mailto:test@tweespraak.local"


def b64url_decode(value: str) -> bytes:
    return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))


def b64url_encode(value: bytes) -> str:
    return base64.urlsafe_b64encode(value).rstrip(b"=").decode()


@dataclass
class PushRequest:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class PushService:
    """Answers a POST with the status set for its path, else the next queued status, else 201."""

    origin: str
    received: list[PushRequest] = field(default_factory=list)
    statuses: deque[int] = field(default_factory=deque)
    status_by_path: dict[str, int] = field(default_factory=dict)


@dataclass
class Device:
    """A browser's side of a push subscription: it alone can decrypt what is sent to it."""

    subscription: PushSubscription
    private_key: ec.EllipticCurvePrivateKey
    auth_secret: bytes

    def decrypt(self, request: PushRequest) -> dict:
        assert request.headers["content-encoding"] == "aes128gcm"
        plain = http_ece.decrypt(
            request.body,
            private_key=self.private_key,
            auth_secret=self.auth_secret,
            version="aes128gcm",
        )
        return json.loads(plain)


def verify_vapid(request: PushRequest, *, public_key: str, audience: str) -> dict:
    """Check ``Authorization: vapid t=<JWT>,k=<key>`` as a push service does (RFC 8292)."""
    scheme, _space, params = request.headers["authorization"].partition(" ")
    assert scheme == "vapid"
    values = dict(part.strip().split("=", 1) for part in params.split(","))
    assert values["k"] == public_key
    header_b64, claims_b64, signature_b64 = values["t"].split(".")
    assert json.loads(b64url_decode(header_b64)) == {"typ": "JWT", "alg": "ES256"}
    signature = b64url_decode(signature_b64)
    assert len(signature) == 64
    der = encode_dss_signature(
        int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big")
    )
    key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), b64url_decode(values["k"]))
    # Raises InvalidSignature if the token was not signed by the VAPID private key.
    key.verify(der, f"{header_b64}.{claims_b64}".encode(), ec.ECDSA(hashes.SHA256()))
    claims = json.loads(b64url_decode(claims_b64))
    assert claims["aud"] == audience
    assert claims["sub"] == VAPID_SUBJECT
    return claims
