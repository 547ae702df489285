"""A real Web Push service on loopback, real browser-side subscription keys, and the helpers to
check what arrived: the VAPID signature, and the decrypted text."""

from __future__ import annotations

import base64
import json
import os
import threading
import uuid
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import http_ece
import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from django.core import mail
from django.db import transaction

from accounts.models import User
from notifications import services
from notifications.models import PushSubscription
from notifications.vapid import generate_key_pair

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


@pytest.fixture
def push_service():
    service = PushService(origin="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            headers = {name.lower(): value for name, value in self.headers.items()}
            service.received.append(PushRequest(self.path, headers, body))
            status = service.status_by_path.get(self.path) or (
                service.statuses.popleft() if service.statuses else 201
            )
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    service.origin = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield service
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def push_settings(settings):
    """Fresh VAPID keys per test; only the loopback push service is allowed."""
    public, private = generate_key_pair()
    settings.VAPID_PUBLIC_KEY = public
    settings.VAPID_PRIVATE_KEY = private
    settings.VAPID_SUBJECT = VAPID_SUBJECT
    settings.PUSH_SERVICE_HOSTS = ["127.0.0.1"]
    settings.PUSH_ALLOW_HTTP = True
    settings.PUBLIC_URL = "https://tweespraak.example"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return settings


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


@pytest.fixture
def device_for(push_service):
    def build(user: User, label: str = "Firefox on Android") -> Device:
        private_key = ec.generate_private_key(ec.SECP256R1())
        auth_secret = os.urandom(16)
        public = private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        subscription, _created = services.subscription_register(
            user=user,
            endpoint=f"{push_service.origin}/push/{uuid.uuid4().hex}",
            p256dh=b64url_encode(public),
            auth=b64url_encode(auth_secret),
            user_agent=label,
        )
        return Device(subscription, private_key, auth_secret)

    return build


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


@pytest.fixture
def enqueue(django_capture_on_commit_callbacks):
    """Call notify() inside a committed transaction, as a service would."""

    def run(**kwargs) -> None:
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            services.notify(**kwargs)

    return run


@pytest.fixture
def no_quiet_hours():
    """Tests that are not about quiet hours must not depend on the clock."""

    def apply(*users: User, **choices) -> None:
        for user in users:
            services.preference_update(
                user=user, quiet_hours_start=None, quiet_hours_end=None, **choices
            )

    return apply


@pytest.fixture
def outbox_mail():
    mail.outbox = []
    return mail.outbox
