"""Every therapist and sharing endpoint against every actor: the status, the error code, and
which planted answer markers the body may carry.

The world: anna and bram are a couple; thea gave them an assignment and they did it (started
from the assignment, answered, revealed together). anna's text answer carries ANNA_MARKER and
anna shared the session with thea; bram's carries BRAM_MARKER and he did not share. So
ANNA_MARKER may reach exactly one place (thea's couple detail, with MFA) and BRAM_MARKER none.
thea also wrote a private clinical note carrying NOTE_MARKER: it reaches thea (with MFA) through
her notes and her record of the couple, and nobody else, anywhere.
"""

from __future__ import annotations

import pytest

from sessions import services as session_services
from tests.factories import (
    ANNA_MARKER,
    BRAM_MARKER,
    answer_all,
    fresh_check_in,
    link,
    make_user,
    publish,
    reveal_all,
)
from tests.mfa import give_totp
from therapists.assignment_services import (
    assignment_create,
    session_share,
    session_start_from_assignment,
)
from therapists.caseload_services import clinical_note_create
from therapists.models import SessionShare, TherapistLink
from therapists.services import therapist_invite_accept, therapist_invite_create

NOTE_MARKER = "thea-note-marker-7a31e0"

ACTORS = [
    "anonymous",
    "partner",
    "other_partner",
    "stranger",
    "unlinked_therapist",
    "half_consented_therapist",
    "linked_therapist_without_mfa",
    "linked_therapist",
    "admin",
]

NOT_THERAPIST = (403, "not_a_therapist")
MFA = (403, "mfa_required")
ANON = (401, "not_authenticated")
GONE = (404, "not_found")
BAD_CODE = (404, "invite_invalid")
OK = (200, None)
CREATED = (201, None)
NO_CONTENT = (204, None)


def therapist_row(linked_ok, *, unlinked=GONE, half=GONE):
    """Therapist endpoints: only therapists with MFA get past the gate."""
    return {
        "anonymous": ANON,
        "partner": NOT_THERAPIST,
        "other_partner": NOT_THERAPIST,
        "stranger": NOT_THERAPIST,
        "unlinked_therapist": unlinked,
        "half_consented_therapist": half,
        "linked_therapist_without_mfa": MFA,
        "linked_therapist": linked_ok,
        "admin": NOT_THERAPIST,
    }


def partner_row(partner, other_partner, others):
    return {
        "anonymous": ANON,
        "partner": partner,
        "other_partner": other_partner,
        **{actor: others for actor in ACTORS[3:]},
    }


# (method, url template) -> actor -> (status, code)
MATRIX = {
    ("post", "/api/therapist/invites/"): therapist_row(CREATED, unlinked=CREATED, half=CREATED),
    ("get", "/api/therapist/invites/"): therapist_row(OK, unlinked=OK, half=OK),
    # thea's own invite still waiting for consent; nobody else's.
    ("delete", "/api/therapist/invites/{invite}/"): therapist_row(NO_CONTENT),
    ("get", "/api/therapist/couples/"): therapist_row(OK, unlinked=OK, half=OK),
    ("get", "/api/therapist/couples/{couple}/"): therapist_row(OK),
    ("delete", "/api/therapist/couples/{couple}/"): therapist_row(NO_CONTENT),
    ("post", "/api/therapist/couples/{couple}/assignments/"): therapist_row(CREATED),
    ("get", "/api/therapist/caseload/"): therapist_row(OK, unlinked=OK, half=OK),
    ("post", "/api/therapist/couples/{couple}/seen/"): therapist_row(NO_CONTENT),
    ("get", "/api/therapist/couples/{couple}/record/"): therapist_row(OK),
    ("patch", "/api/therapist/couples/{couple}/assignments/{assignment}/"): therapist_row(OK),
    ("delete", "/api/therapist/couples/{couple}/assignments/{assignment}/"): therapist_row(
        NO_CONTENT
    ),
    ("get", "/api/therapist/couples/{couple}/notes/"): therapist_row(OK),
    ("post", "/api/therapist/couples/{couple}/notes/"): therapist_row(CREATED),
    ("patch", "/api/therapist/couples/{couple}/notes/{note}/"): therapist_row(OK),
    ("delete", "/api/therapist/couples/{couple}/notes/{note}/"): therapist_row(NO_CONTENT),
    ("post", "/api/sessions/{session}/share/"): partner_row(OK, OK, GONE),
    ("delete", "/api/sessions/{session}/share/"): partner_row(NO_CONTENT, NO_CONTENT, GONE),
    ("get", "/api/assignments/"): partner_row(OK, OK, OK),
    ("get", "/api/pairing/therapist/"): partner_row(OK, OK, GONE),
    ("delete", "/api/pairing/therapist/"): partner_row(NO_CONTENT, NO_CONTENT, GONE),
    # The link is active, so its code is spent for everyone.
    ("post", "/api/pairing/therapist-invites/{code}/accept/"): {
        **partner_row(BAD_CODE, BAD_CODE, BAD_CODE),
        # In the half-consented world the code is still open; it is the therapist's own.
        "half_consented_therapist": (400, "invite_own"),
    },
}

CASES = [
    pytest.param(method, url, actor, expected, id=f"{method} {url} as {actor}")
    for (method, url), row in MATRIX.items()
    for actor, expected in row.items()
]


def _mfa(user) -> None:
    give_totp(user)


def build_world(actor: str) -> dict:
    anna = make_user("anna")
    bram = make_user("bram")
    fresh_check_in(anna)
    fresh_check_in(bram)
    couple = link(anna, bram)
    thea = make_user("thea", is_therapist=True)
    if actor != "linked_therapist_without_mfa":
        _mfa(thea)
    version = publish()
    issued = therapist_invite_create(therapist=thea)
    therapist_invite_accept(user=anna, code=issued.code)
    therapist_invite_accept(user=bram, code=issued.code)
    assignment = assignment_create(
        therapist=thea, couple_id=couple.pk, exercise_slug=version.exercise.slug, note="Samen"
    )
    session = session_start_from_assignment(user=anna, assignment_id=assignment.pk)
    answer_all(session, anna, text=ANNA_MARKER)
    answer_all(session, bram, text=BRAM_MARKER)
    session_services.session_submit(user=anna, session=session)
    session_services.session_submit(user=bram, session=session)
    reveal_all(session, anna, bram)
    session_share(user=anna, session_id=session.pk)
    note = clinical_note_create(therapist=thea, couple_id=couple.pk, text=f"Notitie {NOTE_MARKER}")
    # A second, open assignment: the first one is completed, so it no longer changes.
    open_assignment = assignment_create(
        therapist=thea, couple_id=couple.pk, exercise_slug=publish("later").exercise.slug
    )
    code = issued.code
    if actor == "half_consented_therapist":
        # Here thea's link is replaced by tina's, accepted by anna only.
        TherapistLink.objects.update(status="ended")
        SessionShare.objects.all().delete()
        tina = make_user("tina", is_therapist=True)
        _mfa(tina)
        pending = therapist_invite_create(therapist=tina)
        therapist_invite_accept(user=anna, code=pending.code)
        code = pending.code
    cast = {
        "anonymous": None,
        "partner": anna,
        "other_partner": bram,
        "stranger": make_user("cas"),
        "linked_therapist_without_mfa": thea,
        "linked_therapist": thea,
    }
    if actor == "unlinked_therapist":
        cast[actor] = make_user("theo", is_therapist=True)
        _mfa(cast[actor])
    if actor == "half_consented_therapist":
        cast[actor] = tina
    if actor == "admin":
        cast[actor] = make_user("root", is_staff=True, is_superuser=True)
        _mfa(cast[actor])
    waiting = therapist_invite_create(therapist=thea).link
    return {
        "user": cast[actor],
        "urls": {
            "couple": couple.pk,
            "session": session.pk,
            "code": code,
            "invite": waiting.pk,
            "note": note.pk,
            "assignment": open_assignment.pk,
        },
        "version": version,
    }


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "url", "actor", "expected"), CASES)
def test_authorization_matrix(method, url, actor, expected, api, client_for):
    world = build_world(actor)
    client = api if world["user"] is None else client_for(world["user"])
    body = {
        ("post", "/api/therapist/couples/{couple}/assignments/"): {
            "exercise": world["version"].exercise.slug,
            "note": "Nog eens",
        },
        ("patch", "/api/therapist/couples/{couple}/assignments/{assignment}/"): {"note": "Anders"},
        ("post", "/api/therapist/couples/{couple}/notes/"): {"text": "Nieuwe notitie"},
        ("patch", "/api/therapist/couples/{couple}/notes/{note}/"): {"text": "Herschreven"},
    }.get((method, url), {})
    response = getattr(client, method)(url.format(**world["urls"]), body, format="json")
    status, code = expected
    assert response.status_code == status, response.content
    text = response.content.decode()
    if code is not None:
        assert response.json()["code"] == code
    assert BRAM_MARKER not in text
    reads_shared_answers = (method, url, actor) == (
        "get",
        "/api/therapist/couples/{couple}/",
        "linked_therapist",
    )
    assert (ANNA_MARKER in text) is reads_shared_answers
    reads_own_notes = actor == "linked_therapist" and (method, url) in {
        ("get", "/api/therapist/couples/{couple}/notes/"),
        ("get", "/api/therapist/couples/{couple}/record/"),
    }
    assert (NOTE_MARKER in text) is reads_own_notes
