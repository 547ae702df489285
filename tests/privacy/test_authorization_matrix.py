"""The authorization matrix: every API endpoint by every actor → the expected answer.

Members are the two partners of the couple that owns the objects (anna, whose objects they are,
and bram); everyone else signed in (a stranger, an unlinked therapist, a content editor, an
admin) gets 404 on those objects, never 403 and never the object (privacy rule 5). Anonymous
requests get 401 except on the few public endpoints. A final test fails when a URL pattern under
/api/ has no row here.
"""

from __future__ import annotations

import uuid

import pytest
from django.urls import URLResolver, get_resolver
from rest_framework.test import APIClient

from notifications.models import PushSubscription
from safety.services import report_create
from tests.conftest import make_user
from tests.privacy.conftest import reauthenticate
from tests.sessions.conftest import fresh_check_in, link, publish

OK = "ok"  # any answer that is not 401/403/404/5xx: the actor reached their own data
REACHED = "reached"  # signed in and let through: 2xx, or 4xx about their own state ("no couple")
DENIED = "denied"  # 403 or 404: not theirs
PUBLIC = "public"  # reachable without signing in

# (method, route) -> {"anonymous": ..., "member": ..., "other": ...}; None = not checked as that
# actor because the endpoint has no object of anna's in its path.
SIGNED_IN = {"anonymous": 401, "member": REACHED, "other": REACHED}
OBJECT = {"anonymous": 401, "member": OK, "other": 404}
OWN_OBJECT = {"anonymous": 401, "member": "self-only", "other": 404}
THERAPIST_ONLY = {"anonymous": 401, "member": DENIED, "other": DENIED}
OPEN = {"anonymous": PUBLIC, "member": REACHED, "other": REACHED}

ROWS: dict[tuple[str, str], dict] = {
    ("GET", "api/me/"): SIGNED_IN,
    ("PATCH", "api/me/"): SIGNED_IN,
    ("DELETE", "api/me/"): {"anonymous": 401, "member": 403, "other": 403},
    ("GET", "api/me/export/"): SIGNED_IN,
    ("GET", "api/therapist/application/"): SIGNED_IN,
    ("POST", "api/therapist/application/"): SIGNED_IN,
    ("POST", "api/pairing/invites/"): SIGNED_IN,
    ("GET", "api/pairing/invites/<str:code>/"): SIGNED_IN,
    ("DELETE", "api/pairing/invites/<str:code>/"): SIGNED_IN,
    ("POST", "api/pairing/invites/<str:code>/accept/"): SIGNED_IN,
    ("GET", "api/pairing/couple/"): SIGNED_IN,
    ("POST", "api/pairing/couple/end/"): SIGNED_IN,
    ("GET", "api/pairing/therapist-invites/<str:code>/"): SIGNED_IN,
    ("POST", "api/pairing/therapist-invites/<str:code>/accept/"): SIGNED_IN,
    ("GET", "api/pairing/therapist/"): SIGNED_IN,
    ("DELETE", "api/pairing/therapist/"): SIGNED_IN,
    ("POST", "api/therapist/invites/"): {"anonymous": 401, "member": 403, "other": "role"},
    ("GET", "api/exercises/"): SIGNED_IN,
    ("GET", "api/exercises/<slug:slug>/"): SIGNED_IN,
    ("GET", "api/sessions/"): SIGNED_IN,
    ("POST", "api/sessions/"): SIGNED_IN,
    ("GET", "api/sessions/<uuid:session_id>/"): OBJECT,
    ("PUT", "api/sessions/<uuid:session_id>/answers/<uuid:prompt_id>/"): OBJECT,
    ("POST", "api/sessions/<uuid:session_id>/submit/"): OBJECT,
    ("POST", "api/sessions/<uuid:session_id>/share/"): OBJECT,
    ("DELETE", "api/sessions/<uuid:session_id>/share/"): OBJECT,
    ("GET", "api/assignments/"): SIGNED_IN,
    ("POST", "api/assignments/<uuid:assignment_id>/start/"): SIGNED_IN,
    ("GET", "api/therapist/couples/"): THERAPIST_ONLY,
    ("GET", "api/therapist/couples/<uuid:couple_id>/"): THERAPIST_ONLY,
    ("DELETE", "api/therapist/couples/<uuid:couple_id>/"): THERAPIST_ONLY,
    ("POST", "api/therapist/couples/<uuid:couple_id>/assignments/"): THERAPIST_ONLY,
    ("GET", "api/safety/check-in/"): SIGNED_IN,
    ("POST", "api/safety/check-in/"): SIGNED_IN,
    ("GET", "api/safety/reports/"): SIGNED_IN,
    ("POST", "api/safety/reports/"): SIGNED_IN,
    ("GET", "api/safety/reports/<uuid:report_id>/"): OWN_OBJECT,
    ("PATCH", "api/safety/reports/<uuid:report_id>/"): OWN_OBJECT,
    ("GET", "api/safety/resources/"): OPEN,
    ("GET", "api/safety/status/"): SIGNED_IN,
    ("POST", "api/safety/resume/"): SIGNED_IN,
    ("GET", "api/notifications/vapid-public-key/"): SIGNED_IN,
    ("GET", "api/notifications/preferences/"): SIGNED_IN,
    ("PATCH", "api/notifications/preferences/"): SIGNED_IN,
    ("GET", "api/notifications/subscriptions/"): SIGNED_IN,
    ("POST", "api/notifications/subscriptions/"): SIGNED_IN,
    ("DELETE", "api/notifications/subscriptions/<uuid:subscription_id>/"): OWN_OBJECT,
    # The token is the credential (one-click unsubscribe from an email): a wrong one is a 404.
    ("GET", "api/notifications/unsubscribe/<str:token>/"): {
        "anonymous": 404,
        "member": 404,
        "other": 404,
    },
    ("POST", "api/notifications/unsubscribe/<str:token>/"): {
        "anonymous": 404,
        "member": 404,
        "other": 404,
    },
    ("GET", "api/schema/"): OPEN,
    ("GET", "api/docs/"): OPEN,
}

ACTORS = ["anonymous", "self", "partner", "stranger", "therapist", "editor", "admin"]


def api_routes() -> set[tuple[str, str]]:
    found = set()

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + str(pattern.pattern))
                continue
            route = prefix + str(pattern.pattern)
            view = getattr(pattern.callback, "view_class", None)
            if not route.startswith("api/") or view is None:
                continue
            for method in ("get", "post", "put", "patch", "delete"):
                if hasattr(view, method):
                    found.add((method.upper(), route))

    walk(get_resolver().url_patterns)
    return found


def test_every_api_endpoint_has_a_row():
    assert sorted(api_routes() - set(ROWS)) == []
    assert sorted(set(ROWS) - api_routes()) == []


@pytest.fixture
def world(anna, bram, cas, thea, eva):
    fresh_check_in(anna)
    fresh_check_in(bram)
    couple = link(anna, bram)
    version = publish()
    from exercises.session_services import session_start

    session = session_start(user=anna, exercise_slug=version.exercise.slug)
    report = report_create(user=anna, note="")
    subscription = PushSubscription.objects.create(
        user=anna, endpoint="https://push.invalid/anna", p256dh="k", auth="a"
    )
    admin = make_user("root", is_staff=True, is_superuser=True)
    return {
        "users": {
            "self": anna,
            "partner": bram,
            "stranger": cas,
            "therapist": thea,
            "editor": eva,
            "admin": admin,
        },
        "params": {
            "<str:code>": "ABCD-EFGH",
            "<slug:slug>": version.exercise.slug,
            "<uuid:session_id>": str(session.id),
            "<uuid:prompt_id>": str(version.prompts.first().id),
            "<uuid:assignment_id>": str(uuid.uuid4()),
            "<uuid:couple_id>": str(couple.id),
            "<uuid:report_id>": str(report.id),
            "<uuid:subscription_id>": str(subscription.id),
            "<str:token>": "not-a-token",
        },
    }


def client_as(actor: str, world) -> APIClient:
    client = APIClient()
    if actor != "anonymous":
        user = world["users"][actor]
        client.force_login(user)
        reauthenticate(client, user)
    return client


def expected_for(row: dict, actor: str):
    if actor == "anonymous":
        return row["anonymous"]
    if actor in ("self", "partner"):
        value = row["member"]
        if value == "self-only":
            return OK if actor == "self" else 404
        return value
    return row["other"]


def check(status: int, expected) -> bool:
    if expected == OK:
        return status not in (401, 403, 404) and status < 500
    if expected == "role":
        # Therapists are let through, everyone else gets 403: the role is no secret.
        return status != 401 and status < 500
    if expected == REACHED:
        return status not in (401, 403) and status < 500
    if expected == PUBLIC:
        return status == 200
    if expected == DENIED:
        return status in (403, 404)
    return status == expected


@pytest.mark.parametrize("actor", ACTORS)
def test_the_matrix_holds_for(actor, world):
    client = client_as(actor, world)
    wrong = []
    # Destructive rows last, so that ending a couple or erasing does not change earlier rows.
    order = sorted(ROWS, key=lambda key: key in {("POST", "api/pairing/couple/end/")})
    for method, route in order:
        path = "/" + route
        for placeholder, value in world["params"].items():
            path = path.replace(placeholder, value)
        body = {"password": "not-the-password"} if route == "api/me/" else {}
        if "answers" in route:
            body = {"value": "x", "keep_private": False}
        if "reports/<uuid" in route:
            body = {"share_with_therapist": False}
        response = getattr(client, method.lower())(path, body, format="json")
        expected = expected_for(ROWS[(method, route)], actor)
        if not check(response.status_code, expected):
            wrong.append((method, path, response.status_code, expected))

    assert wrong == []


def test_ids_in_api_paths_are_uuids():
    for _method, route in ROWS:
        for part in route.split("/"):
            if part.startswith("<") and part.endswith(">") and "id>" in part:
                assert part.startswith("<uuid:"), route
