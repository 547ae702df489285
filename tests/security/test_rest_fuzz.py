"""Issue 23, findings 4 and 5: every JSON endpoint, ours (from the OpenAPI schema) and
allauth's (from its own specification), gets bodies nested far too deep and bodies with lone
surrogates, as a signed-in partner with a session under way. The answer is a 4xx, never a 500;
where the endpoint reads a body at all, it is the 400 of ``project.jsoninput``."""

from __future__ import annotations

import json
import re
import uuid

import pytest
from django.test import Client
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.factories import fresh_check_in, link, publish
from tests.mfa import give_totp

pytestmark = pytest.mark.django_db

WRITES = ("post", "put", "patch", "delete")
REFUSALS = {"too_deeply_nested", "invalid_unicode"}


def our_operations() -> list[tuple[str, str, bool]]:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return sorted(
        (method.upper(), path, "requestBody" in operation)
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
        if method in WRITES
    )


def allauth_operations() -> list[tuple[str, str, bool]]:
    # allauth serves its own specification (HEADLESS_SERVE_SPECIFICATION).
    spec = Client().get("/_allauth/openapi.json").json()
    return sorted(
        (method.upper(), path.replace("{client}", client), True)
        for path, operations in spec["paths"].items()
        for method in operations
        if method in WRITES
        for client in (("browser", "app") if "{client}" in path else ("",))
    )


OPERATIONS = [*our_operations(), *allauth_operations()]

# ---- bodies ------------------------------------------------------------------------------------

# One level each, or two; a pattern repeated from 17 up to 4,000 times: past 32 levels our loader
# refuses, and past about 1,000 Python's json module used to raise RecursionError.
PATTERNS = st.sampled_from(
    [("[", "]"), ('{"value": ', "}"), ('{"a": [', "]}"), ("[{", "}]"), ('[1, {"b": ', "}]")]
)


@st.composite
def deep_bodies(draw) -> str:
    opener, closer = draw(PATTERNS)
    times = draw(st.one_of(st.integers(17, 100), st.integers(1000, 4000)))
    inner = '"k": 1' if opener.endswith("{") else '"x"'
    tail = closer * times if draw(st.booleans()) else ""
    return opener * times + inner + tail


LONE = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
TEXT_WITH_A_LONE_SURROGATE = st.builds(
    lambda before, lone, after: before + lone + after,
    st.text(max_size=8),
    LONE,
    st.text(max_size=8),
)
FIELD_NAMES = st.sampled_from(
    ["value", "note", "display_name", "name", "practice", "email", "password", "code", "key"]
)
SURROGATE_BODIES = st.dictionaries(
    FIELD_NAMES,
    st.one_of(TEXT_WITH_A_LONE_SURROGATE, st.lists(TEXT_WITH_A_LONE_SURROGATE, min_size=1)),
    min_size=1,
).map(json.dumps)  # ensure_ascii: the surrogate travels as an escape, as a client sends it
SURROGATE_KEYS = st.builds(lambda key: json.dumps({key: "x"}), TEXT_WITH_A_LONE_SURROGATE)
BODIES = st.one_of(deep_bodies(), SURROGATE_BODIES, SURROGATE_KEYS)


# ---- the world the requests land in ------------------------------------------------------------


@pytest.fixture
def world(anna, bram, client_for) -> dict:
    """anna and bram linked, a session of anna's under way, one report of hers: the ids a path
    needs, so requests reach the view and its parser instead of stopping at a 404."""
    fresh_check_in(anna)
    fresh_check_in(bram)
    link(anna, bram)
    version = publish()
    annas = client_for(anna)
    session = annas.post("/api/sessions/", {"exercise": version.exercise.slug}, format="json")
    assert session.status_code == 201
    report = annas.post("/api/safety/reports/", {"note": ""}, format="json")
    assert report.status_code == 201
    return {
        "session_id": session.json()["id"],
        "prompt_id": next(p["id"] for p in session.json()["prompts"] if p["kind"] == "text"),
        "report_id": annas.get("/api/safety/reports/").json()[0]["id"],
    }


def fill(path: str, world: dict) -> str:
    def value(match: re.Match) -> str:
        name = match.group(1)
        if name in world:
            return str(world[name])
        return "ABCD-EFGH" if name in ("code", "token") else str(uuid.uuid4())

    return re.sub(r"\{(\w+)\}", value, path)


@pytest.mark.parametrize(("method", "path", "reads_body"), OPERATIONS, ids=lambda v: str(v))
def test_hostile_bodies_get_a_4xx_never_a_500(anna, bram, world, method, path, reads_body):
    client = Client(raise_request_exception=False)
    client.force_login(anna)
    partner = Client(raise_request_exception=False)
    partner.force_login(bram)
    url = fill(path, world)

    reads = [
        f"/api/sessions/{world['session_id']}/",
        "/api/sessions/",
        "/api/me/",
        "/api/safety/reports/",
        "/api/notifications/subscriptions/",
        "/api/therapist/application/",
    ]

    @settings(
        max_examples=6,
        deadline=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(body=BODIES)
    @example(body="[" * 3000 + "]" * 3000)
    @example(body=json.dumps({"value": "a\ud800", "keep_private": False}))
    @example(body=json.dumps({"note": "\ud800", "share_with_therapist": False}))
    @example(body=json.dumps({"display_name": "x\udfff"}))
    def check(body: str) -> None:
        response = client.generic(method, url, body.encode(), content_type="application/json")
        assert response.status_code < 500, (method, url, body[:80], response.content[:300])
        if reads_body:
            assert 400 <= response.status_code < 500, (method, url, response.content[:300])
        if response.status_code >= 400:
            return
        # Whatever was stored must not break a later read, for anna or for bram.
        for reader in (client, partner):
            for read in reads:
                assert reader.get(read).status_code < 500, (method, url, body[:80], read)

    check()


@pytest.mark.parametrize(
    ("method", "path"),
    [(m, p) for m, p, reads in OPERATIONS if reads and p.startswith("/api/")],
    ids=str,
)
def test_our_endpoints_that_read_a_body_refuse_it_with_the_loaders_code(
    anna, thea, world, method, path
):
    # Therapist endpoints answer 403 before they read anything; thea may use them.
    user = thea if path.startswith("/api/therapist/couples/") else anna
    if user is thea:
        give_totp(thea)
    client = Client()
    client.force_login(user)
    url = fill(path, world)
    for body in ("[" * 40 + "]" * 40, json.dumps({"value": "a\ud800b", "note": "\udfff"})):
        response = client.generic(method, url, body.encode(), content_type="application/json")
        assert response.status_code == 400, (method, url, response.content[:300])
        assert response.json()["code"] in REFUSALS
