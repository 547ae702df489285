"""Two-step sign-in for tests, through allauth's public pieces only: the ``Authenticator`` model,
the MFA adapter's ``encrypt`` and ``Authenticator.wrap()``. Codes are computed here (RFC 6238), so
a test signs in as a person with an authenticator app would."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import struct
import time

from allauth.account.models import EmailAddress
from allauth.mfa.adapter import get_adapter
from allauth.mfa.models import Authenticator

from tests.factories import password_of


def totp_code(secret: str, at: float | None = None) -> str:
    """RFC 6238: HMAC-SHA1 over the 30-second counter, six digits."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def give_totp(user) -> str:
    """An authenticator app for ``user``, stored as allauth stores one; returns its secret."""
    secret = base64.b32encode(secrets.token_bytes(20)).decode()
    Authenticator.objects.create(
        user=user, type=Authenticator.Type.TOTP, data={"secret": get_adapter().encrypt(secret)}
    )
    return secret


def give_recovery_codes(user) -> Authenticator:
    """Recovery codes for ``user``, stored as allauth stores them (a seed and a used mask)."""
    return Authenticator.objects.create(
        user=user,
        type=Authenticator.Type.RECOVERY_CODES,
        data={"seed": get_adapter().encrypt(secrets.token_hex(40)), "used_mask": 0},
    )


def unused_recovery_codes(user) -> list[str]:
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
    return authenticator.wrap().get_unused_codes()


def sign_in_with_two_step(client, user, password: str | None = None):
    """Sign ``client`` (Django's test client) in as ``user`` the only way the admin accepts:
    allauth's browser sign-in with the password, then the second step. The account gets a
    verified address, an authenticator app and recovery codes when it has none; the second step
    uses an unused recovery code, so one test may sign the same person in twice (a TOTP code
    is accepted once per 30 seconds)."""
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        give_totp(user)
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).exists():
        give_recovery_codes(user)
    response = client.post(
        "/_allauth/browser/v1/auth/login",
        {"email": user.email, "password": password or password_of(user)},
        content_type="application/json",
    )
    flows = response.json()["data"].get("flows", [])
    assert response.status_code == 401, response.content
    assert {"id": "mfa_authenticate", "is_pending": True} in [
        {"id": flow["id"], "is_pending": flow.get("is_pending", False)} for flow in flows
    ]
    response = client.post(
        "/_allauth/browser/v1/auth/2fa/authenticate",
        {"code": unused_recovery_codes(user)[0]},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    return client
