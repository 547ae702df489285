"""Domain errors: what a business rule says when it says no.

Services and selectors raise these; they know nothing of HTTP or WebSockets. ``code`` is stable
and meant for programs, ``message`` is for people (translated), ``fields`` points at the input
that was wrong, ``extra`` carries optional data. ``kind`` says what sort of "no" it is; one place
at the edge (``project.edge``) turns a kind into an HTTP status or a WebSocket ``error``.

Raise a kind with a code and message at the site (``raise Conflict("already_submitted", _("…"))``);
where an app raises the same error from several places it defines a subclass with ``code`` and
``message`` set (``pairing.errors.InviteInvalid``).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, ClassVar

from django.utils.translation import gettext_lazy as _


class ErrorKind(StrEnum):
    INVALID = "invalid"
    UNAUTHENTICATED = "unauthenticated"
    FORBIDDEN = "forbidden"
    NOT_FOUND = "not_found"
    CONFLICT = "conflict"
    RATE_LIMITED = "rate_limited"


class DomainError(Exception):
    kind: ClassVar[ErrorKind] = ErrorKind.INVALID
    code: str = "invalid"
    message: Any = _("Please check what you sent.")

    def __init__(
        self,
        code: str | None = None,
        message: Any = None,
        *,
        fields: dict[str, list[str]] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        if code is not None:
            self.code = code
        if message is not None:
            self.message = message
        self.message = str(self.message)
        self.fields = fields or {}
        self.extra = extra or {}
        super().__init__(self.code, self.message)


class Invalid(DomainError):
    """The input breaks a rule; ``fields`` says which field and why."""

    kind = ErrorKind.INVALID


class Unauthenticated(DomainError):
    kind = ErrorKind.UNAUTHENTICATED


class Forbidden(DomainError):
    kind = ErrorKind.FORBIDDEN


class NotFound(DomainError):
    """Another person's object, or none: both answer the same (privacy rule 5)."""

    kind = ErrorKind.NOT_FOUND
    code = "not_found"
    message = _("Not found.")


class Conflict(DomainError):
    """The request is fine, but the state of things does not allow it now."""

    kind = ErrorKind.CONFLICT


class RateLimited(DomainError):
    kind = ErrorKind.RATE_LIMITED
    code = "too_many_attempts"
    message = _("Too many attempts. Wait a while and try again.")
