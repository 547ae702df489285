"""The authorization matrix: every API endpoint and the live-reveal WebSocket by every actor →
the expected answer.

The objects belong to anna ("self") and bram ("partner"), a couple with an active therapist
link to tom and an assignment from him. The others: fien, anna's ex-partner (their couple ended
before anna met bram); cas, a stranger; tom, the linked therapist, with and without a TOTP
authenticator; thea, a therapist with TOTP who is not linked; eva, a content editor; and an
admin. Everyone who is not one of the two partners gets 404 on their objects, never 403 and
never the object (privacy rule 5); therapist endpoints answer 403 to non-therapists and to a
therapist without MFA before any lookup. Anonymous requests get 401 except on the few public
endpoints. A test fails when a URL pattern under /api/ has no row here.
"""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from channels.layers import channel_layers
from django.urls import URLResolver, get_resolver
from django.utils import timezone
from rest_framework.test import APIClient

from notifications.models import PushSubscription
from pairing.services import couple_end
from pulse.items import ITEM_IDS
from pulse.services import pulse_record
from safety.services import pause_resume, report_create
from sessions.models import DailyQuestion
from sessions.services import session_start, session_submit
from tests.factories import (
    answer_all,
    fresh_check_in,
    link,
    make_user,
    publish,
    reauthenticate,
    therapist_link,
)
from tests.mfa import give_totp
from tests.support.live import connect
from therapists.assignment_services import assignment_create
from therapists.caseload_services import clinical_note_create
from therapists.services import therapist_invite_create

OK = "ok"  # not 401/403/404/5xx: the actor reached this object, which is theirs
REACHED = "reached"  # signed in and let through: 2xx, or 4xx about their own state ("no couple")
PUBLIC = "public"  # reachable without signing in: 200
NOT_A_THERAPIST = (403, "not_a_therapist")
MFA_REQUIRED = (403, "mfa_required")

ACTORS = [
    "anonymous",
    "self",
    "partner",
    "ex_partner",
    "stranger",
    "linked_therapist_mfa",
    "linked_therapist",
    "unlinked_therapist",
    "editor",
    "admin",
]
PARTNERS = {"self", "partner"}

# Each row: the expectation for "anonymous", for the two partners ("member"), and for everyone
# else ("other"), with per-actor overrides where an actor differs from its group.
SIGNED_IN = {"anonymous": 401, "member": REACHED, "other": REACHED}
OBJECT = {"anonymous": 401, "member": OK, "other": 404}
OWN_OBJECT = {"anonymous": 401, "member": OK, "partner": 404, "other": 404}
OPEN = {"anonymous": PUBLIC, "member": REACHED, "other": REACHED}


def therapist_only(*, linked: object, unlinked: object) -> dict:
    """A therapist endpoint: the role and MFA are checked before any lookup."""
    return {
        "anonymous": 401,
        "member": NOT_A_THERAPIST,
        "other": NOT_A_THERAPIST,
        "linked_therapist": MFA_REQUIRED,
        "linked_therapist_mfa": linked,
        "unlinked_therapist": unlinked,
    }


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
    ("GET", "api/pairing/couple/"): {"anonymous": 401, "member": 200, "other": 404},
    ("POST", "api/pairing/couple/end/"): SIGNED_IN,
    # Only the date my own last couple ended (or null): nothing of anyone else's.
    ("GET", "api/pairing/couple/ended/"): SIGNED_IN,
    ("GET", "api/pairing/therapist-invites/<str:code>/"): SIGNED_IN,
    ("POST", "api/pairing/therapist-invites/<str:code>/accept/"): SIGNED_IN,
    ("GET", "api/pairing/therapist/"): {"anonymous": 401, "member": 200, "other": 404},
    ("DELETE", "api/pairing/therapist/"): {"anonymous": 401, "member": 204, "other": 404},
    ("POST", "api/therapist/invites/"): therapist_only(linked=201, unlinked=201),
    ("GET", "api/therapist/invites/"): therapist_only(linked=200, unlinked=200),
    # tom's own invite still waiting for consent: only tom revokes it.
    ("DELETE", "api/therapist/invites/<uuid:invite_id>/"): therapist_only(linked=204, unlinked=404),
    ("GET", "api/exercises/"): SIGNED_IN,
    ("GET", "api/exercises/<slug:slug>/"): SIGNED_IN,
    # The editors' preview of a draft: staff with the library permission only (eva here has
    # no group, so no permission); a 404 to everyone else.
    ("GET", "api/exercises/preview/<uuid:exercise_id>/"): {
        "anonymous": 401,
        "member": 404,
        "other": 404,
        "admin": 200,
    },
    ("GET", "api/sessions/"): SIGNED_IN,
    ("POST", "api/sessions/"): SIGNED_IN,
    ("GET", "api/sessions/<uuid:session_id>/"): OBJECT,
    ("PUT", "api/sessions/<uuid:session_id>/answers/<uuid:prompt_id>/"): OBJECT,
    ("POST", "api/sessions/<uuid:session_id>/submit/"): OBJECT,
    ("POST", "api/sessions/<uuid:session_id>/share/"): OBJECT,
    ("DELETE", "api/sessions/<uuid:session_id>/share/"): OBJECT,
    ("GET", "api/sessions/<uuid:session_id>/reactions/"): OBJECT,
    ("POST", "api/sessions/<uuid:session_id>/not-now/"): OBJECT,
    ("DELETE", "api/sessions/<uuid:session_id>/not-now/"): OBJECT,
    ("GET", "api/assignments/"): SIGNED_IN,
    ("POST", "api/assignments/<uuid:assignment_id>/start/"): OBJECT,
    ("GET", "api/therapist/couples/"): therapist_only(linked=200, unlinked=200),
    ("GET", "api/therapist/couples/<uuid:couple_id>/"): therapist_only(linked=200, unlinked=404),
    ("DELETE", "api/therapist/couples/<uuid:couple_id>/"): therapist_only(linked=204, unlinked=404),
    ("POST", "api/therapist/couples/<uuid:couple_id>/assignments/"): therapist_only(
        linked=201, unlinked=404
    ),
    ("GET", "api/therapist/caseload/"): therapist_only(linked=200, unlinked=200),
    ("POST", "api/therapist/couples/<uuid:couple_id>/seen/"): therapist_only(
        linked=204, unlinked=404
    ),
    ("GET", "api/therapist/couples/<uuid:couple_id>/record/"): therapist_only(
        linked=200, unlinked=404
    ),
    ("PATCH", "api/therapist/couples/<uuid:couple_id>/assignments/<uuid:assignment_id>/"): (
        therapist_only(linked=200, unlinked=404)
    ),
    ("DELETE", "api/therapist/couples/<uuid:couple_id>/assignments/<uuid:assignment_id>/"): (
        therapist_only(linked=204, unlinked=404)
    ),
    ("GET", "api/therapist/couples/<uuid:couple_id>/notes/"): therapist_only(
        linked=200, unlinked=404
    ),
    ("POST", "api/therapist/couples/<uuid:couple_id>/notes/"): therapist_only(
        linked=201, unlinked=404
    ),
    ("PATCH", "api/therapist/couples/<uuid:couple_id>/notes/<uuid:note_id>/"): therapist_only(
        linked=200, unlinked=404
    ),
    ("DELETE", "api/therapist/couples/<uuid:couple_id>/notes/<uuid:note_id>/"): therapist_only(
        linked=204, unlinked=404
    ),
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
    # Issue 18: the daily question and the pulse are the person's own (409 without a couple).
    ("GET", "api/daily/"): SIGNED_IN,
    ("PUT", "api/daily/answer/"): SIGNED_IN,
    ("PUT", "api/daily/reaction/"): SIGNED_IN,
    ("GET", "api/daily/history/"): SIGNED_IN,
    ("GET", "api/pulse/"): SIGNED_IN,
    ("POST", "api/pulse/"): SIGNED_IN,
    ("GET", "api/pulse/trend/"): SIGNED_IN,
    ("GET", "api/pulse/partner/"): SIGNED_IN,
    ("PATCH", "api/pulse/<uuid:entry_id>/"): OWN_OBJECT,
    # Issue 22's measures: a partner's consent (409 without a linked therapist) and the view.
    ("GET", "api/pairing/therapist/measures/"): {"anonymous": 401, "member": 200, "other": 409},
    ("PUT", "api/pairing/therapist/measures/"): {"anonymous": 401, "member": 200, "other": 409},
    ("DELETE", "api/pairing/therapist/measures/"): {
        "anonymous": 401,
        "member": 204,
        "other": 409,
    },
    ("GET", "api/therapist/couples/<uuid:couple_id>/measures/"): therapist_only(
        linked=200, unlinked=404
    ),
    ("GET", "api/schema/"): OPEN,
    ("GET", "api/docs/"): OPEN,
}

# Rows that end something, run last and in this order so they do not change the others.
DESTRUCTIVE = [
    ("DELETE", "api/therapist/couples/<uuid:couple_id>/notes/<uuid:note_id>/"),
    ("DELETE", "api/therapist/couples/<uuid:couple_id>/assignments/<uuid:assignment_id>/"),
    ("DELETE", "api/therapist/couples/<uuid:couple_id>/"),
    ("DELETE", "api/pairing/therapist/"),
    ("POST", "api/pairing/couple/end/"),
]


def run_order(key: tuple[str, str]) -> int:
    return DESTRUCTIVE.index(key) + 1 if key in DESTRUCTIVE else 0


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


def build_world(actor: str) -> dict:
    """anna and bram with everything a URL can point at, and one user per actor."""
    anna, bram = make_user("anna"), make_user("bram")
    fien, cas, tom = make_user("fien"), make_user("cas"), make_user("tom", is_therapist=True)
    thea = make_user("thea", is_therapist=True)
    for person in (anna, bram, fien):
        fresh_check_in(person)
    link(anna, fien)
    couple_end(user=anna)
    couple = link(anna, bram)
    therapist_link(tom, anna, bram)
    waiting_invite = therapist_invite_create(therapist=tom).link
    # Linking and assigning are services; the MFA gate is the API's, tried with and without.
    if actor == "linked_therapist_mfa":
        give_totp(tom)
    give_totp(thea)
    version = publish()
    assigned = publish("opdracht")
    assignment = assignment_create(
        therapist=tom, couple_id=couple.id, exercise_slug=assigned.exercise.slug, note="n"
    )
    note = clinical_note_create(therapist=tom, couple_id=couple.id, text="tom's own note")
    # anna's report is three days old and she resumed since, so her own actions are not
    # refused as paused: the partners' rows show them reaching their objects for real.
    now = timezone.now()
    with mock.patch("django.utils.timezone.now", return_value=now - timedelta(days=3)):
        report = report_create(user=anna, note="")
    with mock.patch("django.utils.timezone.now", return_value=now - timedelta(days=2)):
        pause_resume(user=anna)
    fresh_check_in(anna)
    session = session_start(user=anna, exercise_slug=version.exercise.slug)
    DailyQuestion.objects.create(key="een", text_nl="Hoe was je dag?", text_en="Your day?")
    entry = pulse_record(user=anna, answers=dict.fromkeys(ITEM_IDS, 3), share_with_partner=True)
    subscription = PushSubscription.objects.create(
        user=anna, endpoint="https://push.invalid/anna", p256dh="k", auth="a"
    )
    users = {
        "self": anna,
        "partner": bram,
        "ex_partner": fien,
        "stranger": cas,
        "linked_therapist_mfa": tom,
        "linked_therapist": tom,
        "unlinked_therapist": thea,
        "editor": make_user("eva", is_staff=True),
        "admin": make_user("root", is_staff=True, is_superuser=True),
    }
    return {
        "users": users,
        "session": session,
        "params": {
            "<str:code>": "ABCD-EFGH",
            "<slug:slug>": version.exercise.slug,
            "<uuid:exercise_id>": str(version.exercise.id),
            "<uuid:session_id>": str(session.id),
            "<uuid:prompt_id>": str(version.prompts.first().id),
            "<uuid:assignment_id>": str(assignment.id),
            "<uuid:couple_id>": str(couple.id),
            "<uuid:invite_id>": str(waiting_invite.id),
            "<uuid:report_id>": str(report.id),
            "<uuid:note_id>": str(note.id),
            "<uuid:subscription_id>": str(subscription.id),
            "<uuid:entry_id>": str(entry.id),
            "<str:token>": "not-a-token",
        },
        "bodies": {
            "api/me/": {"password": "not-the-password"},
            "api/sessions/<uuid:session_id>/answers/<uuid:prompt_id>/": {
                "value": "x",
                "keep_private": False,
            },
            "api/sessions/<uuid:session_id>/not-now/": {"message": "not_tonight"},
            "api/safety/reports/<uuid:report_id>/": {"share_with_therapist": False},
            "api/daily/answer/": {"value": "x"},
            "api/daily/reaction/": {"reaction": "thanks"},
            "api/pulse/": {"answers": dict.fromkeys(ITEM_IDS, 3)},
            "api/pulse/<uuid:entry_id>/": {"share_with_partner": False},
            "api/therapist/couples/<uuid:couple_id>/assignments/": {
                "exercise": version.exercise.slug
            },
            "api/therapist/couples/<uuid:couple_id>/assignments/<uuid:assignment_id>/": {
                "note": "n2"
            },
            "api/therapist/couples/<uuid:couple_id>/notes/": {"text": "another"},
            "api/therapist/couples/<uuid:couple_id>/notes/<uuid:note_id>/": {"text": "again"},
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
    if actor in row:
        return row[actor]
    if actor == "anonymous":
        return row["anonymous"]
    return row["member"] if actor in PARTNERS else row["other"]


def check(response, expected) -> bool:
    status = response.status_code
    if expected == OK:
        return status not in (401, 403, 404) and status < 500
    if expected == REACHED:
        return status not in (401, 403) and status < 500
    if expected == PUBLIC:
        return status == 200
    if isinstance(expected, tuple):
        return (status, response.json().get("code")) == expected
    return status == expected


@pytest.mark.django_db
@pytest.mark.parametrize("actor", ACTORS)
def test_the_matrix_holds_for(actor):
    world = build_world(actor)
    client = client_as(actor, world)
    wrong = []
    for method, route in sorted(ROWS, key=run_order):
        path = "/" + route
        for placeholder, value in world["params"].items():
            path = path.replace(placeholder, value)
        body = world["bodies"].get(route, {})
        response = getattr(client, method.lower())(path, body, format="json")
        expected = expected_for(ROWS[(method, route)], actor)
        if not check(response, expected):
            wrong.append((method, path, response.status_code, expected))

    assert wrong == []


@pytest.mark.django_db
@pytest.mark.parametrize("actor", ["stranger", "ex_partner", "linked_therapist_mfa", "admin"])
def test_others_get_the_same_404_as_for_an_id_that_does_not_exist(actor):
    """A 404 that looked different for a real id would tell that the object exists."""
    import uuid

    world = build_world(actor)
    client = client_as(actor, world)
    real = client.get(f"/api/sessions/{world['session'].id}/")
    unknown = client.get(f"/api/sessions/{uuid.uuid4()}/")

    assert (real.status_code, real.json()) == (unknown.status_code, unknown.json())


def test_ids_in_api_paths_are_uuids():
    for _method, route in ROWS:
        for part in route.split("/"):
            if part.startswith("<") and part.endswith(">") and "id>" in part:
                assert part.startswith("<uuid:"), route


# ---- the live reveal -----------------------------------------------------------------------

WEBSOCKET = {
    "anonymous": (False, 4401),
    "self": (True, "state"),
    "partner": (True, "state"),
}
WEBSOCKET_OTHERS = (False, 4404)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("auth", ["token", "cookie"])
@pytest.mark.parametrize("actor", ACTORS)
async def test_only_the_two_partners_may_open_the_live_reveal(actor, auth):
    from channels.db import database_sync_to_async

    channel_layers.backends.clear()

    def ready_to_reveal() -> dict:
        world = build_world(actor)
        session = world["session"]
        for person in ("self", "partner"):
            answer_all(session, world["users"][person])
        for person in ("self", "partner"):
            session_submit(user=world["users"][person], session=session)
        return world

    world = await database_sync_to_async(ready_to_reveal)()
    user = world["users"].get(actor)
    live, connected, detail = await connect(user, world["session"].id, cookie=auth == "cookie")
    try:
        if connected:
            first = await live.next()
            outcome = (True, first["type"])
        else:
            outcome = (False, detail)
    finally:
        await live.close()
        channel_layers.backends.clear()

    assert outcome == WEBSOCKET.get(actor, WEBSOCKET_OTHERS)
