"""schemathesis against /api/schema/: every operation, as a signed-in partner with a session in
progress, with a bounded number of generated examples each. No 500, and every response matches
the schema."""

from __future__ import annotations

import pytest
import schemathesis
from django.conf import settings as django_settings
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from sessions import services as session_services
from tests.factories import fresh_check_in, link, publish

schema = schemathesis.openapi.from_wsgi("/api/schema/", WSGIHandler())


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    # Calling the WSGI handler directly fires request_started/finished, whose
    # close_old_connections would close PostgreSQL's connection inside the test's transaction.
    # Django's own test Client disconnects it the same way.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def partner_token(anna, bram) -> str:
    """anna, in a couple with bram, with a session under way: most endpoints have something."""
    fresh_check_in(anna)
    fresh_check_in(bram)
    link(anna, bram)
    version = publish()
    session_services.session_start(user=anna, exercise_slug=version.exercise.slug)
    client = Client()
    client.force_login(anna)
    return client.cookies[django_settings.SESSION_COOKIE_NAME].value


@schema.parametrize()
@settings(
    max_examples=5,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
@pytest.mark.django_db
def test_every_operation_answers_without_500_and_as_documented(case, partner_token):
    case.call_and_validate(
        headers={"X-Session-Token": partner_token},
        checks=[not_a_server_error, response_schema_conformance],
    )
