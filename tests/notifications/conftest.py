"""A real Web Push service on loopback, real browser-side subscription keys, and the helpers to
check what arrived: the VAPID signature, and the decrypted text."""

from __future__ import annotations

import os
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.core import mail
from django.db import transaction

from accounts.models import User
from notifications import services
from notifications.vapid import generate_key_pair

from .push import VAPID_SUBJECT, Device, PushRequest, PushService, b64url_encode


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
