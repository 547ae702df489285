"""Invite codes travel in URL paths; the console handler redacts them from every record (a
500 on ``/api/pairing/invites/<code>/accept/`` is logged by django.request with its path)."""

from __future__ import annotations

import logging

from project.logging import RedactSecretsFilter


def formatted(msg: str, *args) -> str:
    record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, msg, args, None)
    RedactSecretsFilter().filter(record)
    return record.getMessage()


def test_it_redacts_invite_codes_in_paths():
    line = formatted("Internal Server Error: %s", "/api/pairing/invites/K7QM-X2PA/accept/")

    assert "K7QM" not in line
    assert line == "Internal Server Error: /api/pairing/invites/[redacted]/accept/"


def test_it_redacts_therapist_invite_codes_and_codes_in_the_message_itself():
    line = formatted('"GET /api/pairing/therapist-invites/ab12cd34/ HTTP/1.1" 404')

    assert "ab12cd34" not in line


def test_it_leaves_other_paths_alone():
    assert formatted("%s", "/api/pairing/invites/") == "/api/pairing/invites/"
    assert formatted("%s", "/api/sessions/1/") == "/api/sessions/1/"


def test_the_console_handler_uses_it():
    handlers = logging.getLogger().handlers
    console = [h for h in handlers if isinstance(h, logging.StreamHandler)]
    assert console
    assert any(isinstance(f, RedactSecretsFilter) for handler in console for f in handler.filters)


def test_it_drops_the_request_that_django_request_attaches():
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Not Found: %s", ("/x/",), None
    )
    record.request = "<WSGIRequest: GET '/api/pairing/invites/ABCD-EFGH/'>"

    RedactSecretsFilter().filter(record)

    assert "ABCD-EFGH" not in repr(record.__dict__)
