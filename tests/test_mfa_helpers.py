"""The test helpers for two-step sign-in agree with allauth: a code they compute is one allauth
accepts, and recovery codes they store are ten codes allauth can read."""

import base64

from allauth.mfa.models import Authenticator

from .mfa import give_recovery_codes, give_totp, totp_code, unused_recovery_codes


def test_the_code_helper_matches_rfc_6238_test_vector():
    # RFC 6238 appendix B, SHA-1, T = 59 s: 94287082 (the last six digits).
    secret = base64.b32encode(b"12345678901234567890").decode()
    assert totp_code(secret, at=59) == "287082"


def test_allauth_accepts_a_code_for_the_stored_secret(clock, anna):
    secret = give_totp(anna)
    totp = Authenticator.objects.get(user=anna, type=Authenticator.Type.TOTP).wrap()
    # The clock is frozen: the code is for the step allauth checks, never the one before.
    assert totp.validate_code(totp_code(secret))


def test_allauth_reads_ten_recovery_codes(anna):
    give_recovery_codes(anna)
    codes = unused_recovery_codes(anna)
    assert len(codes) == 10
    assert len(set(codes)) == 10
