"""POST /api/sessions/ {"assignment": <uuid>}: start one of my couple's assignments; the
session is linked to it, and every rule of starting applies."""

import uuid

import pytest

from safety.services import report_create
from sessions.models import CoupleSession
from tests.factories import therapist_link
from therapists.assignment_services import assignment_create
from therapists.models import Assignment

pytestmark = pytest.mark.django_db


@pytest.fixture
def assignment(thea, anna, bram, anna_and_bram, version) -> Assignment:
    therapist_link(thea, anna, bram)
    return assignment_create(
        therapist=thea, couple_id=anna_and_bram.pk, exercise_slug=version.exercise.slug
    )


def _start(client, body):
    return client.post("/api/sessions/", body, format="json")


def test_it_starts_the_assigned_exercise_linked_to_the_assignment(
    client_for, bram, assignment, version
):
    response = _start(client_for(bram), {"assignment": str(assignment.pk)})
    assert response.status_code == 201
    body = response.json()
    assert body["exercise"]["slug"] == version.exercise.slug
    assert body["status"] == "answering"
    session = CoupleSession.objects.get(pk=body["id"])
    assert list(session.assignments.all()) == [assignment]
    assert session.version == version
    assert session.started_by == bram


def test_dirk_gets_404_on_anna_and_brams_assignment(client_for, dirk, dirk_and_ella, assignment):
    response = _start(client_for(dirk), {"assignment": str(assignment.pk)})
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert not CoupleSession.objects.exists()


def test_an_unknown_assignment_is_the_same_404(client_for, anna, assignment):
    response = _start(client_for(anna), {"assignment": str(uuid.uuid4())})
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_an_open_session_of_the_assigned_exercise_is_409_with_its_id(
    client_for, anna, bram, assignment
):
    first = _start(client_for(anna), {"assignment": str(assignment.pk)}).json()
    response = _start(client_for(bram), {"assignment": str(assignment.pk)})
    assert response.status_code == 409
    assert response.json()["code"] == "session_already_open"
    assert response.json()["session"] == first["id"]


def test_starting_an_assignment_is_refused_while_paused(client_for, anna, assignment):
    report_create(user=anna)
    response = _start(client_for(anna), {"assignment": str(assignment.pk)})
    assert response.status_code == 409
    assert response.json()["code"] == "paused"
    assert not CoupleSession.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"exercise": "grenzen-voelen", "assignment": "00000000-0000-0000-0000-000000000000"},
    ],
    ids=["neither", "both"],
)
def test_exactly_one_of_exercise_and_assignment_is_required(client_for, anna, anna_and_bram, body):
    response = _start(client_for(anna), body)
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert set(response.json()["fields"]) == {"exercise", "assignment"}


def test_an_assignment_that_is_not_an_id_is_400(client_for, anna, anna_and_bram):
    response = _start(client_for(anna), {"assignment": "not-an-id"})
    assert response.status_code == 400
    assert "assignment" in response.json()["fields"]
