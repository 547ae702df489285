"""Invite codes: 40 random bits shown as ``XXXX-XXXX``, read forgivingly, stored only as a digest.

The alphabet is Crockford's base 32: the digits and the letters without I, L, O and U. Those
letters are left out because they look like 1 and 0 (or, for U, make accidental words), and
whatever a person types for them is read as the digit it resembles, so a misread code still
works. 32 symbols x 8 characters = 40 bits.
"""

import secrets

from django.utils.crypto import salted_hmac

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 8
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
_DIGEST_SALT = "pairing.PartnerInvite.code"


def code_generate() -> str:
    """A new code in its normalised form (8 characters, no dash)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def code_normalise(raw: str) -> str | None:
    """What a person typed or a link carried, as the 8 canonical characters; None if it can't be."""
    code = "".join(raw.split()).replace("-", "").upper().translate(_LOOKALIKES)
    if len(code) != LENGTH or any(char not in ALPHABET for char in code):
        return None
    return code


def code_display(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


def code_digest(code: str) -> str:
    # Keyed with SECRET_KEY: 40 bits are too few to survive an offline search of a plain hash
    # from a leaked database.
    return salted_hmac(_DIGEST_SALT, code, algorithm="sha256").hexdigest()
