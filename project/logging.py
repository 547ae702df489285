"""A log filter that keeps secrets that travel in URL paths out of every log line.

Invite codes sit in paths (``/api/pairing/invites/<code>/``, ``.../therapist-invites/<code>/``)
and the servers' access logs (uvicorn, daphne) print paths. The filter is attached to the
handlers, so it applies to every record that reaches an output, whichever logger made it.
"""

from __future__ import annotations

import logging
import re

# Anything after an ``invites/`` path segment up to the next slash, space or quote.
INVITE_CODE_IN_PATH = re.compile(r"(invites/)[^/\s\"'?]+", re.IGNORECASE)
REDACTED = r"\1[redacted]"


def redact(text: str) -> str:
    return INVITE_CODE_IN_PATH.sub(REDACTED, text)


class RedactSecretsFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        elif isinstance(record.args, dict):
            record.args = {
                key: redact(value) if isinstance(value, str) else value
                for key, value in record.args.items()
            }
        # django.request attaches the request itself, whose repr holds the raw path; a handler
        # that reads it (mail_admins, an error tracker) would print the code. Django's handlers
        # treat a record without one as "request unavailable".
        record.__dict__.pop("request", None)
        return True
